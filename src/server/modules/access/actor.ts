import type { Role } from '#shared/domain/roles'
import { writerRoles } from '#shared/domain/roles'
import { AppError } from '#shared/errors'

/** Who is asking. Every service function takes one; access rules read only this. */
export type Actor = { id: number; role: Role; regionId: number | null; email: string }

export function canWrite(actor: Actor): boolean {
  return writerRoles.includes(actor.role)
}

export function assertWriter(actor: Actor): void {
  if (!canWrite(actor)) throw new AppError('FORBIDDEN', 'Your role can read but not change portfolio data')
}

export function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an admin can do this')
}
