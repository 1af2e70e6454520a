import { driveUsage } from './rules/drive-usage'
import { nearMilestone } from './rules/near-milestone'
import { unclaimed } from './rules/unclaimed'
import type { EngagementFacts, Opportunity, OpportunityParams, OpportunityRule } from './types'

/** Every rule; a new rule is one file in rules/ and one line here. */
export const opportunityRules: OpportunityRule[] = [driveUsage, nearMilestone, unclaimed]

/** Runs every rule over every engagement; ranks within each rule by value, highest first. */
export function findOpportunities(
  facts: EngagementFacts[],
  params: OpportunityParams,
  rules = opportunityRules,
): Opportunity[] {
  const found: Opportunity[] = []
  for (const rule of rules) {
    const hits = facts.map((f) => rule.evaluate(f, params)).filter((o): o is Opportunity => o !== null)
    hits.sort((a, b) => b.value - a.value || a.engagementId - b.engagementId)
    found.push(...hits)
  }
  return found
}
