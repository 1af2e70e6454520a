import { intentStatusLabel } from '#shared/domain/portfolio'
import { finding, intended, num, workloadName } from '../format'
import type { OpportunityRule } from '../types'

/**
 * domain.md §6.7 rule 2 (claim gap): an eligible workload the partner works on, with intent, without a
 * CPOR claim: the partner delivers but is not credited. Value: licensed users (seats when unmeasured).
 */
export const unclaimed: OpportunityRule = {
  id: 'unclaimed',
  title: 'Unclaimed workload',
  description:
    'An eligible customer × workload the partner works on (with intent) that is not claimed in Partner Center (CPOR), so the partner is not credited.',
  unit: 'users not credited',
  evaluate(e, { params: p }) {
    if (e.claimed || (e.seats ?? 0) < p.eligibleMinSeats || !intended(e)) return null
    const users = e.licensed ?? e.seats ?? 0
    return finding(
      this.id,
      e,
      users,
      `${e.customerName}: ${workloadName(e.workloadCode)} (${intentStatusLabel[e.intentStatus]}) is not claimed in Partner Center (CPOR); ${num(users)} ${e.licensed === null ? 'seats' : 'licensed users'} not credited`,
      { claimed: false, intentStatus: e.intentStatus, licensed: e.licensed, seats: e.seats },
    )
  },
}
