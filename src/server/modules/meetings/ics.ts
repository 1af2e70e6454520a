import ical, { ICalAttendeeRole, ICalEventStatus } from 'ical-generator'
import { DateTime } from 'luxon'
import { expand, floatingOf, fromFloating, withUntil } from '#shared/domain/recurrence'
import { belongsTo } from './occurrences'
import type { AttendeeRow, OccurrenceRow, SeriesRow } from './repository'
import { vtimezone } from './vtimezone'

export type FeedSeries = { series: SeriesRow; attendees: AttendeeRow[]; stored: OccurrenceRow[] }

const uid = (s: SeriesRow) => `meeting-series-${s.id}@trellis`
const local = (ms: Date | string, zone: string) =>
  (typeof ms === 'string' ? DateTime.fromISO(ms) : DateTime.fromJSDate(ms)).setZone(zone)
const icsLocal = (d: Date, zone: string) => local(d, zone).toFormat("yyyyMMdd'T'HHmmss")

function calendar(name: string, years: [number, number]) {
  const cal = ical({ name, prodId: { company: 'Trellis', product: 'meetings', language: 'EN' } })
  cal.timezone({ name: null, generator: (tz) => vtimezone(tz, years[0], years[1]) })
  return cal
}

function people(event: ReturnType<ReturnType<typeof ical>['createEvent']>, f: FeedSeries) {
  event.organizer({ name: f.series.ownerName, email: f.series.ownerEmail })
  for (const a of f.attendees)
    if (a.email) event.createAttendee({ name: a.name, email: a.email, role: ICalAttendeeRole.REQ })
}

function yearsOf(list: FeedSeries[]): [number, number] {
  const starts = list.map((f) => Number(f.series.startLocal.slice(0, 4)))
  const now = new Date().getUTCFullYear()
  return [Math.min(now - 1, ...starts), Math.max(now + 2, ...starts) + 1]
}

/**
 * A calendar of series: one VEVENT with DTSTART;TZID, the RRULE (with UNTIL where the version ends) and
 * EXDATE for cancelled occurrences; a RECURRENCE-ID override for each moved one.
 */
export function feedCalendar(name: string, list: FeedSeries[]): string {
  const cal = calendar(name, yearsOf(list))
  for (const f of list) {
    const s = f.series
    const first = firstStart(s)
    if (!first) continue
    const zone = s.timeZone
    const start = local(first, zone)
    const event = cal.createEvent({
      id: uid(s),
      start,
      end: start.plus({ minutes: s.durationMinutes }),
      timezone: zone,
      summary: `${s.title} — ${s.partnerName}`,
    })
    people(event, f)
    const rule = s.endsAt ? withUntil(s.rrule, new Date(s.endsAt.getTime() - 1000)) : s.rrule
    const cancelled = f.stored.filter((o) => o.status === 'cancelled' && belongsTo(s, o.originalStart))
    const lines = [`RRULE:${rule}`]
    if (cancelled.length)
      lines.push(`EXDATE;TZID=${zone}:${cancelled.map((o) => icsLocal(o.originalStart, zone)).join(',')}`)
    event.repeating(lines.join('\r\n'))
    for (const o of f.stored) {
      if (!o.movedStart || o.status === 'cancelled' || !belongsTo(s, o.originalStart)) continue
      const moved = local(o.movedStart, zone)
      const override = cal.createEvent({
        id: uid(s),
        start: moved,
        end: moved.plus({ minutes: s.durationMinutes }),
        timezone: zone,
        summary: `${s.title} — ${s.partnerName}`,
        recurrenceId: local(o.originalStart, zone),
      })
      people(override, f)
    }
  }
  return cal.toString()
}

/** One occurrence as its own calendar file (the meeting page's download). */
export function meetingCalendar(f: FeedSeries, start: string, end: string, status: string): string {
  const s = f.series
  const cal = calendar(`${s.title} — ${s.partnerName}`, yearsOf([f]))
  const event = cal.createEvent({
    id: `meeting-${s.id}-${Date.parse(start)}@trellis`,
    start: local(start, s.timeZone),
    end: local(end, s.timeZone),
    timezone: s.timeZone,
    summary: `${s.title} — ${s.partnerName}`,
    status: status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  })
  people(event, f)
  return cal.toString()
}

/** The version's first occurrence: DTSTART of its VEVENT (a version starts where the previous ended). */
function firstStart(s: SeriesRow): Date | null {
  const from =
    s.activeFrom ?? new Date(fromFloating(floatingOf(s.startLocal), s.timeZone).getTime() - 86_400_000)
  const to = s.endsAt ?? new Date(from.getTime() + 5 * 366 * 86_400_000)
  const [first] = expand(
    { startLocal: s.startLocal, timeZone: s.timeZone, durationMinutes: s.durationMinutes, rrule: s.rrule },
    from,
    to,
  )
  return first ? new Date(first.originalStart) : null
}
