import { type SQL, sql } from 'drizzle-orm'
import { type Db, execRows } from '#db/client'
import type { SlaHours } from '#shared/domain/escalations'
import type { PartnerTotals } from './sources/types'

/**
 * A partner's stored totals, compact (hundreds of partners are read per request): metric, index of the period
 * in the key's trend, numerator, denominator.
 */
export type CachedTotals = [PartnerTotals['metric'], number, number, number][]
export type InViewRow = {
  partnerId: number
  name: string
  fpmUserId: number | null
  fpmName: string | null
  stamp: string
  /** The stored totals when they are still valid for `key` (null: compute them). */
  totals: CachedTotals | null
}

const idsOf = (scope: SQL) => sql`(select partners.id from partners where ${scope})`

/** The scorecard's own aggregates, set-based (one query each); `scope` is a condition on `partners`. */
export function scorecardRepository(db: Db) {
  return {
    /**
     * The partners in view with their current data stamp (global version . partner version, decision 019) and
     * the totals stored for `key` under that same stamp, if any.
     */
    inView(scope: SQL, key: string) {
      return execRows<InViewRow>(
        db,
        sql`with g as (select coalesce((select version from data_versions where partner_id = 0), 0) as v)
            select partners.id as "partnerId", partners.name, partners.fpm_user_id as "fpmUserId",
                   u.display_name as "fpmName", st.stamp, c.totals
            from partners cross join g
            left join users u on u.id = partners.fpm_user_id
            left join data_versions dv on dv.partner_id = partners.id
            cross join lateral (select g.v || '.' || coalesce(dv.version, 0) as stamp) st
            left join scorecard_cache c on c.partner_id = partners.id and c.key = ${key} and c.stamp = st.stamp
            where ${scope}
            order by partners.id`,
      )
    },

    /** Stores each partner's totals for `key` under the stamp read before they were computed; drops old days. */
    async store(key: string, rows: { partnerId: number; stamp: string; totals: CachedTotals }[]) {
      if (rows.length === 0) return
      await db.execute(
        sql`insert into scorecard_cache (partner_id, key, stamp, totals)
            select x.partner_id, ${key}, x.stamp, x.totals
            from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ partner_id: r.partnerId, stamp: r.stamp, totals: r.totals })))}::jsonb)
                 as x(partner_id int, stamp text, totals jsonb)
            on conflict (partner_id, key) do update set stamp = excluded.stamp, totals = excluded.totals, computed_at = now()`,
      )
      await db.execute(sql`delete from scorecard_cache where computed_at < now() - interval '2 days'`)
    },

    /** Partners with an active partner-side delivery lead. */
    deliveryLeads(scope: SQL) {
      return execRows<{ partnerId: number }>(
        db,
        sql`select distinct s.partner_id as "partnerId" from stakeholders s
            where s.partner_id in ${idsOf(scope)} and s.archived_at is null and s.side = 'partner' and s.role = 'delivery_lead'`,
      )
    },

    /** Per partner and month in [from, to): engagements at the top usage milestone, and engagements. */
    milestoneMonths(scope: SQL, from: string, to: string) {
      return execRows<{ partnerId: number; month: string; top: number; engagements: number }>(
        db,
        sql`select partner_id as "partnerId", to_char(period, 'YYYY-MM') as month,
                   sum(milestone_counts[array_length(milestone_counts, 1)])::int as top, sum(engagements)::int as engagements
            from partner_workload_monthly
            where partner_id in ${idsOf(scope)} and period >= ${from}::date and period < ${to}::date
            group by partner_id, period`,
      )
    },

    /** Per partner and month of resolution in [from, to): escalations resolved, and of them within their SLA. */
    resolvedEscalations(scope: SQL, from: string, to: string, hours: SlaHours) {
      const sla = sql.join(
        Object.entries(hours).map(([severity, h]) => sql`when ${severity} then ${h}`),
        sql` `,
      )
      return execRows<{ partnerId: number; month: string; resolved: number; withinSla: number }>(
        db,
        sql`select partner_id as "partnerId", to_char(resolved_at at time zone 'UTC', 'YYYY-MM') as month,
                   count(*)::int as resolved,
                   count(*) filter (where resolved_at - raised_at <= make_interval(hours => (case severity ${sla} end)::int))::int as "withinSla"
            from escalations
            where partner_id in ${idsOf(scope)} and resolved_at >= ${from}::date and resolved_at < ${to}::date
            group by 1, 2`,
      )
    },

    /** Partners whose not progressing has been raised: a recommendation in progress or accepted, or an open escalation. */
    raised(scope: SQL) {
      return execRows<{ partnerId: number }>(
        db,
        sql`select id as "partnerId" from partners where ${scope} and (
              exists (select 1 from offboarding_recommendations r where r.partner_id = partners.id
                      and r.status in ('proposed', 'reviewed', 'accepted'))
              or exists (select 1 from escalations x where x.partner_id = partners.id and x.status in ('open', 'in_progress')))`,
      )
    },
  }
}
