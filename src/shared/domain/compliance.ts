import { addDays } from './periods'

/**
 * Data compliance ("compliance in required PRM updates", issue 5 item 3; docs/metrics.md "Data compliance";
 * decision 015), pure. Each check gives pass or fail per record it applies to; compliance = passed ÷
 * applicable, and a group's compliance adds passed and applicable before dividing.
 */

export const ComplianceCheck = {
  notes: 'notes',
  stakeholders: 'stakeholders',
  nextMeeting: 'nextMeeting',
  usage: 'usage',
  escalations: 'escalations',
} as const
export type ComplianceCheck = (typeof ComplianceCheck)[keyof typeof ComplianceCheck]
export const complianceChecks = Object.values(ComplianceCheck) as [ComplianceCheck, ...ComplianceCheck[]]

export const complianceCheckLabel: Record<ComplianceCheck, string> = {
  notes: 'Engagement notes',
  stakeholders: 'Sponsor and delivery lead',
  nextMeeting: 'Next meeting',
  usage: 'Usage data',
  escalations: 'Escalation updates',
}

/** What a failing record of each check says, and what fixes it. */
export const complianceFailureLabel: Record<ComplianceCheck, string> = {
  notes: 'No engagement note recently',
  stakeholders: 'Sponsor or delivery lead missing',
  nextMeeting: 'No ROB or MBR scheduled',
  usage: 'Usage data out of date',
  escalations: 'Open escalation without update',
}
export const complianceFixLabel: Record<ComplianceCheck, string> = {
  notes: 'Log a touchpoint',
  stakeholders: 'Add stakeholders',
  nextMeeting: 'Schedule a ROB or MBR',
  usage: 'Import fresh usage',
  escalations: 'Update the escalation',
}

/** What each check's record is: one per partner, one per customer of the partner, one per open escalation. */
export const complianceCheckUnit: Record<ComplianceCheck, 'partner' | 'customer' | 'escalation'> = {
  notes: 'partner',
  stakeholders: 'partner',
  nextMeeting: 'partner',
  usage: 'customer',
  escalations: 'escalation',
}

export type Tally = { applicable: number; passed: number }
export type CheckTallies = Record<ComplianceCheck, Tally>

export const emptyTally = (): Tally => ({ applicable: 0, passed: 0 })
export const emptyCheckTallies = (): CheckTallies =>
  Object.fromEntries(complianceChecks.map((c) => [c, emptyTally()])) as CheckTallies

/** passed ÷ applicable, or null when nothing applies (shown as "—", never as 100 % or 0 %). */
export function compliancePct(t: Tally): number | null {
  if (t.passed < 0 || t.passed > t.applicable) throw new RangeError('passed must be between 0 and applicable')
  return t.applicable === 0 ? null : t.passed / t.applicable
}

/** The sum of tallies: a group's compliance is Σ passed ÷ Σ applicable, never an average of percentages. */
export function sumTallies(list: Tally[]): Tally {
  return list.reduce((s, t) => ({ applicable: s.applicable + t.applicable, passed: s.passed + t.passed }), {
    applicable: 0,
    passed: 0,
  })
}

/** Per check, the sums over many partners' tallies. */
export function sumCheckTallies(list: CheckTallies[]): CheckTallies {
  const out = emptyCheckTallies()
  for (const t of list)
    for (const c of complianceChecks) {
      out[c].applicable += t[c].applicable
      out[c].passed += t[c].passed
    }
  return out
}

/** All checks of a partner together: each record of each switched-on check counts once. */
export const overallTally = (t: CheckTallies): Tally => sumTallies(complianceChecks.map((c) => t[c]))

/**
 * Is a dated record recent enough? Passes when `last` (YYYY-MM-DD or an ISO instant) is no more than `days`
 * whole days before `today` (YYYY-MM-DD); fails when missing. A note from 14 days ago passes a 14-day check,
 * one from 15 days ago fails.
 */
export function isFresh(last: string | null | undefined, today: string, days: number): boolean {
  if (!last) return false
  return last.slice(0, 10) >= addDays(today, -days)
}

/** Whole days from `last` to `today` (both YYYY-MM-DD or ISO instants; the date part is used), null when missing. */
export function ageInDays(last: string | null | undefined, today: string): number | null {
  if (!last) return null
  return Math.round((Date.parse(today.slice(0, 10)) - Date.parse(last.slice(0, 10))) / 86_400_000)
}
