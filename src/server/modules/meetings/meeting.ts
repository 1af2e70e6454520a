import type { Database } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import { actionsService } from '#server/modules/actions/service'
import type { MeetingPage, PatchOccurrenceBody } from '#shared/contracts/meetings'
import { today } from '#shared/domain/periods'
import { AppError } from '#shared/errors'
import { buildAgendaDraft } from './agenda/index'
import { belongsTo, toOccurrence } from './occurrences'
import { meetingsRepository, type SeriesRow } from './repository'
import { meetingSeriesService } from './service'

/** One occurrence of a series: the meeting page, its changes and its proposed agenda. */
export function meetingService(database: Database) {
  const repo = meetingsRepository(database.db)
  const series = meetingSeriesService(database)
  const actions = actionsService(database)

  /** The series (visible) and the key checked against its rule: not an occurrence → 404. */
  async function locate(actor: Actor, seriesId: number, originalStart: string, write = false) {
    const s = write
      ? await series.writableSeries(actor, seriesId)
      : await series.visibleSeries(actor, seriesId)
    const key = new Date(originalStart)
    const stored = await repo.findOccurrence(s.id, key)
    if (!stored && !belongsTo(s, key)) throw AppError.notFound('Meeting')
    return { s, key, stored }
  }

  /** Every version of the series, oldest first (the agenda compares with the last held of any). */
  async function versionIds(s: SeriesRow, actor: Actor) {
    const ids = [s.id]
    let prev = s.previousSeriesId
    while (prev !== null && ids.length < 50) {
      ids.push(prev)
      prev = (await series.visibleSeries(actor, prev).catch(() => null))?.previousSeriesId ?? null
    }
    return ids
  }

  async function draft(actor: Actor, seriesId: number, originalStart: string) {
    const { s, key, stored } = await locate(actor, seriesId, originalStart)
    const canEdit = (await series.get(actor, s.id)).canEdit
    const occurrence = toOccurrence(s, key.toISOString(), stored, canEdit)
    const lastHeld = await repo.lastHeldBefore(await versionIds(s, actor), key)
    return buildAgendaDraft({ actor, database, series: s, occurrence, lastHeld, today: today() })
  }

  async function page(actor: Actor, seriesId: number, originalStart: string): Promise<MeetingPage> {
    const { s, key, stored } = await locate(actor, seriesId, originalStart)
    const presented = await series.get(actor, s.id)
    const occurrence = toOccurrence(s, key.toISOString(), stored, presented.canEdit)
    const [mine, carriedOver] = await Promise.all([
      stored
        ? actions.list(actor, { seriesId: s.id, originalStart: key.toISOString(), status: 'all' })
        : { items: [] },
      actions.carriedOver(actor, s.partnerId, key, stored?.id ?? null),
    ])
    return { occurrence, series: presented, actions: mine.items, carriedOver }
  }

  return {
    page,
    draft,
    /** The meeting, checked: its series visible to the actor and the key an occurrence of it (else 404). */
    locate: (actor: Actor, seriesId: number, originalStart: string) => locate(actor, seriesId, originalStart),

    /**
     * Move, cancel, mark held, agenda, minutes, decisions. Saving an agenda freezes it; marking a meeting
     * held freezes the proposed agenda when none was saved. A meeting is marked held only once it began.
     */
    async patch(
      actor: Actor,
      seriesId: number,
      originalStart: string,
      body: PatchOccurrenceBody,
      now = new Date(),
    ) {
      const { s, key, stored } = await locate(actor, seriesId, originalStart, true)
      const values: Parameters<typeof repo.upsertOccurrence>[2] = { updatedBy: actor.id }
      const start = body.start !== undefined ? body.start : (stored?.movedStart?.toISOString() ?? null)
      const effectiveStart = new Date(start ?? key)
      if (body.start !== undefined)
        values.movedStart =
          body.start && Date.parse(body.start) !== key.getTime() ? new Date(body.start) : null
      if (body.status !== undefined) {
        if (body.status === 'held' && effectiveStart > now)
          throw new AppError('VALIDATION', 'A meeting can be marked held once it has started', [
            { path: ['status'], message: `It starts at ${effectiveStart.toISOString()}` },
          ])
        values.status = body.status
        values.heldAt = body.status === 'held' ? (stored?.heldAt ?? now) : null
      }
      if (body.agenda !== undefined) {
        values.agenda = body.agenda
        values.agendaFrozenAt = body.agenda === null ? null : now
      } else if (body.status === 'held' && !stored?.agendaFrozenAt) {
        values.agenda = (await draft(actor, s.id, key.toISOString())).markdown
        values.agendaFrozenAt = now
      }
      if (body.minutes !== undefined) values.minutes = body.minutes
      if (body.decisions !== undefined) values.decisions = body.decisions
      await repo.upsertOccurrence(s.id, key, values)
      return page(actor, s.id, key.toISOString())
    },
  }
}
