import { and, eq, type SQL } from 'drizzle-orm'
import type { Database } from '#db/client'
import { users } from '#db/schema/index'
import { type Actor, assertAdmin } from '#server/modules/access/actor'
import { hashPassword } from '#server/modules/auth/password'
import type { CreateUserBody, User } from '#shared/contracts/users'
import type { Role } from '#shared/domain/roles'
import { AppError } from '#shared/errors'
import { usersRepository } from './repository'

type NewUser = Omit<CreateUserBody, 'regionId'> & { regionId?: number | null }

/** Admins and leads need the list (to assign FPMs and SMEs); a lead sees the users of their region. */
function listScope(actor: Actor): SQL | undefined {
  if (actor.role === 'admin') return undefined
  if (actor.role === 'lead' && actor.regionId !== null) return eq(users.regionId, actor.regionId)
  // Everyone else sees only themselves.
  return eq(users.id, actor.id)
}

async function checkRegion(database: Database, regionId: number | null | undefined) {
  if (regionId != null && !(await usersRepository(database.db).regionExists(regionId))) {
    throw new AppError('VALIDATION', 'That region does not exist', [
      { path: ['regionId'], message: 'Unknown region' },
    ])
  }
}

/** `actor` null = the system (first-admin setup, seed, CLI). */
export async function createUser(database: Database, actor: Actor | null, body: NewUser): Promise<User> {
  if (actor) assertAdmin(actor)
  const repo = usersRepository(database.db)
  if (await repo.emailTaken(body.email)) {
    throw new AppError('CONFLICT', `A user with e-mail ${body.email} already exists`, [
      { path: ['email'], message: 'Already in use' },
    ])
  }
  await checkRegion(database, body.regionId)
  const row = await repo.insert({
    email: body.email,
    displayName: body.displayName,
    role: body.role,
    regionId: body.regionId ?? null,
    passwordHash: await hashPassword(body.password),
  })
  return (await repo.find(row.id)) as User
}

export function usersService(database: Database) {
  const repo = usersRepository(database.db)
  return {
    async list(actor: Actor, role?: Role) {
      const scope = listScope(actor)
      const byRole = role ? eq(users.role, role) : undefined
      return (await repo.list(scope && byRole ? and(scope, byRole) : (scope ?? byRole))) as User[]
    },
    create: (actor: Actor, body: NewUser) => createUser(database, actor, body),
    async update(
      actor: Actor,
      id: number,
      body: Partial<{
        displayName: string
        role: Role
        regionId: number | null
        active: boolean
        password: string
      }>,
    ) {
      assertAdmin(actor)
      const existing = await repo.find(id)
      if (!existing) throw AppError.notFound('User')
      if (id === actor.id && (body.active === false || (body.role && body.role !== 'admin'))) {
        throw new AppError('CONFLICT', 'You cannot remove your own admin access')
      }
      await checkRegion(database, body.regionId)
      const { password, ...rest } = body
      await repo.update(id, { ...rest, ...(password ? { passwordHash: await hashPassword(password) } : {}) })
      return (await repo.find(id)) as User
    },
    regions: () => repo.listRegions(),
  }
}
