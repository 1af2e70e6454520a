import { and, eq, gt, isNull, lt, or, type SQL } from 'drizzle-orm'
import type { Database } from '#db/client'
import { meetingSeries } from '#db/schema/index'
import { type Actor, canWrite } from '#server/modules/access/actor'
import { guardPartnerWrite } from '#server/modules/access/guard'
import { partnerEditable, partnerVisible } from '#server/modules/access/scope'
import { partnersRepository } from '#server/modules/partners/repository'
import {
  type Attendee,
  type CreateSeriesBody,
  createSeriesBody,
  type MeetingSeries,
  type OccurrencesQuery,
  type UpdateSeriesBody,
} from '#shared/contracts/meetings'
import type { MeetingKind } from '#shared/domain/meetings'
import { normalizeRule, validateRule } from '#shared/domain/recurrence'
import { AppError } from '#shared/errors'
import { asValidation, belongsTo, occurrencesOf, ruleOf } from './occurrences'
import { type AttendeeRow, meetingsRepository, type SeriesRow } from './repository'

export function toAttendee(a: AttendeeRow): Attendee {
  return a.userId !== null
    ? { kind: 'user', id: a.userId, name: a.name, email: a.email, side: 'trellis' }
    : {
        kind: 'stakeholder',
        id: a.stakeholderId!,
        name: a.name,
        email: a.email,
        side: a.side as 'partner' | 'microsoft',
      }
}

