import type { Database } from '#db/client'
import { type Actor, assertWriter } from '#server/modules/access/actor'
import { guardPartnerWrite } from '#server/modules/access/guard'
import { partnerEditable, partnerVisible } from '#server/modules/access/scope'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import { stakeholdersRepository } from '#server/modules/stakeholders/repository'
import { toStakeholder } from '#server/modules/stakeholders/service'
import type {
  CreatePartnerBody,
  PartnerDetail,
  PartnerListQuery,
  UpdatePartnerBody,
} from '#shared/contracts/partners'
import { createPartnerBody, updatePartnerBody } from '#shared/contracts/partners'
import { AppError } from '#shared/errors'
import { partnersRepository } from './repository'

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof partnersRepository>['find']>>>

function toSummary(
  row: Omit<Row, 'hqCountry' | 'joinedOn' | 'website' | 'notes' | 'endorsedWorkloads' | 'smeUserIds'>,
) {
  const { archivedAt, updatedAt, ...rest } = row
  return { ...rest, archived: archivedAt !== null, updatedAt: updatedAt.toISOString() } as PartnerDetail
}

export function partnersService(database: Database) {
  const repo = partnersRepository(database.db)
  const stakeholders = stakeholdersRepository(database.db)

  /** FPM and SME references must be users of that role; a lead may only assign within their region. */
  async function checkPeople(
    actor: Actor,
    body: { fpmUserId?: number | null; smeUserIds?: number[]; regionId?: number | null },
  ) {
    const issues = []
    if (body.fpmUserId != null) {
      const [fpm] = await repo.usersWithRole([body.fpmUserId], 'fpm')
      if (!fpm) issues.push({ path: ['fpmUserId'], message: 'Choose a user with the partner manager role' })
    }
    if (body.smeUserIds?.length) {
      const smes = await repo.usersWithRole(body.smeUserIds, 'sme')
      if (smes.length !== new Set(body.smeUserIds).size)
        issues.push({ path: ['smeUserIds'], message: 'Every helper must be a user with the SME role' })
    }
    if (actor.role === 'lead' && body.regionId !== undefined && body.regionId !== actor.regionId) {
      issues.push({ path: ['regionId'], message: 'A lead can only place partners in their own region' })
    }
    if (issues.length) throw new AppError('VALIDATION', issues.map((i) => i.message).join('; '), issues)
  }

  async function assertProgramIdFree(programId: string, exceptId?: number) {
    if (await repo.programIdTaken(programId, exceptId)) {
      throw new AppError('CONFLICT', `Partner ID ${programId} is already used by another partner`, [
        { path: ['programId'], message: 'Already used by another partner' },
      ])
    }
  }

  return {
    async list(actor: Actor, query: PartnerListQuery) {
      const page = await repo.list(partnerVisible(actor), query)
      return { ...page, items: page.items.map(toSummary) }
    },

    async get(actor: Actor, id: number): Promise<PartnerDetail> {
      const row = await repo.find(partnerVisible(actor), id)
      if (!row) throw AppError.notFound('Partner')
      const people = await stakeholders.listForPartner(id)
      const active = people.filter((s) => s.archivedAt === null)
      return {
        ...toSummary(row),
        hqCountry: row.hqCountry,
        joinedOn: row.joinedOn,
        website: row.website,
        notes: row.notes,
        endorsedWorkloads: row.endorsedWorkloads as PartnerDetail['endorsedWorkloads'],
        smeUserIds: row.smeUserIds,
        stakeholders: people.map(toStakeholder),
        sponsorIdentified: active.some((s) => s.side === 'partner' && s.role === 'sponsor'),
        deliveryTeamIdentified: active.some((s) => s.side === 'partner' && s.role === 'delivery_lead'),
        canEdit: await repo.exists(partnerEditable(actor), id),
      }
    },

    async create(actor: Actor, input: CreatePartnerBody): Promise<PartnerDetail> {
      assertWriter(actor)
      const body = createPartnerBody.parse(input)
      // Defaults that keep the new partner inside the creator's own scope.
      const regionId = actor.role === 'admin' ? body.regionId : (body.regionId ?? actor.regionId)
      const fpmUserId = actor.role === 'fpm' ? actor.id : body.fpmUserId
      await checkPeople(actor, { ...body, regionId, fpmUserId })
      await assertProgramIdFree(body.programId)
      const { endorsedWorkloads, smeUserIds, ...fields } = body
      const id = await database.db.transaction(async (tx) => {
        const r = partnersRepository(tx as never)
        const newId = await r.insert({ ...fields, regionId, fpmUserId })
        await r.replaceEndorsements(newId, endorsedWorkloads)
        await r.replaceSmes(newId, smeUserIds)
        return newId
      })
      return this.get(actor, id)
    },

    async update(actor: Actor, id: number, input: UpdatePartnerBody): Promise<PartnerDetail> {
      await guardPartnerWrite(actor, 'Partner', (scope) => repo.exists(scope, id))
      const body = updatePartnerBody.parse(input)
      if (actor.role === 'fpm' && body.fpmUserId !== undefined && body.fpmUserId !== actor.id) {
        throw new AppError(
          'FORBIDDEN',
          'Only a lead or an admin can hand a partner to another partner manager',
        )
      }
      await checkPeople(actor, body)
      if (body.programId) await assertProgramIdFree(body.programId, id)
      const { endorsedWorkloads, smeUserIds, ...fields } = body
      await database.db.transaction(async (tx) => {
        const r = partnersRepository(tx as never)
        await r.update(id, fields)
        if (endorsedWorkloads) await r.replaceEndorsements(id, endorsedWorkloads)
        if (smeUserIds) await r.replaceSmes(id, smeUserIds)
      })
      if (fields.regionId !== undefined || fields.fpmUserId !== undefined)
        await analyticsRefresher(database).afterPartnerMoved()
      return this.get(actor, id)
    },

    async setArchived(actor: Actor, id: number, archived: boolean): Promise<PartnerDetail> {
      await guardPartnerWrite(actor, 'Partner', (scope) => repo.exists(scope, id))
      await repo.update(id, { archivedAt: archived ? new Date() : null })
      await analyticsRefresher(database).afterPartnerChange(id)
      return this.get(actor, id)
    },
  }
}
