/**
 * Offboarding recommendations (issue 5 item 5, decision 017): the rules that flag a partner not progressing
 * and the workflow a recommendation goes through. Pure: shared by server, web and CLI.
 * Role guide: "Escalation actions & raise awareness of partners not progressing through transformation",
 * "recommending offboarding as appropriate"; domain.md §3.1 step 9.
 */

export const OffboardingRule = {
  no_usage_growth: 'no_usage_growth',
  mandatory_tasks_overdue: 'mandatory_tasks_overdue',
  nsat_below_target: 'nsat_below_target',
  no_business_rhythm: 'no_business_rhythm',
  unanswered_referrals: 'unanswered_referrals',
} as const
export type OffboardingRule = (typeof OffboardingRule)[keyof typeof OffboardingRule]
export const offboardingRules = Object.values(OffboardingRule) as [OffboardingRule, ...OffboardingRule[]]
export const offboardingRuleLabel: Record<OffboardingRule, string> = {
  no_usage_growth: 'No usage growth',
  mandatory_tasks_overdue: 'Mandatory tasks overdue',
  nsat_below_target: 'NSAT below target',
  no_business_rhythm: 'No business rhythm',
  unanswered_referrals: 'Unanswered referrals',
}

export const RecommendationStatus = {
  proposed: 'proposed',
  reviewed: 'reviewed',
  accepted: 'accepted',
  rejected: 'rejected',
  /** An accepted recommendation taken back: the partner's status is restored. */
  reversed: 'reversed',
} as const
export type RecommendationStatus = (typeof RecommendationStatus)[keyof typeof RecommendationStatus]
export const recommendationStatuses = Object.values(RecommendationStatus) as [
  RecommendationStatus,
  ...RecommendationStatus[],
]
export const recommendationStatusLabel: Record<RecommendationStatus, string> = {
  proposed: 'Proposed',
  reviewed: 'Reviewed',
  accepted: 'Accepted',
  rejected: 'Rejected',
  reversed: 'Reversed',
}
/** A partner has at most one recommendation in one of these states. */
export const openRecommendationStatuses = ['proposed', 'reviewed'] as const satisfies RecommendationStatus[]

/**
 * Who moves a recommendation where. `lead` = a lead of the partner's region or an admin (the review is a
 * second pair of eyes); `writer` = anyone who may edit the partner (its FPM, its lead, an admin).
 * Rejected and reversed recommendations can be proposed again (back to proposed): nothing is ever deleted.
 */
export const recommendationTransitions: Record<
  RecommendationStatus,
  Partial<Record<RecommendationStatus, 'writer' | 'lead'>>
> = {
  proposed: { reviewed: 'lead', rejected: 'lead' },
  reviewed: { accepted: 'lead', rejected: 'lead', proposed: 'lead' },
  accepted: { reversed: 'lead' },
  rejected: { proposed: 'writer' },
  reversed: { proposed: 'writer' },
}

/** A comment is required when the decision needs a reason on record. */
export const commentRequired = (to: RecommendationStatus) =>
  to === 'rejected' || to === 'reversed' || to === 'accepted'

export function canTransition(from: RecommendationStatus, to: RecommendationStatus) {
  return recommendationTransitions[from][to] ?? null
}

/** One month of a partner's usage (sums over its workloads): the input of the usage-growth rule. */
export type UsageMonth = { month: string; licensed: number; active: number }

/**
 * No usage growth: the partner's active users in its newest month are not above those `months` months
 * earlier. Null (no flag) without a month that far back — too new a partner is not "not progressing".
 */
export function noUsageGrowth(series: readonly UsageMonth[], months: number) {
  if (series.length === 0) return null
  const sorted = [...series].sort((a, b) => a.month.localeCompare(b.month))
  const latest = sorted.at(-1)!
  const start = monthsBefore(latest.month, months)
  const base = sorted.find((m) => m.month === start)
  if (!base) return null
  if (latest.active > base.active) return null
  return { from: base, to: latest, change: latest.active - base.active }
}

/** `YYYY-MM` minus n months. */
export function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) - n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}
