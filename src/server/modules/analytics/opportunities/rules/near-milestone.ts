import { finding, intended, num, pct, pctShort, workloadName } from '../format'
import type { OpportunityRule } from '../types'

/**
 * domain.md §6.7 rule 5: active usage within `nearMilestonePts` below the next usage milestone — a push
 * earns the milestone (and its incentive). Value: licensed users (the entitlements the milestone counts).
 */
export const nearMilestone: OpportunityRule = {
  id: 'near-milestone',
  title: 'Near a milestone',
  description:
    'Active usage just below the next usage milestone (10 %, 15 %, 40 % by default): a small push reaches it.',
  unit: 'licensed users',
  evaluate(e, { params: p }) {
    if (!intended(e) || !e.licensed || e.active === null) return null
    const share = e.active / e.licensed
    const next = p.milestones.find((m) => share < m)
    if (next === undefined || next - share > p.nearMilestonePts + 1e-9) return null
    const usersNeeded = Math.max(1, Math.ceil(next * e.licensed - 1e-9) - e.active)
    return finding(
      this.id,
      e,
      e.licensed,
      `${e.customerName}: ${workloadName(e.workloadCode)} ${pct(share)} active of ${num(e.licensed)} licensed; ${num(usersNeeded)} more active users reach the ${pctShort(next)} milestone`,
      { licensed: e.licensed, active: e.active, share, milestone: next, usersNeeded },
    )
  },
}
