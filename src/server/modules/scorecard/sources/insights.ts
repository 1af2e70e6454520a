import { insightsService } from '#server/modules/insights/service'
import type { PartnerTotals, ScorecardSource } from './types'

/**
 * insights_spotlights (per period): live partners with at least one Insight or Spotlight submitted in the
 * period ÷ live partners, from the insights module (decision 016).
 */
export const insightsSource: ScorecardSource = {
  metrics: ['insights_spotlights'],
  async collect(ctx) {
    const service = insightsService(ctx.database)
    const [{ partners }, perPeriod] = await Promise.all([
      ctx.facts(),
      Promise.all(
        ctx.periods.map(async (p) => ({
          key: p.key,
          rows: await service.totalsByPartner(ctx.actor, ctx.filters, p),
        })),
      ),
    ])
    const out: PartnerTotals[] = []
    for (const { key, rows } of perPeriod) {
      const submitted = new Set(rows.filter((r) => r.insights + r.spotlights > 0).map((r) => r.partnerId))
      for (const p of partners)
        out.push({
          metric: 'insights_spotlights',
          period: key,
          partnerId: p.partnerId,
          numerator: submitted.has(p.partnerId) ? 1 : 0,
          denominator: 1,
        })
    }
    return out
  },
}
