/** Vocabularies and pure rules of the escalations and blockers register (decision 009). */

export const Severity = { critical: 'critical', high: 'high', medium: 'medium', low: 'low' } as const
export type Severity = (typeof Severity)[keyof typeof Severity]
export const severities = Object.values(Severity) as [Severity, ...Severity[]]
export const severityLabel: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
}

export const EscalationCategory = {
  technical: 'technical',
  process: 'process',
  commercial: 'commercial',
  program: 'program',
} as const
export type EscalationCategory = (typeof EscalationCategory)[keyof typeof EscalationCategory]
export const escalationCategories = Object.values(EscalationCategory) as [
  EscalationCategory,
  ...EscalationCategory[],
]
export const escalationCategoryLabel: Record<EscalationCategory, string> = {
  technical: 'Technical',
  process: 'Process',
  commercial: 'Commercial',
  program: 'Program',
}

export const EscalationStatus = {
  open: 'open',
  in_progress: 'in_progress',
  resolved: 'resolved',
  closed: 'closed',
} as const
export type EscalationStatus = (typeof EscalationStatus)[keyof typeof EscalationStatus]
export const escalationStatuses = Object.values(EscalationStatus) as [EscalationStatus, ...EscalationStatus[]]
export const escalationStatusLabel: Record<EscalationStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  resolved: 'Resolved',
  closed: 'Closed',
}
/** Statuses that still need work (what "open escalations" means in lists, agendas and reports). */
export const activeStatuses: readonly EscalationStatus[] = ['open', 'in_progress']

/**
 * The workflow as a table: from each status, the statuses a transition may go to. Closing is allowed
 * from any status but closed (with closure evidence); resolved and closed can be reopened (→ open).
 */
export const escalationTransitions: Record<EscalationStatus, readonly EscalationStatus[]> = {
  open: ['in_progress', 'resolved', 'closed'],
  in_progress: ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
}

export function canTransition(from: EscalationStatus, to: EscalationStatus): boolean {
  return escalationTransitions[from].includes(to)
}

/** The button label of a transition (reopen is a transition back to open). */
export function transitionLabel(from: EscalationStatus, to: EscalationStatus): string {
  if (to === 'open') return from === 'in_progress' ? 'Back to open' : 'Reopen'
  return { in_progress: 'Start work', resolved: 'Resolve', closed: 'Close' }[to]
}

/** Where an escalation goes next along the escalation path. */
export const EscalationTarget = { lead: 'lead', sme: 'sme', program_team: 'program_team' } as const
export type EscalationTarget = (typeof EscalationTarget)[keyof typeof EscalationTarget]
export const escalationTargets = Object.values(EscalationTarget) as [EscalationTarget, ...EscalationTarget[]]
export const escalationTargetLabel: Record<EscalationTarget, string> = {
  lead: 'Lead',
  sme: 'SME',
  program_team: 'Program team',
}

/** True for an absolute http(s) URL with a host. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim())
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0
  } catch {
    return false
  }
}

export type FieldIssue = { path: string[]; message: string }

/** What closing requires: evidence of what was done, and a valid http(s) link to it. */
export function closureIssues(input: { evidence?: string | null; link?: string | null }): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (!input.evidence?.trim())
    issues.push({ path: ['evidence'], message: 'Describe what was done to close the escalation' })
  const link = input.link?.trim()
  if (!link) issues.push({ path: ['link'], message: 'Add a link to the evidence' })
  else if (!isHttpUrl(link))
    issues.push({ path: ['link'], message: 'Use a web address starting with http:// or https://' })
  return issues
}

/** SLA: hours to resolve per severity. Admins change them; these are the built-in defaults. */
export type SlaHours = Record<Severity, number>
export const defaultSlaHours: SlaHours = { critical: 24, high: 72, medium: 7 * 24, low: 14 * 24 }
/** At or above this share of the SLA elapsed, an unresolved escalation is at risk. */
export const AT_RISK_SHARE = 0.75

export const SlaState = { on_track: 'on_track', at_risk: 'at_risk', breached: 'breached' } as const
export type SlaState = (typeof SlaState)[keyof typeof SlaState]
export const slaStates = Object.values(SlaState) as [SlaState, ...SlaState[]]
export const slaStateLabel: Record<SlaState, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  breached: 'Breached',
}

export type SlaClock = { dueAt: Date; elapsedShare: number; state: SlaState }

const HOUR = 3_600_000

/**
 * The SLA clock of one escalation: due `hours` after it was raised; the elapsed share is the time from
 * raising to now — or to its resolution, where the clock stops — over the SLA. Breached at 100 % or more,
 * at risk from 75 %, else on track.
 */
export function slaClock(raisedAt: Date, hours: number, now: Date, resolvedAt: Date | null = null): SlaClock {
  const dueAt = new Date(raisedAt.getTime() + hours * HOUR)
  const end = resolvedAt && resolvedAt < now ? resolvedAt : now
  const elapsed = Math.max(0, end.getTime() - raisedAt.getTime())
  const elapsedShare = hours > 0 ? elapsed / (hours * HOUR) : 1
  const state: SlaState =
    elapsedShare >= 1 ? 'breached' : elapsedShare >= AT_RISK_SHARE ? 'at_risk' : 'on_track'
  return { dueAt, elapsedShare, state }
}

/** Age buckets of the open-by-age report, in days since raised (inclusive bounds; the last has none). */
export const ageBuckets = [
  { key: 'd0_7', label: '0–7 days', min: 0, max: 7 },
  { key: 'd8_30', label: '8–30 days', min: 8, max: 30 },
  { key: 'd31_90', label: '31–90 days', min: 31, max: 90 },
  { key: 'd90_plus', label: '> 90 days', min: 91, max: null },
] as const
export type AgeBucket = (typeof ageBuckets)[number]['key']

export function ageBucketOf(days: number): AgeBucket {
  for (const b of ageBuckets) if (b.max === null || days <= b.max) return b.key
  return 'd90_plus'
}

/** Nearest-rank percentile (p in 0–100) of a list; null when empty. */
export function nearestRank(xs: number[], p: number): number | null {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * s.length))
  return s[rank - 1]!
}
