/** The friendly recurrence picker of the series form ↔ an RRULE value (pure, unit-tested). */

export const WEEKDAYS = [
  ['MO', 'Monday'],
  ['TU', 'Tuesday'],
  ['WE', 'Wednesday'],
  ['TH', 'Thursday'],
  ['FR', 'Friday'],
] as const
export type Weekday = (typeof WEEKDAYS)[number][0]

export const ORDINALS = [
  ['1', 'first'],
  ['2', 'second'],
  ['3', 'third'],
  ['4', 'fourth'],
  ['-1', 'last'],
] as const

export type Pattern = 'weekly' | 'biweekly' | 'monthly-nth' | 'monthly-day' | 'advanced'
export type RecurrenceChoice = {
  pattern: Pattern
  weekday: Weekday
  /** 1..4 or -1 (last) for "first Tuesday". */
  nth: string
  /** 1..31 or -1 (last day) for "day N". */
  day: string
  /** YYYY-MM-DD, inclusive, or ''. */
  until: string
  advanced: string
}

/** UNTIL as the end of the chosen local day, written as a date (read in the series' zone). */
const untilPart = (until: string) => (until ? `;UNTIL=${until.replaceAll('-', '')}` : '')

export function ruleOfChoice(c: RecurrenceChoice): string {
  switch (c.pattern) {
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${c.weekday}${untilPart(c.until)}`
    case 'biweekly':
      return `FREQ=WEEKLY;INTERVAL=2;BYDAY=${c.weekday}${untilPart(c.until)}`
    case 'monthly-nth':
      return `FREQ=MONTHLY;BYDAY=${c.nth}${c.weekday}${untilPart(c.until)}`
    case 'monthly-day':
      return `FREQ=MONTHLY;BYMONTHDAY=${c.day}${untilPart(c.until)}`
    case 'advanced':
      return c.advanced.trim().replace(/^RRULE:/i, '')
  }
}

const parseParts = (rrule: string): Record<string, string> =>
  Object.fromEntries(
    rrule
      .replace(/^RRULE:/i, '')
      .split(';')
      .filter(Boolean)
      .map((p) => p.split('=') as [string, string]),
  )

/** An UNTIL value as the local date it ends (a stored rule has it as a UTC instant; a typed one may be a date). */
function untilDate(until: string, timeZone: string): string | null {
  const utc = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(until)
  if (utc) {
    const [y, mo, d, h, mi, s] = utc.slice(1).map(Number) as number[]
    const instant = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!))
    return new Intl.DateTimeFormat('en-CA', { timeZone }).format(instant)
  }
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(until)
  return date ? `${date[1]}-${date[2]}-${date[3]}` : null
}

/**
 * The picker's choice for a stored rule (editing a series): a friendly pattern when the rule is one of
 * them, else "advanced" with the rule as it is. `fallbackWeekday` fills the fields a pattern does not use.
 */
export function choiceOfRule(rrule: string, timeZone: string, fallbackWeekday: Weekday): RecurrenceChoice {
  const rule = rrule.replace(/^RRULE:/i, '')
  const parts = parseParts(rule)
  const base: RecurrenceChoice = {
    pattern: 'advanced',
    weekday: fallbackWeekday,
    nth: '1',
    day: '1',
    until: '',
    advanced: rule,
  }
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'UNTIL'])
  if (Object.keys(parts).some((k) => !known.has(k))) return base
  const until = parts.UNTIL ? untilDate(parts.UNTIL, timeZone) : ''
  if (until === null) return base
  const interval = parts.INTERVAL ?? '1'
  const weekday = WEEKDAYS.find(([k]) => k === parts.BYDAY)?.[0]
  if (parts.FREQ === 'WEEKLY' && weekday && !parts.BYMONTHDAY && (interval === '1' || interval === '2'))
    return { ...base, pattern: interval === '1' ? 'weekly' : 'biweekly', weekday, until }
  const nth = /^(-?\d)([A-Z]{2})$/.exec(parts.BYDAY ?? '')
  const nthDay = WEEKDAYS.find(([k]) => k === nth?.[2])?.[0]
  if (parts.FREQ === 'MONTHLY' && interval === '1' && nth && nthDay && ORDINALS.some(([k]) => k === nth[1]))
    return { ...base, pattern: 'monthly-nth', nth: nth[1]!, weekday: nthDay, until }
  const day = Number(parts.BYMONTHDAY)
  if (parts.FREQ === 'MONTHLY' && interval === '1' && !parts.BYDAY && (day === -1 || (day >= 1 && day <= 31)))
    return { ...base, pattern: 'monthly-day', day: String(day), until }
  return base
}

const dayName = (d: string) => WEEKDAYS.find(([k]) => k === d)?.[1] ?? d
const ordinal = (n: string) => ORDINALS.find(([k]) => k === n)?.[1] ?? `${n}.`

/** A short English description of common rules; the rule itself otherwise. */
export function describeRule(rrule: string): string {
  const parts = parseParts(rrule)
  const until = parts.UNTIL
    ? ` until ${parts.UNTIL.slice(0, 4)}-${parts.UNTIL.slice(4, 6)}-${parts.UNTIL.slice(6, 8)}`
    : ''
  const count = parts.COUNT ? `, ${parts.COUNT} times` : ''
  const interval = Number(parts.INTERVAL ?? 1)
  if (parts.FREQ === 'WEEKLY' && parts.BYDAY && /^[A-Z]{2}$/.test(parts.BYDAY)) {
    const every =
      interval === 1 ? 'Every' : interval === 2 ? 'Every 2 weeks on' : `Every ${interval} weeks on`
    return `${every} ${dayName(parts.BYDAY)}${until}${count}`
  }
  if (parts.FREQ === 'MONTHLY' && parts.BYDAY) {
    const m = /^(-?\d)([A-Z]{2})$/.exec(parts.BYDAY)
    if (m) return `Monthly on the ${ordinal(m[1]!)} ${dayName(m[2]!)}${until}${count}`
  }
  if (parts.FREQ === 'MONTHLY' && parts.BYMONTHDAY)
    return `Monthly on ${parts.BYMONTHDAY === '-1' ? 'the last day' : `day ${parts.BYMONTHDAY}`}${until}${count}`
  return rrule
}

/** The browser's IANA time zone (the default zone of a new series). */
export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'

/** An instant in the reader's zone, e.g. "Tue 24 Mar 2026, 09:00". */
export function formatInstant(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso))
}

/** The URL of a meeting page. */
export const meetingPath = (seriesId: number, originalStart: string) =>
  `/meetings/${seriesId}/${encodeURIComponent(originalStart)}`
