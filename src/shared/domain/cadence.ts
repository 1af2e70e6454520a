import type { MeetingKind, OccurrenceStatus } from './meetings'
import { addMonths } from './periods'
import { localOf } from './recurrence'

/**
 * Cadence compliance, pure (docs/metrics.md "Business rhythm", decision 012). A period is a span of local
 * calendar days [from, to); an occurrence belongs to it by the local date of its start (the moved start if
 * moved) in its series' time zone, and is due once that start is before `now`.
 */

/** The meeting kinds that make up the business rhythm; other meetings are not counted. */
export const CadenceKind = { rob: 'rob', mbr: 'mbr' } as const
export type CadenceKind = (typeof CadenceKind)[keyof typeof CadenceKind]
export const cadenceKinds = Object.values(CadenceKind) as [CadenceKind, ...CadenceKind[]]
export const isCadenceKind = (kind: string): kind is CadenceKind => kind === 'rob' || kind === 'mbr'

export const NoRhythmReason = {
  no_series: 'no_series',
  no_sponsor: 'no_sponsor',
  nothing_held: 'nothing_held',
} as const
export type NoRhythmReason = (typeof NoRhythmReason)[keyof typeof NoRhythmReason]
export const noRhythmReasons = Object.values(NoRhythmReason) as [NoRhythmReason, ...NoRhythmReason[]]
export const noRhythmReasonLabel: Record<NoRhythmReason, string> = {
  no_series: 'No active ROB or MBR series',
  no_sponsor: 'No sponsor identified',
  nothing_held: 'Nothing held recently',
}

/** A calendar span of local days: `from` inclusive, `to` exclusive (YYYY-MM-DD). */
export type CadencePeriod = { key: string; from: string; to: string }

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/
const QUARTER = /^(\d{4})-Q([1-4])$/

/** `YYYY-MM` (a month) or `YYYY-Qn` (a calendar quarter) → its days; null when neither. */
export function parsePeriod(key: string): CadencePeriod | null {
  const m = MONTH.exec(key)
  if (m) {
    const from = `${key}-01`
    return { key, from, to: addMonths(from, 1) }
  }
  const q = QUARTER.exec(key)
  if (q) {
    const from = `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01`
    return { key, from, to: addMonths(from, 3) }
  }
  return null
}

/** The calendar quarter of a day (`YYYY-MM-DD`), as a key: `2026-Q4`. */
export const quarterOf = (day: string) =>
  `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`

/** The months (`YYYY-MM`) of a period, oldest first. */
export function monthsOf(p: CadencePeriod): string[] {
  const out: string[] = []
  for (let m = p.from.slice(0, 10); m < p.to; m = addMonths(m, 1)) out.push(m.slice(0, 7))
  return out
}

/** The `count` months ending with the month of `lastMonth` (`YYYY-MM`), oldest first. */
export function monthsEnding(lastMonth: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(`${lastMonth}-01`, i - count + 1).slice(0, 7))
}

/** One occurrence as cadence sees it: its kind, its start (moved start if moved), zone and status. */
export type CadenceOccurrence = {
  kind: MeetingKind
  start: string
  timeZone: string
  status: OccurrenceStatus
}

/** Due meetings of a kind in a period: scheduled (all due), held, and the cancelled among the not held. */
export type Tally = { scheduled: number; held: number; cancelled: number }
export type KindTallies = Record<CadenceKind, Tally>

export const emptyTally = (): Tally => ({ scheduled: 0, held: 0, cancelled: 0 })
export const addTallies = (a: Tally, b: Tally): Tally => ({
  scheduled: a.scheduled + b.scheduled,
  held: a.held + b.held,
  cancelled: a.cancelled + b.cancelled,
})
export const sumTallies = (list: readonly Tally[]): Tally => list.reduce(addTallies, emptyTally())

/** held ÷ scheduled, or null when nothing was scheduled (shown as "—", never 0 %). */
export const compliance = (t: Tally): number | null => (t.scheduled > 0 ? t.held / t.scheduled : null)

/** On target at or above the target; null when nothing was scheduled. */
export const onTarget = (share: number | null, target: number) => (share === null ? null : share >= target)

/** The local calendar day of an instant in a zone. */
export const localDay = (instant: string, zone: string) => localOf(new Date(instant), zone).slice(0, 10)

export const inPeriod = (o: CadenceOccurrence, p: CadencePeriod) => {
  const day = localDay(o.start, o.timeZone)
  return day >= p.from && day < p.to
}
export const isDue = (o: CadenceOccurrence, now: Date) => Date.parse(o.start) < now.getTime()

/**
 * Per kind: ROB and MBR occurrences of the period that are due at `now`. Each counts as scheduled; held
 * when marked held; a cancelled one stays scheduled and not held (a missed meeting).
 */
export function tally(
  occurrences: readonly CadenceOccurrence[],
  period: CadencePeriod,
  now: Date,
): KindTallies {
  const out: KindTallies = { rob: emptyTally(), mbr: emptyTally() }
  for (const o of occurrences) {
    if (!isCadenceKind(o.kind) || !isDue(o, now) || !inPeriod(o, period)) continue
    const t = out[o.kind]
    t.scheduled++
    if (o.status === 'held') t.held++
    else if (o.status === 'cancelled') t.cancelled++
  }
  return out
}

export const combined = (t: KindTallies): Tally => sumTallies(cadenceKinds.map((k) => t[k]))

export type RhythmFacts = {
  /** ROB and MBR series versions that still give a meeting after now. */
  activeSeries: number
  sponsorIdentified: boolean
  /** The start of the newest held ROB or MBR before now, or null. */
  lastHeldAt: string | null
}

/** Why a live partner has no business rhythm in place (empty when it has one). */
export function noRhythm(f: RhythmFacts, now: Date, silentWeeks: number): NoRhythmReason[] {
  const since = now.getTime() - silentWeeks * 7 * 86_400_000
  return [
    ...(f.activeSeries === 0 ? (['no_series'] as const) : []),
    ...(f.sponsorIdentified ? [] : (['no_sponsor'] as const)),
    ...(f.lastHeldAt === null || Date.parse(f.lastHeldAt) < since ? (['nothing_held'] as const) : []),
  ]
}
