import type { IntentStatus, Phase } from '#shared/domain/portfolio'

/** What a rule sees of one engagement: the portfolio row, its partner's endorsement, its latest usage. */
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
  licensed: number | null
  active: number | null
  /** Highest active users seen in any snapshot of this customer × workload. */
  peakActive: number | null
}

export type OpportunityParams = {
  eligibleMinSeats: number
  /** Usage milestones as shares of licensed users (onboarding 15 %, adoption 40 %). */
  milestones: number[]
  /** Below this active share an eligible, endorsed workload is worth driving. */
  driveUsageBelow: number
  /** Within this many points below a milestone counts as "close". */
  nearMilestonePts: number
}

export const defaultOpportunityParams: OpportunityParams = {
  eligibleMinSeats: 150,
  milestones: [0.15, 0.4],
  driveUsageBelow: 0.2,
  nearMilestonePts: 0.03,
}

export type Opportunity = {
  rule: string
  engagementId: number
  partnerId: number
  customerId: number
  workloadCode: string
  /** Larger = more worth doing; rules rank by their own unit, documented in docs/metrics.md. */
  value: number
  reason: string
  evidence: Record<string, number | string | boolean | null>
}

/** A rule is one small pure function over one engagement. */
export type OpportunityRule = {
  id: string
  title: string
  evaluate(e: EngagementFacts, p: OpportunityParams): Opportunity | null
}
