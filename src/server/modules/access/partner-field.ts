import type { SQL } from 'drizzle-orm'
import { AppError } from '#shared/errors'
import { type Actor, assertWriter } from './actor'
import { partnerEditable, partnerVisible } from './scope'

/**
 * Before writing a record against the partner a request body names (`partnerId`): a hidden or missing
 * partner is a field problem (400 on `partnerId`, the same for both); a read-only role is 403; a visible
 * partner outside the actor's editable scope is 404.
 */
export async function guardPartnerField(
  actor: Actor,
  partnerId: number,
  exists: (scope: SQL, id: number) => Promise<boolean>,
): Promise<void> {
  if (!(await exists(partnerVisible(actor), partnerId)))
    throw new AppError('VALIDATION', 'Partner not found', [
      { path: ['partnerId'], message: 'Choose a partner you can see' },
    ])
  assertWriter(actor)
  if (!(await exists(partnerEditable(actor), partnerId))) throw AppError.notFound('Partner')
}
