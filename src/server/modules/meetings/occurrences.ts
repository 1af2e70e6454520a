import type { Occurrence } from '#shared/contracts/meetings'
import type { MeetingKind, OccurrenceStatus } from '#shared/domain/meetings'
import { expand, isOccurrence, RecurrenceError, type SeriesRule } from '#shared/domain/recurrence'
import { AppError } from '#shared/errors'
import type { OccurrenceRow, SeriesRow } from './repository'

/** Pure: how a stored series row becomes occurrences (its rule, clipped to its version's active range). */

export function ruleOf(
  s: Pick<SeriesRow, 'startLocal' | 'timeZone' | 'durationMinutes' | 'rrule'>,
): SeriesRule {
  return {
    startLocal: s.startLocal,
    timeZone: s.timeZone,
    durationMinutes: s.durationMinutes,
    rrule: s.rrule,
  }
}

/** A RecurrenceError as a validation error that names the field. */
export function asValidation(e: unknown): never {
  if (e instanceof RecurrenceError)
    throw new AppError('VALIDATION', e.message, [{ path: [e.field], message: e.message }])
  throw e
}

/** [from, to) clipped to the version's [activeFrom, endsAt). */
function clip(s: SeriesRow, from: Date, to: Date): [Date, Date] | null {
  const a = s.activeFrom && s.activeFrom > from ? s.activeFrom : from
  const b = s.endsAt && s.endsAt < to ? s.endsAt : to
  return a < b ? [a, b] : null
}

/** Does the series version give an occurrence at this original start? */
export function belongsTo(s: SeriesRow, originalStart: Date): boolean {
  if (s.activeFrom && originalStart < s.activeFrom) return false
  if (s.endsAt && originalStart >= s.endsAt) return false
  return isOccurrence(ruleOf(s), originalStart)
}

export function toOccurrence(
  s: SeriesRow,
  originalStart: string,
  stored: OccurrenceRow | undefined,
  canEdit: boolean,
): Occurrence {
  const start = stored?.movedStart ? stored.movedStart.toISOString() : originalStart
  return {
    seriesId: s.id,
    partnerId: s.partnerId,
    partnerName: s.partnerName,
    title: s.title,
    kind: s.kind as MeetingKind,
    timeZone: s.timeZone,
    originalStart,
    start,
    end: new Date(Date.parse(start) + s.durationMinutes * 60_000).toISOString(),
    moved: Boolean(stored?.movedStart),
    status: (stored?.status ?? 'scheduled') as OccurrenceStatus,
    agenda: stored?.agenda ?? null,
    agendaFrozenAt: stored?.agendaFrozenAt?.toISOString() ?? null,
    minutes: stored?.minutes ?? null,
    decisions: stored?.decisions ?? [],
    heldAt: stored?.heldAt?.toISOString() ?? null,
    canEdit,
  }
}

/**
 * The occurrences of the series that take place in [from, to): the rule's instants in the window, plus
 * stored ones moved into it, minus those moved out of it. Sorted by start.
 */
export function occurrencesOf(
  series: SeriesRow[],
  stored: OccurrenceRow[],
  from: Date,
  to: Date,
  canEdit: (s: SeriesRow) => boolean,
): Occurrence[] {
  const storedBy = new Map(stored.map((o) => [`${o.seriesId}|${o.originalStart.toISOString()}`, o]))
  // Moved ones by series, so many series (a cadence report) do not each scan every stored row.
  const movedBySeries = new Map<number, OccurrenceRow[]>()
  for (const o of stored) {
    if (!o.movedStart) continue
    const list = movedBySeries.get(o.seriesId)
    if (list) list.push(o)
    else movedBySeries.set(o.seriesId, [o])
  }
  const out: Occurrence[] = []
  for (const s of series) {
    const seen = new Set<string>()
    const range = clip(s, from, to)
    const computed = range ? expand(ruleOf(s), range[0], range[1]).map((o) => o.originalStart) : []
    const movedIn = (movedBySeries.get(s.id) ?? [])
      .filter((o) => o.movedStart! >= from && o.movedStart! < to)
      .map((o) => o.originalStart)
      .filter((d) => belongsTo(s, d))
      .map((d) => d.toISOString())
    for (const key of [...computed, ...movedIn]) {
      if (seen.has(key)) continue
      seen.add(key)
      const occ = toOccurrence(s, key, storedBy.get(`${s.id}|${key}`), canEdit(s))
      const t = Date.parse(occ.start)
      if (t >= from.getTime() && t < to.getTime()) out.push(occ)
    }
  }
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.seriesId - b.seriesId)
}
