import { occurrencesOf } from '#server/modules/meetings/occurrences'
import type { OccurrenceRow, SeriesRow } from '#server/modules/meetings/repository'
import type { CadenceTally, MeetingTallies } from '#shared/contracts/cadence'
import {
  type CadenceOccurrence,
  type CadencePeriod,
  combined,
  compliance,
  type KindTallies,
  type Tally,
  tally,
} from '#shared/domain/cadence'

/** Pure: series versions and their stored occurrences → what cadence counts (decision 012). */

const DAY_MS = 86_400_000
/** How far ahead a series must still give a meeting to count as active. */
const ACTIVE_HORIZON_DAYS = 400
const SHORT_LOOK_DAYS = 35

/** The instants that can hold a local day of [from, to) in any time zone (offsets are under a day). */
export function windowOf(from: string, to: string): [Date, Date] {
  return [
    new Date(Date.parse(`${from}T00:00:00Z`) - DAY_MS),
    new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS),
  ]
}

/**
 * The occurrences of the series in the window, with the stored overrides applied (moved, held, cancelled):
 * the meetings module's expansion, never a second one.
 */
export function cadenceOccurrences(
  series: SeriesRow[],
  stored: OccurrenceRow[],
  window: [Date, Date],
): (CadenceOccurrence & { partnerId: number })[] {
  return occurrencesOf(series, stored, window[0], window[1], () => false).map((o) => ({
    partnerId: o.partnerId,
    kind: o.kind,
    start: o.start,
    timeZone: o.timeZone,
    status: o.status,
  }))
}

/**
 * Per partner: the series versions that still give a meeting after `now`. Endless rules need no expansion; a
 * short look ahead finds the weekly and monthly ones that end; only the rest are expanded over the horizon.
 */
export function activeSeriesCount(series: SeriesRow[], now: Date): Map<number, number> {
  const ahead = (list: SeriesRow[], days: number) =>
    occurrencesOf(list, [], now, new Date(now.getTime() + days * DAY_MS), () => false)
  const live = series.filter((s) => !s.endsAt || s.endsAt > now)
  // A version without an end whose rule has no UNTIL or COUNT goes on for ever: no need to expand it.
  const endless = live.filter((s) => !s.endsAt && !/(^|;)\s*(UNTIL|COUNT)=/i.test(s.rrule))
  const found = new Map(endless.map((s) => [s.id, s.partnerId]))
  const bounded = live.filter((s) => !found.has(s.id))
  for (const o of ahead(bounded, SHORT_LOOK_DAYS)) found.set(o.seriesId, o.partnerId)
  const rest = bounded.filter((s) => !found.has(s.id))
  for (const o of ahead(rest, ACTIVE_HORIZON_DAYS)) found.set(o.seriesId, o.partnerId)
  const out = new Map<number, number>()
  for (const partnerId of found.values()) out.set(partnerId, (out.get(partnerId) ?? 0) + 1)
  return out
}

export const withCompliance = (t: Tally): CadenceTally => ({ ...t, compliance: compliance(t) })

export const presentTallies = (t: KindTallies): MeetingTallies => ({
  rob: withCompliance(t.rob),
  mbr: withCompliance(t.mbr),
  all: withCompliance(combined(t)),
})

/** Per partner, the tallies of a period. */
export function talliesByPartner(
  occurrences: (CadenceOccurrence & { partnerId: number })[],
  period: CadencePeriod,
  now: Date,
): Map<number, KindTallies> {
  const byPartner = new Map<number, CadenceOccurrence[]>()
  for (const o of occurrences) {
    const list = byPartner.get(o.partnerId) ?? []
    list.push(o)
    byPartner.set(o.partnerId, list)
  }
  return new Map([...byPartner].map(([id, list]) => [id, tally(list, period, now)]))
}
