import { type SQL, sql } from 'drizzle-orm'
import { type Db, execRows } from '#db/client'

export type CadencePartnerRow = {
  partnerId: number
  name: string
  status: string
  regionId: number | null
  regionName: string | null
  fpmUserId: number | null
  fpmName: string | null
  sponsorIdentified: boolean
}

/**
 * The facts cadence needs, set-based: one query each for the partners, their newest held meeting and their
 * touchpoints. `scope` is a condition on `partners` (the actor's scope ∩ filters ∩ live, as the service says).
 */

const idsOf = (scope: SQL) => sql`(select partners.id from partners where ${scope})`

export function cadenceRepository(db: Db) {
  return {
    /** The partners with their sponsor flag. */
    partners(scope: SQL) {
      return execRows<CadencePartnerRow>(
        db,
        sql`select partners.id as "partnerId", partners.name, partners.status, partners.region_id as "regionId",
                   r.name as "regionName", partners.fpm_user_id as "fpmUserId", u.display_name as "fpmName",
                   exists (select 1 from stakeholders s where s.partner_id = partners.id and s.archived_at is null
                           and s.side = 'partner' and s.role = 'sponsor') as "sponsorIdentified"
            from partners
            left join regions r on r.id = partners.region_id
            left join users u on u.id = partners.fpm_user_id
            where ${scope}
            order by partners.name, partners.id`,
      )
    },

    /** Per partner, the start (moved start if moved) of its newest held ROB or MBR before `now`. */
    lastHeld(scope: SQL, now: Date) {
      return execRows<{ partnerId: number; lastHeldAt: Date | string }>(
        db,
        sql`select s.partner_id as "partnerId", max(coalesce(o.moved_start, o.original_start)) as "lastHeldAt"
            from meeting_occurrences o join meeting_series s on s.id = o.series_id
            where s.partner_id in ${idsOf(scope)} and o.status = 'held' and s.kind in ('rob', 'mbr')
              and coalesce(o.moved_start, o.original_start) < ${now.toISOString()}::timestamptz
            group by s.partner_id`,
      )
    },

    /** Touchpoints per partner, month and kind with a date in [from, to) (YYYY-MM-DD). */
    touchpoints(scope: SQL, from: string, to: string) {
      return execRows<{ partnerId: number; month: string; kind: string; count: number }>(
        db,
        sql`select partner_id as "partnerId", to_char(occurred_on, 'YYYY-MM') as month, kind, count(*)::int as count
            from touchpoints
            where partner_id in ${idsOf(scope)}
              and occurred_on >= ${from}::date and occurred_on < ${to}::date
            group by 1, 2, 3`,
      )
    },
  }
}
