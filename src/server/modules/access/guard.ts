import type { SQL } from 'drizzle-orm'
import { AppError } from '#shared/errors'
import { type Actor, assertWriter } from './actor'
import { partnerEditable, partnerVisible } from './scope'

/**
 * The one order of checks before a change to a partner-owned record:
 * not visible → 404 (like a missing record); visible but the role is read-only → 403;
 * visible but outside the actor's editable scope → 404. Returns what `find` found in the editable scope.
 */
export async function guardPartnerWrite<T>(
  actor: Actor,
  what: string,
  find: (scope: SQL) => Promise<T | undefined | false>,
): Promise<T> {
  if (!(await find(partnerVisible(actor)))) throw AppError.notFound(what)
  assertWriter(actor)
  const row = await find(partnerEditable(actor))
  if (!row) throw AppError.notFound(what)
  return row
}
