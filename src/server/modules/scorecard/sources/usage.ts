import { monthsOf } from '#shared/domain/cadence'
import { scorecardRepository } from '../repository'
import type { PartnerTotals, ScorecardSource } from './types'

/** adoption_milestone (per period): the newest month of the period with a usage rollup, per partner. */
export const usageSource: ScorecardSource = {
  metrics: ['adoption_milestone'],
  async collect(ctx) {
    const rows = await scorecardRepository(ctx.database.db).milestoneMonths(
      ctx.scope,
      ctx.periods[0]!.from,
      ctx.periods.at(-1)!.to,
    )
    const byPartnerMonth = new Map(rows.map((r) => [`${r.partnerId}|${r.month}`, r]))
    const partners = [...new Set(rows.map((r) => r.partnerId))]
    const out: PartnerTotals[] = []
    for (const period of ctx.periods) {
      const months = monthsOf(period).reverse()
      for (const partnerId of partners) {
        const newest = months.map((m) => byPartnerMonth.get(`${partnerId}|${m}`)).find(Boolean)
        if (newest)
          out.push({
            metric: 'adoption_milestone',
            period: period.key,
            partnerId,
            numerator: newest.top,
            denominator: newest.engagements,
          })
      }
    }
    return out
  },
}
