import type { ProgramSettingsValues } from '#shared/contracts/settings'
import type { IntentStatus, Phase } from '#shared/domain/portfolio'

/** What a rule sees of one engagement: the portfolio row, its partner's endorsement, its usage. */
export type EngagementFacts = {
  engagementId: number
  partnerId: number
  customerId: number
  customerName: string
  workloadCode: string
  seats: number | null
  endorsed: boolean
  claimed: boolean
  intentStatus: IntentStatus
  phase: Phase
  /** The date (YYYY-MM-DD) the engagement entered its current phase (engagements.phase_since). */
  phaseSince: string
  /** The newest snapshot of this customer × workload up to the period's end; null without usage data. */
  licensed: number | null
  active: number | null
  /** Highest active users seen in any snapshot of this customer × workload (the high-water mark). */
  peakActive: number | null
  /** The customer has a survey contact (customers.survey_contact_email). */
  hasSurveyContact: boolean
  /** The customer's last success review (customers.last_success_review_on). */
  lastSuccessReviewOn: string | null
  /**
   * Since when this workload's active share has been at or above the success-review share without a dip
   * (the first snapshot after the newest one below it); null when it is below now or unmeasured.
   */
  successShareSince: string | null
}

/** The program parameters in force for the period (docs/metrics.md; settings are dated). */
export type OpportunityParams = ProgramSettingsValues['program']

/** What one partner's engagements on one customer share: customer-level rules read this. */
export type GroupFacts = {
  /** The engagement that a customer-level finding for this partner is filed under (its lowest-id intended one). */
  anchorEngagementId: number | null
  /** This partner's workloads on the customer at or above the survey trigger (the first milestone). */
  surveyReady: { workloadCode: string; share: number; active: number }[]
  /** The customer's intended workloads (any partner; not No intent or Duplicate). */
  intendedWorkloads: number
  /** The date since which every intended workload is at or above the success-review share; null if one is not. */
  successReachedOn: string | null
}

export type RuleContext = {
  params: OpportunityParams
  /** The date the rules judge "how long" against (the refresh date). */
  today: string
  group: GroupFacts
}

export type Evidence = Record<string, number | string | boolean | null>

export type Opportunity = {
  rule: string
  engagementId: number
  partnerId: number
  customerId: number
  /** Null for a finding about the whole customer. */
  workloadCode: string | null
  /** Larger = more worth doing; each rule ranks by its own unit, documented in docs/metrics.md. */
  value: number
  reason: string
  evidence: Evidence
}

/** A rule is one small pure function over one engagement and its group; a new rule is one file in rules/. */
export type OpportunityRule = {
  id: string
  title: string
  /** What the rule finds and why it matters, in one or two sentences. */
  description: string
  /** The unit of `value`, e.g. "users to win". */
  unit: string
  evaluate(e: EngagementFacts, ctx: RuleContext): Opportunity | null
}
