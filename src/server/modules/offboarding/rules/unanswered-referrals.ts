import type { OffboardingRuleDef } from './types'

/** At least `unansweredReferrals` referrals left pending past the answer window. */
export const unansweredReferralsRule: OffboardingRuleDef = {
  code: 'unanswered_referrals',
  hasData: (s) => s.unansweredReferrals !== undefined,
  evaluate(s, settings) {
    const count = s.unansweredReferrals ?? 0
    if (count < settings.unansweredReferrals) return null
    return {
      rule: this.code,
      evidence: `${count} referral${count === 1 ? '' : 's'} not answered in time`,
      facts: { unanswered: count },
    }
  },
}
