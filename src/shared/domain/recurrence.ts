import { IANAZone } from 'luxon'
import * as rrulePackage from 'rrule'

// rrule ships CommonJS for Node (named exports under `default`) and ES modules for bundlers.
const { RRule } = ((rrulePackage as { default?: typeof rrulePackage }).default ??
  rrulePackage) as typeof rrulePackage
type RRule = InstanceType<typeof RRule>

/**
 * Recurring meetings, pure. A series is a local wall-clock start in an IANA time zone, a duration and an
 * RFC 5545 RRULE. rrule expands in "floating" time (a Date whose UTC fields are the local wall-clock
 * fields); each floating occurrence is then placed in the zone, so 09:00 Europe/Berlin stays 09:00 local
 * in summer and in winter. Local times that do not exist (the spring-forward gap) use the offset before
 * the gap (02:30 → 03:30 summer time); local times that occur twice (fall back) mean the first one —
 * both as RFC 5545 §3.3.5 says.
 */
export type SeriesRule = {
  /** Local wall-clock start of the first occurrence: `YYYY-MM-DDTHH:mm`. */
  startLocal: string
  timeZone: string
  durationMinutes: number
  /** An RRULE value (`FREQ=WEEKLY;INTERVAL=2;BYDAY=TU`), with or without the `RRULE:` prefix. */
  rrule: string
  /** Original starts (UTC instants) that do not take place. */
  exdates?: readonly string[]
}

export type ComputedOccurrence = {
  /** The instant the rule gives (UTC, ISO); the key of the occurrence. */
  originalStart: string
  end: string
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/
const DAY_MS = 86_400_000

export class RecurrenceError extends Error {
  constructor(
    readonly field: 'rrule' | 'startLocal' | 'timeZone',
    message: string,
  ) {
    super(message)
  }
}

const validZones = new Map<string, boolean>()
export function isTimeZone(zone: string): boolean {
  let valid = validZones.get(zone)
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone)
    if (validZones.size < 1000) validZones.set(zone, valid)
  }
  return valid
}

/**
 * A zone's UTC offset (minutes) at an instant, memoised: luxon asks Intl for it each time, and a report over
 * many series asks again and again for the same few wall-clock instants (decision 012).
 */
const offsets = new Map<string, number>()
function offsetAt(zone: string, ms: number): number {
  const key = `${zone}|${ms}`
  let offset = offsets.get(key)
  if (offset === undefined) {
    offset = IANAZone.create(zone).offset(ms)
    if (offsets.size >= 200_000) offsets.clear()
    offsets.set(key, offset)
  }
  return offset
}

/** `YYYY-MM-DDTHH:mm` → a floating Date (UTC fields = wall clock). */
export function floatingOf(local: string): Date {
  const m = LOCAL.exec(local)
  if (!m) throw new RecurrenceError('startLocal', 'Use the local date-time format YYYY-MM-DDTHH:mm')
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number]
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi))
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59)
    throw new RecurrenceError('startLocal', `${local} is not a date-time`)
  return date
}

/** The wall-clock time of an instant in a zone, as a floating Date. */
export function toFloating(instant: Date, zone: string): Date {
  const offset = offsetAt(zone, instant.getTime())
  return new Date(instant.getTime() + offset * 60_000)
}

/** A floating Date (wall clock in `zone`) → the real instant, by RFC 5545's rules for gaps and overlaps. */
export function fromFloating(floating: Date, zone: string): Date {
  const wall = floating.getTime()
  const before = offsetAt(zone, wall - DAY_MS)
  const after = offsetAt(zone, wall + DAY_MS)
  const valid = [...new Set([before, after])]
    .map((o) => wall - o * 60_000)
    .filter((t) => offsetAt(zone, t) * 60_000 === wall - t)
    .sort((a, b) => a - b)
  // A time in the gap takes the offset before it; an ambiguous time is the first of the two.
  return new Date(valid[0] ?? wall - before * 60_000)
}

export function localOf(instant: Date, zone: string): string {
  return toFloating(instant, zone).toISOString().slice(0, 16)
}

const RRULE_UTC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/
const RRULE_LOCAL = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?$/

/**
 * The rule with its UNTIL in floating time. RFC 5545 writes UNTIL in UTC (`…Z`) when DTSTART has a zone:
 * the instant is placed on the zone's wall clock. An UNTIL without `Z` is read as wall-clock time, and a
 * date alone as the end of that local day.
 */
