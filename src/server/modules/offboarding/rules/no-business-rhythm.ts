import { noRhythmReasonLabel } from '#shared/domain/cadence'
import type { OffboardingRuleDef } from './types'

/** No business rhythm in place (decision 012): no active series, no sponsor, or nothing held in N weeks. */
export const noBusinessRhythmRule: OffboardingRuleDef = {
  code: 'no_business_rhythm',
  hasData: () => true,
  evaluate(s) {
    if (s.noRhythm.length === 0) return null
    return {
      rule: this.code,
      evidence: s.noRhythm.map((r) => noRhythmReasonLabel[r]).join('; '),
      facts: { reasons: s.noRhythm.join(',') },
    }
  },
}
