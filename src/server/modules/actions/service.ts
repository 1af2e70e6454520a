import { and, eq, gt, gte, isNotNull, isNull, lt, lte, ne, or, type SQL } from 'drizzle-orm'
import type { Database } from '#db/client'
import { actionItems, meetingOccurrences } from '#db/schema/index'
import type { Actor } from '#server/modules/access/actor'
import { guardPartnerWrite } from '#server/modules/access/guard'
import { customerVisible, partnerEditable, partnerVisible } from '#server/modules/access/scope'
import { belongsTo } from '#server/modules/meetings/occurrences'
import { meetingsRepository } from '#server/modules/meetings/repository'
import { partnersRepository } from '#server/modules/partners/repository'
import type {
  ActionItem,
  ActionListQuery,
  CreateActionBody,
  PatchActionBody,
} from '#shared/contracts/meetings'
import type { ActionSource, ActionStatus } from '#shared/domain/meetings'
import { today as todayUtc } from '#shared/domain/periods'
import { AppError } from '#shared/errors'
import { type ActionRow, actionsRepository } from './repository'

function ownerProblem(userId: number | null | undefined, stakeholderId: number | null | undefined) {
  if ((userId ?? null) === null && (stakeholderId ?? null) === null)
    return 'Choose who owns it: a user or a stakeholder'
  if ((userId ?? null) !== null && (stakeholderId ?? null) !== null)
    return 'Choose one owner: a user or a stakeholder, not both'
  return null
}