function parseRule(rule: SeriesRule): RRule {
  const text = rule.rrule.trim().replace(/^RRULE:/i, '')
  if (!text) throw new RecurrenceError('rrule', 'The recurrence rule is empty')
  if (/(^|;)\s*DTSTART/i.test(text))
    throw new RecurrenceError('rrule', 'Give the start separately, not as DTSTART in the rule')
  let options: ReturnType<typeof RRule.parseString>
  try {
    options = RRule.parseString(text.replace(/(^|;)UNTIL=[^;]*/i, ''))
  } catch (e) {
    throw new RecurrenceError('rrule', `Not an RRULE: ${(e as Error).message}`)
  }
  if (options.freq === undefined || options.freq === null)
    throw new RecurrenceError('rrule', 'The rule needs a FREQ (DAILY, WEEKLY, MONTHLY or YEARLY)')
  if (options.interval !== undefined && (!Number.isInteger(options.interval) || options.interval < 1))
    throw new RecurrenceError('rrule', 'INTERVAL must be a positive whole number')
  const untilText = /(?:^|;)UNTIL=([^;]*)/i.exec(text)?.[1]
  let until: Date | null = null
  if (untilText) {
    const utc = RRULE_UTC.exec(untilText)
    const local = RRULE_LOCAL.exec(untilText)
    if (utc) {
      const [y, mo, d, h, mi, s] = utc.slice(1).map(Number) as number[]
      until = toFloating(new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!)), rule.timeZone)
    } else if (local) {
      const [y, mo, d, h, mi, s] = local.slice(1).map((v) => (v === undefined ? undefined : Number(v)))
      until =
        h === undefined
          ? new Date(Date.UTC(y!, mo! - 1, d!, 23, 59, 59))
          : new Date(Date.UTC(y!, mo! - 1, d!, h, mi!, s!))
    } else throw new RecurrenceError('rrule', `UNTIL=${untilText} is not a date or a UTC date-time`)
  }
  if (!isTimeZone(rule.timeZone))
    throw new RecurrenceError('timeZone', `${rule.timeZone} is not an IANA time zone`)
  return new RRule({ ...options, dtstart: floatingOf(rule.startLocal), until, tzid: null })
}

/** Throws a RecurrenceError naming the field when the rule cannot be expanded. */
export function validateRule(rule: SeriesRule): void {
  parseRule(rule)
}

/**
 * The occurrences whose original start lies in [from, to), sorted, without the exceptions.
 * Each start keeps the series' local wall-clock time in its zone.
 */
export function expand(rule: SeriesRule, from: Date, to: Date): ComputedOccurrence[] {
  const rrule = parseRule(rule)
  const excluded = new Set((rule.exdates ?? []).map((x) => new Date(x).getTime()))
  // Expand a day wider in floating time (offsets are under a day), then filter on the real instants.
  const floatFrom = new Date(toFloating(from, rule.timeZone).getTime() - DAY_MS)
  const floatTo = new Date(toFloating(to, rule.timeZone).getTime() + DAY_MS)
  const out: ComputedOccurrence[] = []
  for (const f of rrule.between(floatFrom, floatTo, true)) {
    const start = fromFloating(f, rule.timeZone)
    const t = start.getTime()
    if (t < from.getTime() || t >= to.getTime() || excluded.has(t)) continue
    out.push({
      originalStart: start.toISOString(),
      end: new Date(t + rule.durationMinutes * 60_000).toISOString(),
    })
  }
  return out.sort((a, b) => a.originalStart.localeCompare(b.originalStart))
}

/** Is `instant` an occurrence the rule gives (exceptions included)? */
export function isOccurrence(rule: SeriesRule, instant: Date): boolean {
  const t = instant.getTime()
  return expand({ ...rule, exdates: [] }, new Date(t), new Date(t + 1)).length === 1
}

/** The rule's value with UNTIL set to an instant (UTC form), replacing any UNTIL or COUNT. */
export function withUntil(rrule: string, until: Date): string {
  const parts = rrule
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')
    .filter((p) => p && !/^(UNTIL|COUNT)=/i.test(p))
  const stamp = `${until.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`
  return [...parts, `UNTIL=${stamp}`].join(';')
}

/**
 * The rule as stored and written to calendars: without the `RRULE:` prefix and with a local UNTIL (a date,
 * or a date-time without `Z`) turned into the UTC instant RFC 5545 asks for when DTSTART has a zone.
 */
export function normalizeRule(rule: SeriesRule): string {
  const text = rule.rrule.trim().replace(/^RRULE:/i, '')
  const until = /(?:^|;)UNTIL=([^;]*)/i.exec(text)?.[1]
  if (!until || until.endsWith('Z')) return text
  const floating = parseRule(rule).options.until
  if (!floating) return text
  return withUntil(text, fromFloating(floating, rule.timeZone))
}
