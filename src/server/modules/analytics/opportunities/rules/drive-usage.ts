import type { OpportunityRule } from '../types'

/**
 * Eligible customer × workload the partner is endorsed for, with intent, and active usage below the
 * program threshold. Value: licensed users minus the peak active users ever seen (opportunity units).
 */
export const driveUsage: OpportunityRule = {
  id: 'drive-usage',
  title: 'Drive usage',
  evaluate(e, p) {
    if (!e.endorsed || (e.seats ?? 0) < p.eligibleMinSeats) return null
    if (e.intentStatus === 'no_intent' || e.intentStatus === 'duplicate') return null
    if (!e.licensed || e.active === null) return null
    const share = e.active / e.licensed
    if (share >= p.driveUsageBelow) return null
    const units = Math.max(0, e.licensed - Math.max(e.peakActive ?? 0, e.active))
    if (units === 0) return null
    return {
      rule: this.id,
      engagementId: e.engagementId,
      partnerId: e.partnerId,
      customerId: e.customerId,
      workloadCode: e.workloadCode,
      value: units,
      reason: `${e.customerName}: ${e.workloadCode} at ${(share * 100).toFixed(1)} % active (below ${(p.driveUsageBelow * 100).toFixed(0)} %), ${units} licensed users never active`,
      evidence: { licensed: e.licensed, active: e.active, peakActive: e.peakActive, seats: e.seats },
    }
  },
}
