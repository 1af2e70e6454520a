import type { Database } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import { guardPartnerField } from '#server/modules/access/partner-field'
import { partnerVisible } from '#server/modules/access/scope'
import { customerOfPartner } from '#server/modules/customers/belongs'
import { meetingService } from '#server/modules/meetings/meeting'
import { partnersRepository } from '#server/modules/partners/repository'
import type {
  CreateTouchpointBody,
  Touchpoint,
  TouchpointListQuery,
  TouchpointMonthlyQuery,
} from '#shared/contracts/touchpoints'
import { meetingOccurrenceRef as meetingOccurrenceRefOf } from '#shared/domain/meetings'
import { addMonths, monthStart, today } from '#shared/domain/periods'
import { AppError } from '#shared/errors'
import { type TouchpointRow, touchpointsRepository } from './repository'

const toTouchpoint = (r: TouchpointRow): Touchpoint =>
  ({ ...r, createdAt: new Date(r.createdAt).toISOString() }) as Touchpoint

/** The engagement log: touchpoints with partners (and their customers), newest first. */
export function touchpointsService(database: Database) {
  const repo = touchpointsRepository(database.db)
  const partners = partnersRepository(database.db)
  return {
    async list(actor: Actor, q: TouchpointListQuery) {
      const { items, total } = await repo.list(partnerVisible(actor), q)
      return { items: items.map(toTouchpoint), total, page: q.page, pageSize: q.pageSize }
    },

    /** Writers log touchpoints on partners they may edit; the date is today unless given (never in the future). */
    async create(actor: Actor, body: CreateTouchpointBody) {
      await guardPartnerField(actor, body.partnerId, (scope, id) => partners.exists(scope, id))
      const occurredOn = body.occurredOn ?? today()
      if (occurredOn > today())
        throw new AppError('VALIDATION', 'A touchpoint is logged once it happened', [
          { path: ['occurredOn'], message: 'Choose today or an earlier date' },
        ])
      if (body.customerId && !(await customerOfPartner(database.db, body.customerId, body.partnerId)))
        throw new AppError('VALIDATION', 'The customer is not a customer of this partner', [
          { path: ['customerId'], message: 'Choose a customer of this partner' },
        ])
      let meetingOccurrenceRef: string | null = null
      if (body.meeting) {
        const { s, key } = await meetingService(database).locate(
          actor,
          body.meeting.seriesId,
          body.meeting.originalStart,
        )
        if (s.partnerId !== body.partnerId)
          throw new AppError('VALIDATION', 'The meeting is not a meeting with this partner', [
            { path: ['meeting'], message: 'Choose a meeting of this partner' },
          ])
        meetingOccurrenceRef = meetingOccurrenceRefOf(s.id, key.toISOString())
      }
      const id = await repo.insert({
        partnerId: body.partnerId,
        customerId: body.customerId ?? null,
        occurredOn,
        kind: body.kind,
        summary: body.summary,
        notes: body.notes ?? null,
        loggedBy: actor.id,
        meetingOccurrenceRef,
      })
      return toTouchpoint(await repo.find(id))
    },

    /** Touchpoints per partner per month (cadence), the last 12 months by default. */
    async monthly(actor: Actor, q: TouchpointMonthlyQuery) {
      const to = monthStart(q.to ?? today())
      const from = monthStart(q.from ?? addMonths(to, -11))
      return { from, to, rows: await repo.monthly(partnerVisible(actor), from, to, q.partnerId) }
    },
  }
}
