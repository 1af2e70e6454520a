import { combined } from '#shared/domain/cadence'
import type { PartnerTotals, ScorecardSource } from './types'

/**
 * cadence_compliance (per period): ROBs and MBRs held ÷ scheduled, from the cadence module (decision 012) —
 * its tallies come with the partners' facts, from one gather over the trend's span.
 */
export const cadenceSource: ScorecardSource = {
  metrics: ['cadence_compliance'],
  async collect(ctx) {
    const out: PartnerTotals[] = []
    for (const [period, byPartner] of (await ctx.facts()).trendTallies)
      for (const [partnerId, tallies] of byPartner) {
        const all = combined(tallies)
        out.push({
          metric: 'cadence_compliance',
          period,
          partnerId,
          numerator: all.held,
          denominator: all.scheduled,
        })
      }
    return out
  },
}