/** Series of partners, versions of a rule, and the occurrences they give — with the actor's scope. */
export function meetingSeriesService(database: Database) {
  const repo = meetingsRepository(database.db)
  const partners = partnersRepository(database.db)

  async function present(actor: Actor, rows: SeriesRow[]): Promise<MeetingSeries[]> {
    const attendees = await repo.attendees(rows.map((r) => r.id))
    const editable = new Set(
      canWrite(actor) ? (await repo.listSeries(partnerEditable(actor), orIds(rows))).map((r) => r.id) : [],
    )
    return rows.map((s) => ({
      id: s.id,
      partnerId: s.partnerId,
      partnerName: s.partnerName,
      kind: s.kind as MeetingKind,
      title: s.title,
      rrule: s.rrule,
      startLocal: s.startLocal,
      timeZone: s.timeZone,
      durationMinutes: s.durationMinutes,
      owner: { id: s.ownerUserId, name: s.ownerName, email: s.ownerEmail },
      attendees: attendees.filter((a) => a.seriesId === s.id).map(toAttendee),
      activeFrom: s.activeFrom?.toISOString() ?? null,
      endsAt: s.endsAt?.toISOString() ?? null,
      previousSeriesId: s.previousSeriesId,
      supersededById: s.supersededById,
      canEdit: editable.has(s.id),
    }))
  }
  const orIds = (rows: SeriesRow[]) =>
    rows.length
      ? (or(...rows.map((r) => eq(meetingSeries.id, r.id))) as SQL)
      : (eq(meetingSeries.id, -1) as SQL)

  async function visibleSeries(actor: Actor, id: number) {
    const s = await repo.findSeries(partnerVisible(actor), id)
    if (!s) throw AppError.notFound('Meeting series')
    return s
  }
  const writableSeries = (actor: Actor, id: number) =>
    guardPartnerWrite(actor, 'Meeting series', (scope) => repo.findSeries(scope, id))

  /** Owner and attendees must be people of the partner: its users and its active stakeholders. */
  async function checkPeople(
    partnerId: number,
    actor: Actor,
    ownerUserId: number | undefined,
    userIds: number[],
    stakeholderIds: number[],
  ) {
    const candidates = new Set((await repo.candidateUsers(partnerId)).map((u) => u.id))
    candidates.add(actor.id)
    const people = new Set((await repo.activeStakeholders(partnerId)).map((s) => s.id))
    const issues = [
      ...(ownerUserId !== undefined && !candidates.has(ownerUserId)
        ? [{ path: ['ownerUserId'], message: 'The owner must be a Trellis user who works with this partner' }]
        : []),
      ...userIds
        .map((id, i) => [id, i] as const)
        .filter(([id]) => !candidates.has(id))
        .map(([, i]) => ({
          path: ['attendeeUserIds', i],
          message: 'Not a user who works with this partner',
        })),
      ...stakeholderIds
        .map((id, i) => [id, i] as const)
        .filter(([id]) => !people.has(id))
        .map(([, i]) => ({
          path: ['attendeeStakeholderIds', i],
          message: 'Not a stakeholder of this partner',
        })),
    ]
    if (issues.length) throw new AppError('VALIDATION', issues[0]!.message, issues)
  }

  async function get(actor: Actor, id: number) {
    const [s] = await present(actor, [await visibleSeries(actor, id)])
    return s!
  }

  return {
    get,
    visibleSeries,
    writableSeries,
    async listForPartner(actor: Actor, partnerId: number) {
      if (!(await partners.exists(partnerVisible(actor), partnerId))) throw AppError.notFound('Partner')
      const rows = await repo.listSeries(
        partnerVisible(actor),
        and(eq(meetingSeries.partnerId, partnerId), isNull(meetingSeries.supersededById)),
      )
      return { items: await present(actor, rows) }
    },

    async people(actor: Actor, partnerId: number) {
      if (!(await partners.exists(partnerVisible(actor), partnerId))) throw AppError.notFound('Partner')
      const [users, stakeholders] = await Promise.all([
        repo.candidateUsers(partnerId),
        repo.activeStakeholders(partnerId),
      ])
      return {
        users,
        stakeholders: stakeholders.map((s) =>
          toAttendee({
            seriesId: 0,
            userId: null,
            stakeholderId: s.id,
            name: s.name,
            email: s.email,
            side: s.side,
          }),
        ),
      }
    },

    async create(actor: Actor, partnerId: number, input: CreateSeriesBody) {
      await guardPartnerWrite(actor, 'Partner', (scope) => partners.exists(scope, partnerId))
      const body = createSeriesBody.parse(input)
      try {
        validateRule(ruleOf(body))
      } catch (e) {
        asValidation(e)
      }
      await checkPeople(partnerId, actor, body.ownerUserId, body.attendeeUserIds, body.attendeeStakeholderIds)
      const id = await database.db.transaction(async (tx) => {
        const repo = meetingsRepository(tx as never)
        const id = await repo.insertSeries({
          partnerId,
          kind: body.kind,
          title: body.title,
          rrule: normalizeRule(ruleOf(body)),
          startLocal: body.startLocal,
          timeZone: body.timeZone,
          durationMinutes: body.durationMinutes,
          ownerUserId: body.ownerUserId ?? actor.id,
          createdBy: actor.id,
        })
        await repo.setAttendees(id, body.attendeeUserIds, body.attendeeStakeholderIds)
        return id
      })
      return get(actor, id)
    },

    /**
     * Title, kind, owner and attendees change in place. A change of rule, start, zone or duration never
     * rewrites the past: once the series has begun, this version ends now and a new one starts now; stored
     * future occurrences that the new rule also gives move to it (decision 008).
     */
    async update(actor: Actor, id: number, body: UpdateSeriesBody, now = new Date()) {
      const current = await writableSeries(actor, id)
      if (current.supersededById !== null)
        throw new AppError('CONFLICT', 'This is an older version of the series; change the current one')
      const next = { ...ruleOf(current), ...pick(body) }
      try {
        next.rrule = normalizeRule(next)
      } catch (e) {
        asValidation(e)
      }
      await checkPeople(
        current.partnerId,
        actor,
        body.ownerUserId,
        body.attendeeUserIds ?? [],
        body.attendeeStakeholderIds ?? [],
      )
      const timingChanged = (Object.keys(next) as (keyof typeof next)[]).some(
        (k) => next[k] !== ruleOf(current)[k],
      )
      const inPlace = {
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.kind !== undefined ? { kind: body.kind } : {}),
        ...(body.ownerUserId !== undefined ? { ownerUserId: body.ownerUserId } : {}),
      }
      const begun = (current.activeFrom ?? new Date(0)) < now && hasBegun(current, now)
      const targetId = await database.db.transaction(async (tx) => {
        const repo = meetingsRepository(tx as never)
        if (!timingChanged || !begun) {
          await repo.updateSeries(id, { ...inPlace, ...(timingChanged ? next : {}) })
          if (body.attendeeUserIds || body.attendeeStakeholderIds) {
            const old = await repo.attendees([id])
            await repo.setAttendees(
              id,
              body.attendeeUserIds ?? old.filter((a) => a.userId).map((a) => a.userId!),
              body.attendeeStakeholderIds ?? old.filter((a) => a.stakeholderId).map((a) => a.stakeholderId!),
            )
          }
          return id
        }
        const old = await repo.attendees([id])
        const newId = await repo.insertSeries({
          partnerId: current.partnerId,
          kind: inPlace.kind ?? current.kind,
          title: inPlace.title ?? current.title,
          ownerUserId: inPlace.ownerUserId ?? current.ownerUserId,
          ...next,
          activeFrom: now,
          endsAt: current.endsAt && current.endsAt > now ? current.endsAt : null,
          previousSeriesId: id,
          createdBy: actor.id,
        })
        await repo.updateSeries(id, { endsAt: now, supersededById: newId })
        await repo.setAttendees(
          newId,
          body.attendeeUserIds ?? old.filter((a) => a.userId).map((a) => a.userId!),
          body.attendeeStakeholderIds ?? old.filter((a) => a.stakeholderId).map((a) => a.stakeholderId!),
        )
        const fresh = (await repo.findSeries(partnerVisible(actor), newId))!
        const future = (await repo.storedOccurrences([id])).filter(
          (o) => o.originalStart >= now && belongsTo(fresh, o.originalStart),
        )
        await repo.reassignOccurrences(
          id,
          newId,
          future.map((o) => o.originalStart),
        )
        return newId
      })
      return get(actor, targetId)
    },

    /** Ends the series: no occurrence from `at` (now by default) on. */
    async end(actor: Actor, id: number, at: Date = new Date()) {
      const current = await writableSeries(actor, id)
      if (current.activeFrom && at < current.activeFrom)
        throw new AppError('VALIDATION', 'The end is before this version started', [
          { path: ['at'], message: `Give an instant after ${current.activeFrom.toISOString()}` },
        ])
      await repo.updateSeries(id, { endsAt: at })
      return get(actor, id)
    },

    /** Occurrences in a window: of one partner, or of every partner in the actor's scope. */
    async occurrences(actor: Actor, q: OccurrencesQuery) {
      const from = new Date(q.from)
      const to = new Date(q.to)
      if (q.partnerId && !(await partners.exists(partnerVisible(actor), q.partnerId)))
        throw AppError.notFound('Partner')
      const rows = await repo.listSeries(
        partnerVisible(actor),
        and(
          q.partnerId ? eq(meetingSeries.partnerId, q.partnerId) : undefined,
          q.mine ? repo.attendedBy(actor.id) : undefined,
          or(
            isNull(meetingSeries.endsAt),
            gt(meetingSeries.endsAt, new Date(from.getTime() - 31 * 86_400_000)),
          ),
          or(isNull(meetingSeries.activeFrom), lt(meetingSeries.activeFrom, to)),
        ),
      )
      const stored = await repo.occurrencesIn(
        rows.map((r) => r.id),
        from,
        to,
      )
      const editable = new Set(
        canWrite(actor) ? (await repo.listSeries(partnerEditable(actor), orIds(rows))).map((r) => r.id) : [],
      )
      return { items: occurrencesOf(rows, stored, from, to, (s) => editable.has(s.id)) }
    },
  }
}

function pick(body: UpdateSeriesBody) {
  const out: Partial<ReturnType<typeof ruleOf>> = {}
  if (body.rrule !== undefined) out.rrule = body.rrule
  if (body.startLocal !== undefined) out.startLocal = body.startLocal
  if (body.timeZone !== undefined) out.timeZone = body.timeZone
  if (body.durationMinutes !== undefined) out.durationMinutes = body.durationMinutes
  return out
}

/** Has the version given an occurrence before `now`? */
function hasBegun(s: SeriesRow, now: Date): boolean {
  return occurrencesOf([s], [], s.activeFrom ?? new Date(0), now, () => false).length > 0
}
