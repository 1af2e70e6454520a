import type { OffboardingSettings } from '#shared/contracts/settings'
import type { NoRhythmReason } from '#shared/domain/cadence'
import type { OffboardingRule, UsageMonth } from '#shared/domain/offboarding'

/**
 * What the rules read about one partner. A field left undefined means Trellis holds no such data for the
 * partner's program yet (the module that records it is absent or empty): the rule then says "no data"
 * instead of passing the partner.
 */
export type PartnerSignals = {
  partnerId: number
  usage: UsageMonth[]
  noRhythm: NoRhythmReason[]
  overdueMandatoryTasks?: number
  nsat?: { value: number | null; responses: number; target: number; lowN: boolean }
  unansweredReferrals?: number
}

export type Flag = { rule: OffboardingRule; evidence: string; facts: Record<string, number | string | null> }

/** One rule, one file: flags a partner with its evidence in words, or null. */
export type OffboardingRuleDef = {
  code: OffboardingRule
  /** Whether the partner's signals hold the data this rule reads. */
  hasData(s: PartnerSignals): boolean
  evaluate(s: PartnerSignals, settings: OffboardingSettings): Flag | null
}
