import type { OpportunityRule } from '../types'

/** Active usage just below the next usage milestone (15 % or 40 %): a push earns the incentive. */
export const nearMilestone: OpportunityRule = {
  id: 'near-milestone',
  title: 'Close to the next milestone',
  evaluate(e, p) {
    if (!e.licensed || e.active === null) return null
    const share = e.active / e.licensed
    const next = p.milestones.find((m) => share < m)
    if (next === undefined || next - share > p.nearMilestonePts) return null
    const usersNeeded = Math.ceil(next * e.licensed) - e.active
    return {
      rule: this.id,
      engagementId: e.engagementId,
      partnerId: e.partnerId,
      customerId: e.customerId,
      workloadCode: e.workloadCode,
      // Fewer users to go ranks higher.
      value: 1 / Math.max(1, usersNeeded),
      reason: `${e.customerName}: ${e.workloadCode} needs ${usersNeeded} more active users to reach ${(next * 100).toFixed(0)} %`,
      evidence: { licensed: e.licensed, active: e.active, milestone: next, usersNeeded },
    }
  },
}
