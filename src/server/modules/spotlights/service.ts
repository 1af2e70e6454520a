import type { Database } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import { guardPartnerWrite } from '#server/modules/access/guard'
import { guardPartnerField } from '#server/modules/access/partner-field'
import { partnerVisible } from '#server/modules/access/scope'
import { customerOfPartner } from '#server/modules/customers/belongs'
import { iso } from '#server/modules/insights/service'
import { partnersRepository } from '#server/modules/partners/repository'
import type {
  CreateSpotlightBody,
  PatchSpotlightBody,
  Spotlight,
  SpotlightFilters,
  SpotlightListQuery,
} from '#shared/contracts/insights'
import { type SpotlightStatus, spotlightDecisions, spotlightTransitions } from '#shared/domain/insights'
import { AppError } from '#shared/errors'
import { type SpotlightRow, spotlightsRepository } from './repository'

const toSpotlight = (r: SpotlightRow): Spotlight =>
  ({
    ...r,
    submittedAt: iso(r.submittedAt),
    decidedAt: iso(r.decidedAt),
    createdAt: iso(r.createdAt)!,
    updatedAt: iso(r.updatedAt)!,
  }) as Spotlight

/** Content can change until the story is approved to share. */
const editable = (s: SpotlightStatus) => s === 'draft' || s === 'submitted' || s === 'rejected'

/** Spotlights (success stories, decision 016): the register and its approval to share. */
export function spotlightsService(database: Database) {
  const repo = spotlightsRepository(database.db)
  const partners = partnersRepository(database.db)

  const get = async (actor: Actor, id: number) => {
    const row = await repo.find(partnerVisible(actor), id)
    if (!row) throw AppError.notFound('Spotlight')
    return toSpotlight(row)
  }
  const checkCustomer = async (customerId: number | null | undefined, partnerId: number) => {
    if (customerId && !(await customerOfPartner(database.db, customerId, partnerId)))
      throw new AppError('VALIDATION', 'The customer is not a customer of this partner', [
        { path: ['customerId'], message: 'Choose a customer of this partner' },
      ])
  }

  return {
    get,

    async list(actor: Actor, q: SpotlightListQuery) {
      const { page, pageSize, ...filters } = q
      const { items, total } = await repo.list(partnerVisible(actor), filters, { page, pageSize })
      return { items: items.map(toSpotlight), total, page, pageSize }
    },

    async all(actor: Actor, filters: SpotlightFilters) {
      return (await repo.list(partnerVisible(actor), filters)).items.map(toSpotlight)
    },

    async create(actor: Actor, body: CreateSpotlightBody) {
      await guardPartnerField(actor, body.partnerId, (scope, id) => partners.exists(scope, id))
      await checkCustomer(body.customerId, body.partnerId)
      const id = await repo.insert({
        partnerId: body.partnerId,
        customerId: body.customerId ?? null,
        workloadCodes: body.workloadCodes,
        title: body.title,
        situation: body.situation,
        actions: body.actions,
        outcome: body.outcome,
        status: body.submit ? 'submitted' : 'draft',
        submittedAt: body.submit ? new Date() : null,
        createdBy: actor.id,
      })
      return get(actor, id)
    },

    /**
     * Edit the story (until it is approved) or move it: a writer submits it; a lead or an admin approves it
     * to share internally or publicly, or rejects it (who and when are kept).
     */
    async patch(actor: Actor, id: number, body: PatchSpotlightBody) {
      const row = await guardPartnerWrite(actor, 'Spotlight', (scope) => repo.find(scope, id))
      const from = row.status as SpotlightStatus
      const { status, decisionNote, ...content } = body
      const values: Parameters<typeof repo.update>[1] = {}
      const changesContent = Object.keys(content).length > 0
      if (changesContent && !editable(from))
        throw new AppError('VALIDATION', 'An approved story is not edited', [
          { path: [Object.keys(content)[0]!], message: 'It is approved to share; it cannot change' },
        ])
      if (content.customerId !== undefined) {
        await checkCustomer(content.customerId, row.partnerId)
        values.customerId = content.customerId ?? null
      }
      if (content.workloadCodes !== undefined) values.workloadCodes = content.workloadCodes
      if (content.title !== undefined) values.title = content.title
      if (content.situation !== undefined) values.situation = content.situation
      if (content.actions !== undefined) values.actions = content.actions
      if (content.outcome !== undefined) values.outcome = content.outcome
      if (status !== undefined && status !== from) {
        if (!spotlightTransitions[from].includes(status))
          throw new AppError('VALIDATION', `A story that is ${from} cannot become ${status}`, [
            {
              path: ['status'],
              message: spotlightTransitions[from].length
                ? `Choose one of: ${spotlightTransitions[from].join(', ')}`
                : 'It is final',
            },
          ])
        if (spotlightDecisions.includes(status)) {
          if (actor.role !== 'lead' && actor.role !== 'admin')
            throw new AppError('FORBIDDEN', 'Only a lead or an admin approves a story to share')
          values.decidedBy = actor.id
          values.decidedAt = new Date()
          values.decisionNote = decisionNote ?? null
        }
        if (status === 'submitted') values.submittedAt = new Date()
        if (status === 'draft') {
          values.decidedBy = null
          values.decidedAt = null
        }
        values.status = status
      } else if (decisionNote !== undefined) values.decisionNote = decisionNote
      await repo.update(id, values)
      return get(actor, id)
    },
  }
}
