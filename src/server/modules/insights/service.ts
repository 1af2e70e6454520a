import type { Database } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import { guardPartnerWrite } from '#server/modules/access/guard'
import { guardPartnerField } from '#server/modules/access/partner-field'
import { customerVisible, partnerVisible } from '#server/modules/access/scope'
import { customerOfPartner } from '#server/modules/customers/belongs'
import { partnersRepository } from '#server/modules/partners/repository'
import type {
  AddPlusOneBody,
  CreateInsightBody,
  Insight,
  InsightDetail,
  InsightFilters,
  InsightListQuery,
  PatchInsightBody,
} from '#shared/contracts/insights'
import { type InsightStatus, insightClosed, insightTransitions } from '#shared/domain/insights'
import { AppError } from '#shared/errors'
import { type InsightRow, insightsRepository } from './repository'
import { insightsRollup } from './rollup'

export const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

const toInsight = (r: InsightRow): Insight =>
  ({
    ...r,
    submittedAt: iso(r.submittedAt),
    closedAt: iso(r.closedAt),
    createdAt: iso(r.createdAt)!,
    updatedAt: iso(r.updatedAt)!,
  }) as Insight

/** Insights (voice of partner and customer, decision 016): the register, its workflow and the +1s. */
export function insightsService(database: Database) {
  const repo = insightsRepository(database.db)
  const partners = partnersRepository(database.db)

  const get = async (actor: Actor, id: number): Promise<InsightDetail> => {
    const row = await repo.find(partnerVisible(actor), id)
    if (!row) throw AppError.notFound('Insight')
    const plusOneList = (await repo.plusOnes(id)).map((p) => ({ ...p, addedAt: iso(p.addedAt)! }))
    return { ...toInsight(row), plusOneList }
  }

  return {
    get,
    /** The seam of the scorecard and offboarding (rollup.ts): insights and spotlights per partner in a period. */
    ...insightsRollup(database.db),

    async list(actor: Actor, q: InsightListQuery) {
      const { page, pageSize, ...filters } = q
      const { items, total } = await repo.list(partnerVisible(actor), filters, { page, pageSize })
      return { items: items.map(toInsight), total, page, pageSize }
    },

    /** Every row of the filter (for the export), newest first. */
    async all(actor: Actor, filters: InsightFilters) {
      return (await repo.list(partnerVisible(actor), filters)).items.map(toInsight)
    },

    /** Writers raise insights on partners they may edit; the raising customer is the first +1. */
    async create(actor: Actor, body: CreateInsightBody) {
      await guardPartnerField(actor, body.partnerId, (scope, id) => partners.exists(scope, id))
      if (body.customerId && !(await customerOfPartner(database.db, body.customerId, body.partnerId)))
        throw new AppError('VALIDATION', 'The customer is not a customer of this partner', [
          { path: ['customerId'], message: 'Choose a customer of this partner' },
        ])
      const now = new Date()
      const id = await repo.insert({
        partnerId: body.partnerId,
        customerId: body.customerId ?? null,
        workloadCode: body.workloadCode ?? null,
        type: body.type,
        title: body.title,
        description: body.description,
        status: body.submit ? 'submitted' : 'new',
        submittedAt: body.submit ? now : null,
        submittedBy: actor.id,
      })
      if (body.customerId)
        await repo.addPlusOne({ insightId: id, customerId: body.customerId, addedBy: actor.id })
      return get(actor, id)
    },

    async patch(actor: Actor, id: number, body: PatchInsightBody) {
      const row = await guardPartnerWrite(actor, 'Insight', (scope) => repo.find(scope, id))
      const values: Parameters<typeof repo.update>[1] = {}
      if (body.title !== undefined) values.title = body.title
      if (body.description !== undefined) values.description = body.description
      if (body.type !== undefined) values.type = body.type
      if (body.workloadCode !== undefined) values.workloadCode = body.workloadCode ?? null
      const from = row.status as InsightStatus
      if (body.status !== undefined && body.status !== from) {
        if (!insightTransitions[from].includes(body.status))
          throw new AppError('VALIDATION', `An insight that is ${from} cannot become ${body.status}`, [
            {
              path: ['status'],
              message: insightTransitions[from].length
                ? `Choose one of: ${insightTransitions[from].join(', ')}`
                : 'It is closed',
            },
          ])
        values.status = body.status
        if (body.status === 'submitted') values.submittedAt = new Date()
        if (insightClosed(body.status)) values.closedAt = new Date()
      }
      await repo.update(id, values)
      return get(actor, id)
    },

    /** Another customer (tenant) with the same need adds its +1; once per customer, the database enforces it. */
    async addPlusOne(actor: Actor, id: number, body: AddPlusOneBody) {
      await guardPartnerWrite(actor, 'Insight', (scope) => repo.find(scope, id))
      if (!(await repo.customerVisibleTo(customerVisible(actor), body.customerId)))
        throw new AppError('VALIDATION', 'Customer not found', [
          { path: ['customerId'], message: 'Choose a customer you can see' },
        ])
      const added = await repo.addPlusOne({
        insightId: id,
        customerId: body.customerId,
        addedBy: actor.id,
        note: body.note ?? null,
      })
      if (!added)
        throw new AppError('CONFLICT', 'This customer has already added its +1 to this insight', [
          { path: ['customerId'], message: 'This customer already counts' },
        ])
      return get(actor, id)
    },
  }
}
