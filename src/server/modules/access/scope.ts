import { type SQL, sql } from 'drizzle-orm'
import { customers, engagements, groupWorkloadMonthly, partnerSmes, partners } from '#db/schema/index'
import type { Actor } from './actor'

/**
 * Row-level access, in one place. Each function returns a SQL condition that the repositories add to
 * every query, so a row outside the actor's scope is never read — and answers 404 like a missing one.
 *
 * - admin: every partner
 * - lead: partners of their region
 * - fpm: partners assigned to them
 * - sme: partners they help (partner_smes)
 * - viewer: partners of their region, or every partner when they have no region (read only)
 */
export function partnerVisible(actor: Actor, p = partners): SQL {
  switch (actor.role) {
    case 'admin':
      return sql`true`
    case 'lead':
      return actor.regionId === null ? sql`false` : sql`${p.regionId} = ${actor.regionId}`
    case 'fpm':
      return sql`${p.fpmUserId} = ${actor.id}`
    case 'sme':
      return sql`exists (select 1 from ${partnerSmes} ps where ps.partner_id = ${p.id} and ps.user_id = ${actor.id})`
    case 'viewer':
      return actor.regionId === null ? sql`true` : sql`${p.regionId} = ${actor.regionId}`
    default: {
      const never: never = actor.role
      throw new Error(`unknown role ${never}`)
    }
  }
}

/**
 * partnerVisible's rule on the region × FPM rollup (group_workload_monthly), for readers of whole groups;
 * null when the rule is not a set of groups (an SME sees a list of partners).
 */
export function groupVisible(actor: Actor, g = groupWorkloadMonthly): SQL | null {
  switch (actor.role) {
    case 'admin':
      return sql`true`
    case 'lead':
      return actor.regionId === null ? sql`false` : sql`${g.regionId} = ${actor.regionId}`
    case 'fpm':
      return sql`${g.fpmUserId} = ${actor.id}`
    case 'sme':
      return null
    case 'viewer':
      return actor.regionId === null ? sql`true` : sql`${g.regionId} = ${actor.regionId}`
    default: {
      const never: never = actor.role
      throw new Error(`unknown role ${never}`)
    }
  }
}

/** Which partners the actor may change: the visible ones, for writer roles only. */
export function partnerEditable(actor: Actor, p = partners): SQL {
  return actor.role === 'sme' || actor.role === 'viewer' ? sql`false` : partnerVisible(actor, p)
}

/** A partner id condition as a subquery: `partner_id in (visible partners)`. */
export function visiblePartnerIds(actor: Actor): SQL {
  return sql`(select ${partners.id} from ${partners} where ${partnerVisible(actor)})`
}

/** A customer is visible when its primary partner or a partner engaged on it is visible. */
export function customerVisible(actor: Actor, c = customers): SQL {
  if (actor.role === 'admin' || (actor.role === 'viewer' && actor.regionId === null)) return sql`true`
  const ids = visiblePartnerIds(actor)
  return sql`(${c.primaryPartnerId} in ${ids} or exists (select 1 from ${engagements} e where e.customer_id = ${c.id} and e.partner_id in ${ids}))`
}
