import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { type Actor, canWrite } from '#server/modules/access/actor'
import { guardPartnerField } from '#server/modules/access/partner-field'
import { partnerEditable, partnerVisible } from '#server/modules/access/scope'
import { customerOfPartner } from '#server/modules/customers/belongs'
import { partnersRepository } from '#server/modules/partners/repository'
import type {
  CreateEscalationBody,
  EscalateBody,
  Escalation,
  EscalationDetail,
  EscalationEvent,
  EscalationListQuery,
  TransitionBody,
  UpdateEscalationBody,
} from '#shared/contracts/escalations'
import {
  activeStatuses,
  canTransition,
  closureIssues,
  type EscalationStatus,
  escalationStatusLabel,
  type SlaHours,
  slaClock,
} from '#shared/domain/escalations'
import { AppError } from '#shared/errors'
import { type EscalationFilters, type EscalationRow, escalationsRepository } from './repository'
import { loadSlaHours } from './sla'

const iso = (d: Date | string) => new Date(d).toISOString()
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d))

export function toEscalation(row: EscalationRow, hours: SlaHours, now = new Date()): Escalation {
  const { editable, ...rest } = row
  const h = hours[row.severity as keyof SlaHours]
  const clock = slaClock(new Date(row.raisedAt), h, now, row.resolvedAt ? new Date(row.resolvedAt) : null)
  return {
    ...(rest as Omit<Escalation, 'raisedAt' | 'resolvedAt' | 'closedAt' | 'sla' | 'canEdit'>),
    raisedAt: iso(row.raisedAt),
    resolvedAt: isoOrNull(row.resolvedAt),
    closedAt: isoOrNull(row.closedAt),
    sla: { hours: h, dueAt: clock.dueAt.toISOString(), elapsedShare: clock.elapsedShare, state: clock.state },
    canEdit: editable,
  }
}

/** Rows the actor may see: those of visible partners (a condition on `partners`). */
export const escalationVisible = (actor: Actor): SQL => partnerVisible(actor)

const editedFieldLabel: Record<keyof UpdateEscalationBody, string> = {
  title: 'title',
  description: 'description',
  severity: 'severity',
  category: 'category',
  customerId: 'customer',
  workloadCode: 'workload',
  ownerUserId: 'owner',
}

/**
 * Who may change an escalation: writers within their partner scope, and an SME who is its owner
 * (decision 009) — on the partners they help, which they see.
 */
export function escalationEditable(actor: Actor): SQL {
  if (actor.role === 'sme') return sql`e.owner_user_id = ${actor.id}`
  return partnerEditable(actor)
}

