import { cadenceService } from '#server/modules/cadence/service'
import { combined } from '#shared/domain/cadence'
import type { PartnerTotals, ScorecardSource } from './types'

/** cadence_compliance (per period): ROBs and MBRs held ÷ scheduled, from the cadence module (decision 012). */
export const cadenceSource: ScorecardSource = {
  metrics: ['cadence_compliance'],
  async collect(ctx) {
    const byPeriod = await cadenceService(ctx.database).talliesByPeriod(
      ctx.actor,
      ctx.filters,
      ctx.periods,
      ctx.now,
    )
    const out: PartnerTotals[] = []
    for (const [period, byPartner] of byPeriod)
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
