import { loadSlaHours } from '#server/modules/escalations/sla'
import { monthsOf } from '#shared/domain/cadence'
import { scorecardRepository } from '../repository'
import type { PartnerTotals, ScorecardSource } from './types'

/** issue_closure (per period): escalations resolved in the period within their SLA ÷ resolved. */
export const escalationsSource: ScorecardSource = {
  metrics: ['issue_closure'],
  async collect(ctx) {
    const rows = await scorecardRepository(ctx.database.db).resolvedEscalations(
      ctx.scope,
      ctx.periods[0]!.from,
      ctx.periods.at(-1)!.to,
      await loadSlaHours(ctx.database),
    )
    const out: PartnerTotals[] = []
    for (const period of ctx.periods) {
      const months = new Set(monthsOf(period))
      for (const r of rows)
        if (months.has(r.month))
          out.push({
            metric: 'issue_closure',
            period: period.key,
            partnerId: r.partnerId,
            numerator: r.withinSla,
            denominator: r.resolved,
          })
    }
    return out
  },
}
