import type { Database } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import { guardPartnerWrite } from '#server/modules/access/guard'
import { guardPartnerField } from '#server/modules/access/partner-field'
import { partnerVisible } from '#server/modules/access/scope'
import { customerOfPartner } from '#server/modules/customers/belongs'
import { partnersRepository } from '#server/modules/partners/repository'
import { settingsInForce } from '#server/modules/settings/service'
import type {
  CreateReferralBody,
  PartnerReferralsQuery,
  PatchReferralBody,
  Referral,
  ReferralListQuery,
} from '#shared/contracts/referrals'
import { addDays, today } from '#shared/domain/periods'
import {
  addBusinessDays,
  answerDueAt,
  REFERRAL_SLA_BUSINESS_DAYS,
  type ReferralStatus,
  referralTransitions,
  unansweredAsOf,
} from '#shared/domain/referrals'
import { AppError } from '#shared/errors'
import { type ReferralRow, type ReferralTotalsFilters, referralsRepository } from './repository'

export type ReferralsFilters = ReferralTotalsFilters

const toReferral = (r: ReferralRow, days: number, now: Date): Referral => {
  const receivedAt = new Date(r.receivedAt)
  const respondedAt = r.respondedAt === null ? null : new Date(r.respondedAt)
  const status = r.status as ReferralStatus
  return {
    ...r,
    status,
    receivedAt: receivedAt.toISOString(),
    respondedAt: respondedAt?.toISOString() ?? null,
    answerDueAt: answerDueAt(receivedAt, days).toISOString(),
    slaDueAt: addBusinessDays(receivedAt, REFERRAL_SLA_BUSINESS_DAYS).toISOString(),
    unanswered: unansweredAsOf({ receivedAt, status, respondedAt }, now, days),
  }
}

/** Referrals sent to partners (decision 016): record, answer, and who leaves them unanswered. */
export function referralsService(database: Database) {
  const repo = referralsRepository(database.db)
  const partners = partnersRepository(database.db)
  const windowOn = async (date: string) =>
    (await settingsInForce(database, date)).values.referrals.answerWithinDays

  const get = async (actor: Actor, id: number) => {
    const row = await repo.find(partnerVisible(actor), id)
    if (!row) throw AppError.notFound('Referral')
    return toReferral(row, await windowOn(today()), new Date())
  }

  const list = async (actor: Actor, q: ReferralListQuery) => {
    const { page, pageSize, ...filters } = q
    const days = await windowOn(today())
    const { items, total, unanswered } = await repo.list(partnerVisible(actor), filters, days, {
      page,
      pageSize,
    })
    const now = new Date()
    return {
      items: items.map((r) => toReferral(r, days, now)),
      total,
      page,
      pageSize,
      answerWithinDays: days,
      unansweredTotal: unanswered,
    }
  }

  return {
    get,
    list,

    /** A partner's referrals; 404 when the partner is not visible. */
    async listOfPartner(actor: Actor, partnerId: number, q: PartnerReferralsQuery) {
      if (!(await partners.exists(partnerVisible(actor), partnerId))) throw AppError.notFound('Partner')
      return list(actor, { ...q, partnerId })
    },

    async create(actor: Actor, body: CreateReferralBody) {
      await guardPartnerField(actor, body.partnerId, (scope, id) => partners.exists(scope, id))
      if (body.customerId && !(await customerOfPartner(database.db, body.customerId, body.partnerId)))
        throw new AppError('VALIDATION', 'The customer is not a customer of this partner', [
          { path: ['customerId'], message: 'Choose a customer of this partner, or give the TPID and name' },
        ])
      const receivedAt = new Date(body.receivedAt)
      if (receivedAt.getTime() > Date.now() + 60_000)
        throw new AppError('VALIDATION', 'A referral is recorded once it was received', [
          { path: ['receivedAt'], message: 'Choose now or an earlier time' },
        ])
      const id = await repo.insert({
        partnerId: body.partnerId,
        customerId: body.customerId ?? null,
        customerTpid: body.customerTpid ?? null,
        customerName: body.customerName ?? body.customerTpid ?? '',
        workloadCodes: body.workloadCodes,
        receivedAt,
        note: body.note ?? null,
        recordedBy: actor.id,
      })
      return get(actor, id)
    },

    /** pending → accepted / declined / reassigned, once; `respondedAt` is now unless given. */
    async patch(actor: Actor, id: number, body: PatchReferralBody) {
      const row = await guardPartnerWrite(actor, 'Referral', (scope) => repo.find(scope, id))
      const values: Parameters<typeof repo.update>[1] = {}
      if (body.note !== undefined) values.note = body.note ?? null
      const from = row.status as ReferralStatus
      if (body.status !== undefined && body.status !== from) {
        if (!referralTransitions[from].includes(body.status))
          throw new AppError('VALIDATION', `A referral that is ${from} cannot become ${body.status}`, [
            { path: ['status'], message: 'It was already answered' },
          ])
        const at = body.respondedAt ? new Date(body.respondedAt) : new Date()
        if (at.getTime() < new Date(row.receivedAt).getTime() || at.getTime() > Date.now() + 60_000)
          throw new AppError('VALIDATION', 'The answer time must be between receipt and now', [
            { path: ['respondedAt'], message: 'Choose a time between when it was received and now' },
          ])
        values.status = body.status
        values.respondedAt = at
      }
      await repo.update(id, values)
      return get(actor, id)
    },

    /**
     * The seam of the scorecard and offboarding: per live partner in scope, referrals received in [from, to),
     * answered before `to`, and unanswered as of `to` with the window of the settings in force on the
     * period's last day.
     */
    async totalsByPartner(actor: Actor, filters: ReferralsFilters, period: { from: string; to: string }) {
      const days = await windowOn(addDays(period.to, -1))
      return repo.totalsByPartner(
        partnerVisible(actor),
        filters,
        `${period.from}T00:00:00Z`,
        `${period.to}T00:00:00Z`,
        days,
      )
    },
  }
}
