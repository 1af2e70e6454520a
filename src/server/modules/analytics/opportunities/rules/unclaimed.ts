import type { OpportunityRule } from '../types'

/** An engaged, eligible workload without a CPOR claim: the partner delivers but cannot be credited. */
export const unclaimed: OpportunityRule = {
  id: 'unclaimed',
  title: 'Unclaimed workload',
  evaluate(e, p) {
    if (e.claimed || (e.seats ?? 0) < p.eligibleMinSeats) return null
    if (e.intentStatus === 'no_intent' || e.intentStatus === 'duplicate') return null
    return {
      rule: this.id,
      engagementId: e.engagementId,
      partnerId: e.partnerId,
      customerId: e.customerId,
      workloadCode: e.workloadCode,
      value: e.licensed ?? e.seats ?? 0,
      reason: `${e.customerName}: ${e.workloadCode} is engaged but not claimed (CPOR)`,
      evidence: { seats: e.seats, licensed: e.licensed, intentStatus: e.intentStatus },
    }
  },
}
