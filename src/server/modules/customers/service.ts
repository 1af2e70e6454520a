import type { Database } from '#db/client'
import { type Actor, assertWriter, canWrite } from '#server/modules/access/actor'
import { guardPartnerWrite } from '#server/modules/access/guard'
import { customerVisible, partnerEditable, partnerVisible } from '#server/modules/access/scope'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import { partnersRepository } from '#server/modules/partners/repository'
import { settingsInForce } from '#server/modules/settings/service'
import type {
  CustomerDetail,
  CustomerListQuery,
  CustomerSummary,
  Engagement,
  UsagePoint,
} from '#shared/contracts/customers'
import {
  createCustomerBody,
  engagementBody,
  updateCustomerBody,
  updateEngagementBody,
} from '#shared/contracts/customers'
import { today } from '#shared/domain/periods'
import { AppError } from '#shared/errors'
import { customersRepository } from './repository'

type SummaryRow = Awaited<ReturnType<ReturnType<typeof customersRepository>['list']>>['items'][number]

/** The eligibility threshold (seats) of the program settings in force today. */
const eligibleMinSeats = async (database: Database) =>
  (await settingsInForce(database, today())).values.program.eligibleMinSeats

function toSummary(row: SummaryRow, minSeats: number): CustomerSummary {
  const { archivedAt, updatedAt, ...rest } = row
  return {
    ...rest,
    eligible: (row.seats ?? 0) >= minSeats,
    archived: archivedAt !== null,
    updatedAt: updatedAt.toISOString(),
  }
}

const pct = (active: number, licensed: number) =>
  licensed > 0 ? Math.round((active * 1000) / licensed) / 10 : null

export function customersService(database: Database) {
  const repo = customersRepository(database.db)
  const partners = partnersRepository(database.db)
  const analytics = analyticsRefresher(database)

  async function assertEditablePartner(actor: Actor, partnerId: number, field: string) {
    if (!(await partners.exists(partnerEditable(actor), partnerId))) {
      throw new AppError('VALIDATION', 'Choose a partner from your portfolio', [
        { path: [field], message: 'Not a partner you manage' },
      ])
    }
  }

  /** Visible → else 404; writer → else 403; a customer a writer can see is one they may change. */
  async function editable(actor: Actor, id: number) {
    if (!(await repo.exists(customerVisible(actor), id))) throw AppError.notFound('Customer')
    assertWriter(actor)
  }

  async function assertTpidFree(tpid: string, exceptId?: number) {
    if (await repo.tpidTaken(tpid, exceptId)) {
      throw new AppError('CONFLICT', `TPID ${tpid} is already used by another customer`, [
        { path: ['tpid'], message: 'Already used by another customer' },
      ])
    }
  }

  return {
    async list(actor: Actor, query: CustomerListQuery) {
      const minSeats = await eligibleMinSeats(database)
      const page = await repo.list(customerVisible(actor), partnerVisible(actor), query, minSeats)
      return { ...page, items: page.items.map((r) => toSummary(r, minSeats)) }
    },

    async get(actor: Actor, id: number): Promise<CustomerDetail> {
      const row = await repo.find(customerVisible(actor), id)
      if (!row) throw AppError.notFound('Customer')
      const { rows, usage } = await repo.engagements(partnerVisible(actor), id)
      const series = new Map<string, UsagePoint[]>()
      for (const u of usage) {
        const list = series.get(u.workload_code) ?? []
        list.push({
          asOf: u.as_of,
          licensedUsers: u.licensed_users,
          activeUsers: u.active_users,
          source: u.source as UsagePoint['source'],
        })
        series.set(u.workload_code, list)
      }
      const engagements: Engagement[] = rows.map(({ archivedAt, ...e }) => {
        const points = series.get(e.workloadCode) ?? []
        const last = points.at(-1)
        const prev = points.at(-2)
        const lastPct = last ? pct(last.activeUsers, last.licensedUsers) : null
        const prevPct = prev ? pct(prev.activeUsers, prev.licensedUsers) : null
        return {
          ...(e as Omit<
            Engagement,
            'licensedUsers' | 'activeUsers' | 'activePct' | 'activePctDelta' | 'usage' | 'archived'
          >),
          licensedUsers: last?.licensedUsers ?? null,
          activeUsers: last?.activeUsers ?? null,
          activePct: lastPct,
          activePctDelta:
            lastPct !== null && prevPct !== null ? Math.round((lastPct - prevPct) * 10) / 10 : null,
          usage: points,
          archived: archivedAt !== null,
        }
      })
      return {
        ...toSummary(row, await eligibleMinSeats(database)),
        surveyContactEmail: row.surveyContactEmail,
        lastSuccessReviewOn: row.lastSuccessReviewOn,
        engagements,
        canEdit: canWrite(actor),
      }
    },

    async create(actor: Actor, input: unknown) {
      assertWriter(actor)
      const body = createCustomerBody.parse(input)
      await assertEditablePartner(actor, body.primaryPartnerId, 'primaryPartnerId')
      await assertTpidFree(body.tpid)
      const id = await repo.insert(body)
      return this.get(actor, id)
    },

    async update(actor: Actor, id: number, input: unknown) {
      await editable(actor, id)
      const body = updateCustomerBody.parse(input)
      if (body.primaryPartnerId !== undefined)
        await assertEditablePartner(actor, body.primaryPartnerId, 'primaryPartnerId')
      if (body.tpid) await assertTpidFree(body.tpid, id)
      await repo.update(id, body)
      await analytics.afterCustomerChange(id)
      return this.get(actor, id)
    },

    async setArchived(actor: Actor, id: number, archived: boolean) {
      await editable(actor, id)
      await repo.update(id, { archivedAt: archived ? new Date() : null })
      await analytics.afterCustomerChange(id)
      return this.get(actor, id)
    },

    async addEngagement(actor: Actor, customerId: number, input: unknown) {
      await editable(actor, customerId)
      const body = engagementBody.parse(input)
      await assertEditablePartner(actor, body.partnerId, 'partnerId')
      if (await repo.engagementExists(body.partnerId, customerId, body.workloadCode)) {
        throw new AppError('CONFLICT', 'This partner already has an engagement for that workload', [
          { path: ['workloadCode'], message: 'Already engaged on this workload' },
        ])
      }
      await repo.insertEngagement({ ...body, customerId })
      await analytics.afterCustomerChange(customerId)
      return this.get(actor, customerId)
    },

    async updateEngagement(actor: Actor, id: number, input: unknown) {
      const engagement = await guardPartnerWrite(actor, 'Engagement', (scope) =>
        repo.findEngagement(scope, id),
      )
      const { archived, ...body } = updateEngagementBody.parse(input)
      await repo.updateEngagement(id, {
        ...body,
        ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }),
      })
      await analytics.afterCustomerChange(engagement.customerId)
      return this.get(actor, engagement.customerId)
    },
  }
}
