/** Referrals sent to a partner (domain.md §3.1 items 3 and 8; decision 016). Pure. */

export const ReferralStatus = {
  pending: 'pending',
  accepted: 'accepted',
  declined: 'declined',
  reassigned: 'reassigned',
} as const
export type ReferralStatus = (typeof ReferralStatus)[keyof typeof ReferralStatus]
export const referralStatuses = Object.values(ReferralStatus) as [ReferralStatus, ...ReferralStatus[]]
export const referralStatusLabel: Record<ReferralStatus, string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  declined: 'Declined',
  reassigned: 'Reassigned',
}
/** A pending referral is accepted or declined by the partner, or reassigned by the program. */
export const referralTransitions: Record<ReferralStatus, readonly ReferralStatus[]> = {
  pending: ['accepted', 'declined', 'reassigned'],
  accepted: [],
  declined: [],
  reassigned: [],
}
/** The partner answered: accepted or declined (a reassigned referral is one it did not answer). */
export const referralAnswered = (s: ReferralStatus) => s === 'accepted' || s === 'declined'

/** The partner must contact the customer within this many business days (domain.md §1, FRP referral). */
export const REFERRAL_SLA_BUSINESS_DAYS = 2
const DAY = 86_400_000

/** `at` plus `days` business days (Monday to Friday, UTC; no holidays). */
export function addBusinessDays(at: Date, days: number): Date {
  const d = new Date(at.getTime())
  let left = days
  while (left > 0) {
    d.setTime(d.getTime() + DAY)
    const wd = d.getUTCDay()
    if (wd !== 0 && wd !== 6) left--
  }
  return d
}

/** The moment a referral received at `receivedAt` must be answered by: `answerWithinDays` calendar days. */
export const answerDueAt = (receivedAt: Date, answerWithinDays: number) =>
  new Date(receivedAt.getTime() + answerWithinDays * DAY)

/**
 * Unanswered as of `asOf`: the answer window has passed by `asOf` (due ≤ asOf) and the partner had not
 * accepted or declined it before `asOf` (still pending, reassigned, or answered only later).
 */
export function unansweredAsOf(
  r: { receivedAt: Date; status: ReferralStatus; respondedAt: Date | null },
  asOf: Date,
  answerWithinDays: number,
): boolean {
  if (answerDueAt(r.receivedAt, answerWithinDays).getTime() > asOf.getTime()) return false
  const answeredBy =
    referralAnswered(r.status) && r.respondedAt !== null && r.respondedAt.getTime() < asOf.getTime()
  return !answeredBy
}
