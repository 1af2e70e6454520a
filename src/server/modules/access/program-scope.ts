import { and, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { partners } from '#db/schema/index'
import type { Actor } from './actor'
import { partnerVisible } from './scope'

/** Partners the program's metrics count: live ones (not archived, not invited, not departed). On `partners`. */
export const livePartner = sql`partners.archived_at is null and partners.status not in ('invited', 'departed')`

/**
 * The filters every program rollup takes (cadence, NSAT, tasks, compliance, insights, referrals, scorecard):
 * a region, an FPM, one partner, or a set of partners (the scorecard recomputes only the partners whose data
 * changed, decision 019).
 */
export type ProgramFilters = {
  regionId?: number
  fpmUserId?: number
  partnerId?: number
  partnerIds?: readonly number[]
}

/** The filters as a condition on `partners` (live partners only unless `live` is false). */
export function programFilters(f: ProgramFilters, live = true): SQL {
  return and(
    live ? livePartner : sql`true`,
    f.regionId ? eq(partners.regionId, f.regionId) : undefined,
    f.fpmUserId ? eq(partners.fpmUserId, f.fpmUserId) : undefined,
    f.partnerId ? eq(partners.id, f.partnerId) : undefined,
    f.partnerIds ? (f.partnerIds.length ? inArray(partners.id, [...f.partnerIds]) : sql`false`) : undefined,
  )!
}

/** The partners of a program rollup: the actor's visible ones, filtered. */
export function programScope(actor: Actor, f: ProgramFilters, live = true): SQL {
  return and(partnerVisible(actor), programFilters(f, live))!
}
