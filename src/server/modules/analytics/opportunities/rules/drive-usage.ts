import { finding, intended, num, pct, pctShort, workloadName } from '../format'
import type { OpportunityRule } from '../types'

/**
 * domain.md §6.7 rule 1: eligible customer × workload the partner is endorsed for, with intent, and active
 * usage below the referral threshold. Value: licensed users minus the peak active users ever seen.
 */
export const driveUsage: OpportunityRule = {
  id: 'drive-usage',
  title: 'Drive usage',
  description:
    'An eligible customer on a workload the partner is endorsed for, with intent, whose active usage is below the referral threshold.',
  unit: 'users to win',
  evaluate(e, { params: p }) {
    if (!e.endorsed || (e.seats ?? 0) < p.eligibleMinSeats || !intended(e)) return null
    if (!e.licensed || e.active === null) return null
    const share = e.active / e.licensed
    if (share >= p.driveUsageBelow) return null
    const peak = Math.max(e.peakActive ?? 0, e.active)
    const units = e.licensed - peak
    if (units <= 0) return null
    return finding(
      this.id,
      e,
      units,
      `${e.customerName}: ${workloadName(e.workloadCode)} ${pct(share)} active of ${num(e.licensed)} licensed, below the ${pctShort(p.driveUsageBelow)} referral threshold; ${num(units)} users to win`,
      {
        licensed: e.licensed,
        active: e.active,
        peakActive: peak,
        share,
        threshold: p.driveUsageBelow,
        seats: e.seats,
      },
    )
  },
}
