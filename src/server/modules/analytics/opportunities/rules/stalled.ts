import { phaseLabel } from '#shared/domain/portfolio'
import { daysBetween, finding, num, workloadName } from '../format'
import type { OpportunityRule } from '../types'

/** Phases after onboarding: staying in them is the goal, not a stall. */
const settled = new Set(['operation', 'success'])

/**
 * domain.md §6.7 rule 4: an engagement in progress that has stayed in one onboarding phase for
 * `stalledDays` or more. Value: days in the phase.
 */
export const stalled: OpportunityRule = {
  id: 'stalled',
  title: 'Stalled engagement',
  description:
    'An engagement in progress that has stayed in one onboarding phase (Initiate to Adoption) longer than the stalled-days setting: time for coaching, an SME or an escalation.',
  unit: 'days in phase',
  evaluate(e, { params: p, today }) {
    if (e.intentStatus !== 'in_progress' || settled.has(e.phase)) return null
    const days = daysBetween(e.phaseSince, today)
    if (days < p.stalledDays) return null
    return finding(
      this.id,
      e,
      days,
      `${e.customerName}: ${workloadName(e.workloadCode)} has been in ${phaseLabel[e.phase]} for ${num(days)} days (stalled from ${p.stalledDays})`,
      { phase: e.phase, phaseSince: e.phaseSince, days, stalledDays: p.stalledDays },
    )
  },
}
