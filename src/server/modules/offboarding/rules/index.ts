import type { OffboardingSettings } from '#shared/contracts/settings'
import { mandatoryTasksOverdueRule } from './mandatory-tasks-overdue'
import { noBusinessRhythmRule } from './no-business-rhythm'
import { noUsageGrowthRule } from './no-usage-growth'
import { nsatBelowTargetRule } from './nsat-below-target'
import type { Flag, OffboardingRuleDef, PartnerSignals } from './types'
import { unansweredReferralsRule } from './unanswered-referrals'

/** Every offboarding rule, in the order they are shown. A new rule is one file added here. */
export const offboardingRuleDefs: readonly OffboardingRuleDef[] = [
  noUsageGrowthRule,
  mandatoryTasksOverdueRule,
  nsatBelowTargetRule,
  noBusinessRhythmRule,
  unansweredReferralsRule,
]

export function evaluateRules(s: PartnerSignals, settings: OffboardingSettings): Flag[] {
  return offboardingRuleDefs.flatMap((r) => r.evaluate(s, settings) ?? [])
}
