import { intended } from './format'
import { driveUsage } from './rules/drive-usage'
import { nearMilestone } from './rules/near-milestone'
import { stalled } from './rules/stalled'
import { successReview } from './rules/success-review'
import { surveyContact } from './rules/survey-contact'
import { unclaimed } from './rules/unclaimed'
import type { EngagementFacts, GroupFacts, Opportunity, OpportunityParams, OpportunityRule } from './types'

/** Every rule, in display order; a new rule is one file in rules/ and one line here. */
export const opportunityRules: OpportunityRule[] = [
  driveUsage,
  unclaimed,
  stalled,
  nearMilestone,
  surveyContact,
  successReview,
]

const groupKey = (customerId: number, partnerId: number) => `${customerId}:${partnerId}`

/**
 * What customer-level rules need, per customer × partner: the anchor engagement, the partner's workloads
 * past the survey trigger, and since when every intended workload of the customer is past the
 * success-review share. Duplicate / No-intent engagements count for nothing.
 */
export function groupFacts(facts: EngagementFacts[], p: OpportunityParams): Map<string, GroupFacts> {
  const byCustomer = new Map<number, EngagementFacts[]>()
  for (const f of facts) {
    if (!intended(f)) continue
    const list = byCustomer.get(f.customerId) ?? []
    list.push(f)
    byCustomer.set(f.customerId, list)
  }
  const groups = new Map<string, GroupFacts>()
  for (const [customerId, list] of byCustomer) {
    const since = new Map<string, string | null>()
    for (const f of list) since.set(f.workloadCode, since.get(f.workloadCode) ?? f.successShareSince)
    const dates = [...since.values()]
    // ISO dates sort as strings: the latest one is when the last workload got there.
    const successReachedOn = dates.some((d) => d === null)
      ? null
      : ((dates as string[]).sort().at(-1) ?? null)
    for (const f of list) {
      const key = groupKey(customerId, f.partnerId)
      let g = groups.get(key)
      if (!g) {
        g = { anchorEngagementId: null, surveyReady: [], intendedWorkloads: since.size, successReachedOn }
        groups.set(key, g)
      }
      if (g.anchorEngagementId === null || f.engagementId < g.anchorEngagementId)
        g.anchorEngagementId = f.engagementId
      const share = f.licensed && f.active !== null ? f.active / f.licensed : null
      if (share !== null && share >= p.milestones[0]!)
        g.surveyReady.push({ workloadCode: f.workloadCode, share, active: f.active! })
    }
  }
  for (const g of groups.values()) g.surveyReady.sort((a, b) => a.workloadCode.localeCompare(b.workloadCode))
  return groups
}

const noGroup: GroupFacts = {
  anchorEngagementId: null,
  surveyReady: [],
  intendedWorkloads: 0,
  successReachedOn: null,
}

/**
 * Runs every rule over every engagement (a duplicate engagement never yields a finding) and ranks within
 * each rule by value, highest first (ties: lowest engagement id).
 */
export function findOpportunities(
  facts: EngagementFacts[],
  params: OpportunityParams,
  today: string,
  rules = opportunityRules,
): Opportunity[] {
  const groups = groupFacts(facts, params)
  // Each engagement's context once, not once per rule.
  const live = facts.filter((f) => f.intentStatus !== 'duplicate')
  const contexts = live.map((f) => ({
    params,
    today,
    group: groups.get(groupKey(f.customerId, f.partnerId)) ?? noGroup,
  }))
  const found: Opportunity[] = []
  for (const rule of rules) {
    const hits: Opportunity[] = []
    for (let i = 0; i < live.length; i++) {
      const o = rule.evaluate(live[i]!, contexts[i]!)
      if (o) hits.push(o)
    }
    hits.sort((a, b) => b.value - a.value || a.engagementId - b.engagementId)
    found.push(...hits)
  }
  return found
}