export function escalationsService(database: Database) {
  const repo = escalationsRepository(database.db)
  const partners = partnersRepository(database.db)

  async function find(actor: Actor, id: number) {
    const row = await repo.find(escalationVisible(actor), escalationEditable(actor), id)
    if (!row) throw AppError.notFound('Escalation')
    return row
  }

  /** Hidden or missing → 404; visible but not changeable by the actor → 403. */
  async function writable(actor: Actor, id: number) {
    const row = await find(actor, id)
    if (!row.editable)
      throw new AppError(
        'FORBIDDEN',
        'Only its partner manager, their lead, an admin or its SME owner can change it',
      )
    return row
  }

  async function get(actor: Actor, id: number): Promise<EscalationDetail> {
    const [row, hours] = await Promise.all([find(actor, id), loadSlaHours(database)])
    const events = await repo.timeline(id)
    return {
      ...toEscalation(row, hours),
      timeline: events.map((v) => ({ ...v, createdAt: iso(v.createdAt) }) as EscalationEvent),
    }
  }

  async function checkOwner(ownerUserId: number) {
    const owner = await repo.user(ownerUserId)
    if (!owner?.active || owner.role === 'viewer')
      throw new AppError('VALIDATION', 'The owner must be an active user who may work on it', [
        { path: ['ownerUserId'], message: 'Choose an active user who is not a viewer' },
      ])
  }

  async function checkCustomer(customerId: number, partnerId: number) {
    if (!(await customerOfPartner(database.db, customerId, partnerId)))
      throw new AppError('VALIDATION', 'The customer is not a customer of this partner', [
        { path: ['customerId'], message: 'Choose a customer of this partner' },
      ])
  }

  async function listRows(actor: Actor, q: Partial<EscalationFilters>, now = new Date()) {
    const hours = await loadSlaHours(database)
    const rows = await repo.all(
      escalationVisible(actor),
      escalationEditable(actor),
      { ...q, actorId: actor.id },
      hours,
    )
    return rows.map((r) => toEscalation(r, hours, now))
  }

  return {
    async list(actor: Actor, q: EscalationListQuery) {
      const hours = await loadSlaHours(database)
      const { items, total } = await repo.list(
        escalationVisible(actor),
        escalationEditable(actor),
        { ...q, actorId: actor.id },
        hours,
      )
      return { items: items.map((r) => toEscalation(r, hours)), total, page: q.page, pageSize: q.pageSize }
    },

    get,

    async create(actor: Actor, body: CreateEscalationBody) {
      await guardPartnerField(actor, body.partnerId, (scope, id) => partners.exists(scope, id))
      if (body.customerId) await checkCustomer(body.customerId, body.partnerId)
      const ownerUserId = body.ownerUserId ?? actor.id
      if (ownerUserId !== actor.id) await checkOwner(ownerUserId)
      const created = await repo.insert({
        partnerId: body.partnerId,
        customerId: body.customerId ?? null,
        workloadCode: body.workloadCode ?? null,
        title: body.title,
        description: body.description ?? null,
        severity: body.severity,
        category: body.category,
        ownerUserId,
        raisedBy: actor.id,
      })
      await repo.addEvent({ escalationId: created.id, kind: 'raised', toStatus: 'open', userId: actor.id })
      return get(actor, created.id)
    },

    async update(actor: Actor, id: number, body: UpdateEscalationBody) {
      const row = await writable(actor, id)
      if (row.status === 'closed')
        throw new AppError('CONFLICT', 'A closed escalation cannot be edited; reopen it first')
      if (body.customerId) await checkCustomer(body.customerId, row.partnerId)
      if (body.ownerUserId && body.ownerUserId !== row.ownerUserId) await checkOwner(body.ownerUserId)
      const changed = (Object.keys(body) as (keyof UpdateEscalationBody)[]).filter(
        (k) => body[k] !== undefined && body[k] !== (row as Record<string, unknown>)[k],
      )
      if (changed.length === 0) return get(actor, id)
      await repo.update(id, body)
      // The timeline says what changed in words: severity and category with before → after, a new owner by name.
      const words = await Promise.all(
        changed.map(async (k) => {
          if (k === 'severity' || k === 'category') return `${k} (${row[k]} → ${body[k]})`
          if (k === 'ownerUserId') return `owner (handed to ${(await repo.user(body.ownerUserId!))?.name})`
          return editedFieldLabel[k]
        }),
      )
      await repo.addEvent({
        escalationId: id,
        kind: 'edited',
        note: `Changed ${words.join(', ')}`,
        userId: actor.id,
      })
      return get(actor, id)
    },

    /** A status change along the transition table; closing requires evidence and a link. */
    async transition(actor: Actor, id: number, body: TransitionBody) {
      const row = await writable(actor, id)
      const from = row.status as EscalationStatus
      const to = body.status
      if (!canTransition(from, to))
        throw new AppError(
          'CONFLICT',
          `An escalation that is ${escalationStatusLabel[from].toLowerCase()} cannot become ${escalationStatusLabel[to].toLowerCase()}`,
        )
      const now = new Date()
      const values: Parameters<typeof repo.update>[1] = { status: to }
      if (to === 'closed') {
        const issues = closureIssues(body)
        if (issues.length) throw new AppError('VALIDATION', 'Closing needs evidence of what was done', issues)
        Object.assign(values, {
          closedAt: now,
          resolvedAt: row.resolvedAt ? new Date(row.resolvedAt) : now,
          closureEvidence: body.evidence!.trim(),
          closureLink: body.link!.trim(),
        })
      }
      if (to === 'resolved') values.resolvedAt = now
      if (to === 'open')
        Object.assign(values, { resolvedAt: null, closedAt: null, closureEvidence: null, closureLink: null })
      await repo.update(id, values)
      await repo.addEvent({
        escalationId: id,
        kind: 'status',
        fromStatus: from,
        toStatus: to,
        note: body.note ?? null,
        evidence: to === 'closed' ? body.evidence!.trim() : null,
        link: to === 'closed' ? body.link!.trim() : null,
        userId: actor.id,
      })
      return get(actor, id)
    },

    /** One step along the escalation path, kept in the timeline. */
    async escalate(actor: Actor, id: number, body: EscalateBody) {
      const row = await writable(actor, id)
      if (!activeStatuses.includes(row.status as EscalationStatus))
        throw new AppError('CONFLICT', 'Only an open or in-progress escalation can be escalated')
      await repo.update(id, { escalatedTo: body.target })
      await repo.addEvent({
        escalationId: id,
        kind: 'escalated',
        target: body.target,
        note: body.note,
        userId: actor.id,
      })
      return get(actor, id)
    },

    /** Open and in-progress escalations of a partner the actor may see (a meeting agenda). 404 for a hidden partner. */
    async openEscalationsForPartner(actor: Actor, partnerId: number) {
      if (!(await partners.exists(partnerVisible(actor), partnerId))) throw AppError.notFound('Partner')
      return listRows(actor, { status: 'active', partnerId })
    },

    /** Open and in-progress escalations the actor owns, most urgent first. */
    myOpenEscalations: (actor: Actor) => listRows(actor, { status: 'active', owner: 'me' }),

    /**
     * Open and in-progress escalations the actor owns or that are escalated to them (to "lead" for a
     * lead, to "SME" for an SME, on partners they see), most urgent first: "My week" and the daily digest.
     */
    openEscalationsOnMe: (actor: Actor, now = new Date()) =>
      listRows(actor, { status: 'active', mine: { role: actor.role } }, now),

    /** The actor's own open escalations whose SLA is breached (a daily digest). */
    slaBreachesOf: (actor: Actor) => listRows(actor, { status: 'active', owner: 'me', sla: 'breached' }),

    canRaise: (actor: Actor) => canWrite(actor),
  }
}
