import { complianceService } from '#server/modules/compliance/service'
import type { ScorecardSource } from './types'

/** prm_compliance (today): data compliance checks passed ÷ applicable, from the compliance module (decision 015). */
export const complianceSource: ScorecardSource = {
  metrics: ['prm_compliance'],
  async collect(ctx) {
    const rows = await complianceService(ctx.database).totalsByPartner(
      ctx.actor,
      ctx.filters,
      undefined,
      ctx.now,
    )
    const period = ctx.periods.at(-1)!.key
    return rows
      .filter((r) => r.applicable > 0)
      .map((r) => ({
        metric: 'prm_compliance' as const,
        period,
        partnerId: r.partnerId,
        numerator: r.passed,
        denominator: r.applicable,
      }))
  },
}
