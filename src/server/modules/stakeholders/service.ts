import type { Database } from '#db/client'
import type { stakeholders } from '#db/schema/index'
import type { Actor } from '#server/modules/access/actor'
import { guardPartnerWrite } from '#server/modules/access/guard'
import { partnerVisible } from '#server/modules/access/scope'
import { partnersRepository } from '#server/modules/partners/repository'
import type { CreateStakeholderBody, Stakeholder } from '#shared/contracts/partners'
import { createStakeholderBody, updateStakeholderBody } from '#shared/contracts/partners'
import { stakeholderRoleSide } from '#shared/domain/portfolio'
import { AppError } from '#shared/errors'
import { stakeholdersRepository } from './repository'

export function toStakeholder(row: typeof stakeholders.$inferSelect): Stakeholder {
  const { archivedAt, createdAt: _c, updatedAt: _u, ...rest } = row
  return { ...rest, archived: archivedAt !== null } as Stakeholder
}

function checkSide(side: string, role: keyof typeof stakeholderRoleSide) {
  const expected = stakeholderRoleSide[role]
  if (expected !== 'any' && expected !== side) {
    throw new AppError('VALIDATION', `A ${role} stakeholder belongs on the ${expected} side`, [
      {
        path: ['role'],
        message: `This role belongs on the ${expected === 'microsoft' ? 'Microsoft' : 'partner'} side`,
      },
    ])
  }
}

export function stakeholdersService(database: Database) {
  const repo = stakeholdersRepository(database.db)
  const partners = partnersRepository(database.db)

  const editable = (actor: Actor, id: number) =>
    guardPartnerWrite(actor, 'Stakeholder', (scope) => repo.find(scope, id))

  return {
    async list(actor: Actor, partnerId: number) {
      if (!(await partners.exists(partnerVisible(actor), partnerId))) throw AppError.notFound('Partner')
      return (await repo.listForPartner(partnerId)).map(toStakeholder)
    },
    async create(actor: Actor, partnerId: number, input: CreateStakeholderBody) {
      await guardPartnerWrite(actor, 'Partner', (scope) => partners.exists(scope, partnerId))
      const body = createStakeholderBody.parse(input)
      checkSide(body.side, body.role)
      return toStakeholder(await repo.insert({ ...body, partnerId }))
    },
    async update(actor: Actor, id: number, input: unknown) {
      const current = await editable(actor, id)
      const body = updateStakeholderBody.parse(input)
      checkSide(body.side ?? current.side, (body.role ?? current.role) as keyof typeof stakeholderRoleSide)
      return toStakeholder(await repo.update(id, body))
    },
    async setArchived(actor: Actor, id: number, archived: boolean) {
      await editable(actor, id)
      return toStakeholder(await repo.update(id, { archivedAt: archived ? new Date() : null }))
    },
  }
}