/** Action items: follow-ups of a partner, from a meeting, by hand or (later) from an opportunity. */
export function actionsService(database: Database) {
  const repo = actionsRepository(database.db)
  const meetings = meetingsRepository(database.db)
  const partners = partnersRepository(database.db)

  async function present(actor: Actor, rows: ActionRow[], today = todayUtc()): Promise<ActionItem[]> {
    const editable = new Set(
      rows.length
        ? (await repo.list(partnerEditable(actor), or(...rows.map((r) => eq(actionItems.id, r.a.id))))).map(
            (r) => r.a.id,
          )
        : [],
    )
    return rows.map(({ a, ...r }) => ({
      id: a.id,
      partnerId: a.partnerId,
      partnerName: r.partnerName,
      customerId: a.customerId,
      customerName: r.customerName,
      meeting:
        r.meetingSeriesId !== null && r.meetingOriginalStart
          ? {
              seriesId: r.meetingSeriesId,
              originalStart: r.meetingOriginalStart.toISOString(),
              title: r.meetingTitle ?? '',
            }
          : null,
      title: a.title,
      owner:
        a.ownerUserId !== null
          ? { kind: 'user', id: a.ownerUserId, name: r.ownerName }
          : { kind: 'stakeholder', id: a.ownerStakeholderId!, name: r.ownerName },
      dueOn: a.dueOn,
      status: a.status as ActionStatus,
      source: a.source as ActionSource,
      sourceId: a.sourceId,
      overdue: a.status === 'open' && a.dueOn !== null && a.dueOn < today,
      createdAt: a.createdAt.toISOString(),
      closedAt: a.closedAt?.toISOString() ?? null,
      canEdit: editable.has(a.id),
    }))
  }

  async function get(actor: Actor, id: number) {
    const rows = await repo.list(partnerVisible(actor), eq(actionItems.id, id))
    if (!rows[0]) throw AppError.notFound('Action item')
    return (await present(actor, rows))[0]!
  }

  async function list(actor: Actor, q: ActionListQuery, today = todayUtc()) {
    let meeting: SQL | undefined
    if (q.seriesId !== undefined) {
      meeting = and(
        eq(meetingOccurrences.seriesId, q.seriesId),
        q.originalStart ? eq(meetingOccurrences.originalStart, new Date(q.originalStart)) : undefined,
      )
    }
    const where = and(
      q.partnerId ? eq(actionItems.partnerId, q.partnerId) : undefined,
      q.owner === 'me' ? eq(actionItems.ownerUserId, actor.id) : undefined,
      q.status !== 'all' ? eq(actionItems.status, q.status) : undefined,
      q.overdue === true ? and(eq(actionItems.status, 'open'), lt(actionItems.dueOn, today)) : undefined,
      q.overdue === false
        ? or(isNull(actionItems.dueOn), gte(actionItems.dueOn, today), ne(actionItems.status, 'open'))
        : undefined,
      meeting,
    )
    return { items: await present(actor, await repo.list(partnerVisible(actor), where), today) }
  }

  return {
    get,
    list,
    present,

    /** The actor's open items due from today to `until` and those already overdue ("My week"). */
    async dueAndOverdueFor(actor: Actor, until: string, today = todayUtc()) {
      const open = and(eq(actionItems.ownerUserId, actor.id), eq(actionItems.status, 'open'))
      const mine = and(open, isNotNull(actionItems.dueOn))
      const [due, overdue, later] = await Promise.all([
        repo.list(
          partnerVisible(actor),
          and(mine, gte(actionItems.dueOn, today), lte(actionItems.dueOn, until)),
        ),
        repo.list(partnerVisible(actor), and(mine, lt(actionItems.dueOn, today))),
        repo.list(
          partnerVisible(actor),
          and(open, or(isNull(actionItems.dueOn), gt(actionItems.dueOn, until))),
        ),
      ])
      return {
        due: await present(actor, due, today),
        overdue: await present(actor, overdue, today),
        later: await present(actor, later, today),
      }
    },

    /** Open items of a partner carried over into a meeting: those of earlier meetings, or of none. */
    async carriedOver(actor: Actor, partnerId: number, before: Date, exceptOccurrenceId: number | null) {
      const rows = await repo.list(
        partnerVisible(actor),
        and(
          eq(actionItems.partnerId, partnerId),
          eq(actionItems.status, 'open'),
          or(isNull(actionItems.occurrenceId), lt(meetingOccurrences.originalStart, before)),
          exceptOccurrenceId !== null
            ? or(isNull(actionItems.occurrenceId), ne(actionItems.occurrenceId, exceptOccurrenceId))
            : undefined,
        ),
      )
      return present(actor, rows)
    },

    async create(actor: Actor, body: CreateActionBody) {
      await guardPartnerWrite(actor, 'Partner', (scope) => partners.exists(scope, body.partnerId))
      const issues: { path: (string | number)[]; message: string }[] = []
      const owner = ownerProblem(body.ownerUserId, body.ownerStakeholderId)
      if (owner) issues.push({ path: ['ownerUserId'], message: owner })
      if (body.ownerStakeholderId && !(await repo.stakeholderOf(body.partnerId, body.ownerStakeholderId)))
        issues.push({ path: ['ownerStakeholderId'], message: 'Not a stakeholder of this partner' })
      if (body.ownerUserId && !(await repo.activeUser(body.ownerUserId)))
        issues.push({ path: ['ownerUserId'], message: 'Not an active user' })
      if (body.customerId && !(await repo.customerVisibleTo(customerVisible(actor), body.customerId)))
        issues.push({ path: ['customerId'], message: 'No such customer' })
      let occurrenceId: number | null = null
      if (body.meeting) {
        const series = await meetings.findSeries(partnerVisible(actor), body.meeting.seriesId)
        const start = new Date(body.meeting.originalStart)
        if (!series || series.partnerId !== body.partnerId || !belongsTo(series, start))
          issues.push({ path: ['meeting'], message: 'Not a meeting of this partner' })
        else occurrenceId = (await meetings.upsertOccurrence(series.id, start, {})).id
      }
      if (issues.length) throw new AppError('VALIDATION', issues[0]!.message, issues)
      const id = await repo.insert({
        partnerId: body.partnerId,
        title: body.title,
        ownerUserId: body.ownerUserId ?? null,
        ownerStakeholderId: body.ownerStakeholderId ?? null,
        dueOn: body.dueOn ?? null,
        customerId: body.customerId ?? null,
        occurrenceId,
        source: body.source ?? (occurrenceId ? 'meeting' : 'manual'),
        sourceId: body.sourceId ?? (occurrenceId ? String(occurrenceId) : null),
        createdBy: actor.id,
      })
      return get(actor, id)
    },

    async patch(actor: Actor, id: number, body: PatchActionBody, now = new Date()) {
      const current = await guardPartnerWrite(actor, 'Action item', (scope) => repo.find(scope, id))
      const values: Partial<typeof actionItems.$inferInsert> = {}
      if (body.title !== undefined) values.title = body.title
      if (body.dueOn !== undefined) values.dueOn = body.dueOn
      if (body.ownerUserId !== undefined || body.ownerStakeholderId !== undefined) {
        const userId =
          body.ownerUserId !== undefined
            ? body.ownerUserId
            : body.ownerStakeholderId
              ? null
              : current.ownerUserId
        const stakeholderId =
          body.ownerStakeholderId !== undefined
            ? body.ownerStakeholderId
            : body.ownerUserId
              ? null
              : current.ownerStakeholderId
        const problem = ownerProblem(userId, stakeholderId)
        if (problem) throw new AppError('VALIDATION', problem, [{ path: ['ownerUserId'], message: problem }])
        if (stakeholderId && !(await repo.stakeholderOf(current.partnerId, stakeholderId)))
          throw new AppError('VALIDATION', 'Not a stakeholder of this partner', [
            { path: ['ownerStakeholderId'], message: 'Not a stakeholder of this partner' },
          ])
        if (userId && !(await repo.activeUser(userId)))
          throw new AppError('VALIDATION', 'Not an active user', [
            { path: ['ownerUserId'], message: 'Not an active user' },
          ])
        values.ownerUserId = userId ?? null
        values.ownerStakeholderId = stakeholderId ?? null
      }
      if (body.status !== undefined && body.status !== current.status) {
        values.status = body.status
        values.closedAt = body.status === 'open' ? null : now
      }
      await repo.update(id, values)
      return get(actor, id)
    },
  }
}
