import { type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import { type Db, execRows } from '#db/client'
import type { HealthAggregate, HealthBand, HealthRow } from '#shared/contracts/analytics'
import { addMonths, monthStart } from '#shared/domain/periods'

export type StoredScore = {
  period: string
  score: number
  band: HealthBand
  inputs: HealthAggregate
  settingsFrom: string | null
  computedAt: string
}

const table = { customer: sql`customer_health`, partner: sql`partner_health` } as const
const key = { customer: sql`customer_id`, partner: sql`partner_id` } as const

/**
 * The engagements behind a score with the two snapshots it used (as in refresh/repository.ts). The rows are
 * chosen and ordered first, and only the chosen ones look up their snapshots: a large partner's lowest
 * scoring customers cost as much as a small partner's.
 */
const rowsSelect = sql`
  select e.id as "engagementId", e.customer_id as "customerId", e.customer_name as "customerName",
         e.partner_id as "partnerId", e.partner_name as "partnerName", e.workload_code as "workloadCode",
         e.intent_status as "intentStatus", e.phase, l.as_of::text as "latestAsOf", l.licensed_users as licensed,
         l.active_users as active, p.as_of::text as "previousAsOf", p.licensed_users as "previousLicensed",
         p.active_users as "previousActive"`

const rowsSql = (periodEnd: string, where: SQL, order: SQL, limit: number) => sql`
  ${rowsSelect}
  from (
    select e.id, e.customer_id, c.name as customer_name, e.partner_id, partners.name as partner_name,
           e.workload_code, e.intent_status, e.phase, row_number() over (order by ${order}) as ord
    from engagements e
    join customers c on c.id = e.customer_id and c.archived_at is null
    join partners on partners.id = e.partner_id and partners.archived_at is null
    left join customer_health ch on ch.customer_id = c.id and ch.period = date_trunc('month', ${periodEnd}::date)::date
    where e.archived_at is null and ${where}
    order by ${order}
    limit ${limit}
  ) e
  ${snapshotsOfPeriod(periodEnd)}
  order by e.ord`

/**
 * Joins, for each row `e` (with customer_id and workload_code), the snapshot a period's score uses (`l`:
 * newest on or before the period's end, graph_csv winning on the same date, then the source in descending
 * order) and the one its trend compares with (`p`: newest of an earlier month, same order). The SQL twin
 * of refresh/repository.ts's analytics_cur.
 */
export const snapshotsOfPeriod = (periodEnd: string) => sql`
  left join lateral (
    select s.as_of, s.licensed_users, s.active_users from usage_snapshots s
    where s.customer_id = e.customer_id and s.workload_code = e.workload_code and s.as_of <= ${periodEnd}::date
    order by s.as_of desc, (s.source = 'graph_csv') desc, s.source desc limit 1
  ) l on true
  left join lateral (
    select s.as_of, s.licensed_users, s.active_users from usage_snapshots s
    where s.customer_id = e.customer_id and s.workload_code = e.workload_code and s.as_of < date_trunc('month', l.as_of)
    order by s.as_of desc, (s.source = 'graph_csv') desc, s.source desc limit 1
  ) p on l.as_of is not null`

/**
 * A snapshot as a text array that compares (max) in snapshotsOfPeriod's order: the date (ISO text sorts
 * as dates), graph_csv ('true' > 'false'), the source; then licensed and active users.
 */
const rankedSnapshot = sql`array[s.as_of::text, (s.source = 'graph_csv')::text, s.source, s.licensed_users::text, s.active_users::text]`

/**
 * snapshotsOfPeriod's two snapshots when both lie in the period's month and the one before (every
 * customer × workload of a monthly feed), read by one index range scan and two max() instead of two
 * lateral probes that each sort their date's rows (on PGlite those probes were most of a large partner's
 * MBR pack). Joins `r` with `complete`, `as_of`, `licensed`, `active`, `previous_licensed` and
 * `previous_active`; when `complete` is false (no snapshot in the month, or none in the month before but
 * some earlier), the values are unset and snapshotsOfPeriod must answer for that row. Same as
 * snapshotsOfPeriod when complete: the newest snapshot up to the end is the month's newest when the month
 * has one, and the newest of an earlier month is the previous month's newest when that month has one
 * (none when no snapshot is older: a customer × workload's first month).
 */
export const recentSnapshotsOfPeriod = (periodEnd: string) => {
  const month = monthStart(periodEnd)
  return sql`
  left join lateral (
    select max(${rankedSnapshot}) filter (where s.as_of >= ${month}::date) as l,
           max(${rankedSnapshot}) filter (where s.as_of < ${month}::date) as p
    from usage_snapshots s
    where s.customer_id = e.customer_id and s.workload_code = e.workload_code
      and s.as_of >= ${addMonths(month, -1)}::date and s.as_of <= ${periodEnd}::date
  ) rs on true
  cross join lateral (
    select case when rs.l is null then false when rs.p is not null then true
                else not exists (select from usage_snapshots s
                                 where s.customer_id = e.customer_id and s.workload_code = e.workload_code
                                   and s.as_of < ${addMonths(month, -1)}::date) end as complete,
           rs.l[1] as as_of, rs.l[4]::int as licensed,
           rs.l[5]::int as active, rs.p[4]::int as previous_licensed, rs.p[5]::int as previous_active
  ) r`
}

export function healthRepository(db: Db) {
  return {
    async history(subject: 'customer' | 'partner', id: number) {
      return execRows<{ period: string; score: number; band: HealthBand }>(
        db,
        sql`select period::text as period, score::float8 as score, band from ${table[subject]}
            where ${key[subject]} = ${id} order by period`,
      )
    },
    async score(
      subject: 'customer' | 'partner',
      id: number,
      period: string | null,
    ): Promise<StoredScore | null> {
      const rows = await execRows<StoredScore & { computedAt: Date | string }>(
        db,
        sql`select period::text as period, score::float8 as score, band, inputs, settings_from::text as "settingsFrom",
                   computed_at as "computedAt"
            from ${table[subject]} where ${key[subject]} = ${id}
            ${period ? sql`and period = ${period}::date` : sql``}
            order by period desc limit 1`,
      )
      const r = rows[0]
      return r ? { ...r, computedAt: new Date(r.computedAt).toISOString() } : null
    },
    async customerRows(customerId: number, periodEnd: string, partnerScope: SQL) {
      return execRows<HealthRow>(
        db,
        rowsSql(
          periodEnd,
          sql`c.id = ${customerId} and ${partnerScope}`,
          sql`e.workload_code, partners.name`,
          500,
        ),
      )
    },
    /**
     * A partner's `limit` engagements whose customers score lowest (as rowsSql orders them) and the count of
     * all. Its customers are ranked first (one index probe each for the score), and only the engagements of
     * the customers needed to fill the page are read: a partner of 15,000 engagements reads a few dozen.
     */
    async partnerRows(partnerId: number, periodEnd: string, limit: number) {
      const rows = await execRows<HealthRow & { rowsTotal: number }>(
        db,
        sql`
        with pe as materialized (
          select id, customer_id, workload_code, intent_status, phase from engagements
          where partner_id = ${partnerId} and archived_at is null
        ),
        pc as materialized (
          select pc.customer_id, pc.n, c.name, ch.score,
                 -- Engagements of the customers ranked strictly before (ties of score and name count together).
                 sum(pc.n) over (order by ch.score asc nulls first, c.name)
                   - sum(pc.n) over (partition by ch.score, c.name) as before
          from (select customer_id, count(*)::int as n from pe group by customer_id) pc
          -- One index probe per customer (offset 0 keeps them probes, not hash joins over every customer).
          join lateral (select c.name from customers c where c.id = pc.customer_id and c.archived_at is null offset 0) c on true
          left join lateral (
            select ch.score from customer_health ch
            where ch.customer_id = pc.customer_id and ch.period = date_trunc('month', ${periodEnd}::date)::date offset 0
          ) ch on true
        )
        ${rowsSelect}, (select coalesce(sum(n), 0) from pc)::int as "rowsTotal"
        from (
          select e.id, e.customer_id, pc.name as customer_name, partners.id as partner_id, partners.name as partner_name,
                 e.workload_code, e.intent_status, e.phase,
                 row_number() over (order by pc.score asc nulls first, pc.name, e.workload_code) as ord
          from pc
          join pe e on e.customer_id = pc.customer_id
          join partners on partners.id = ${partnerId} and partners.archived_at is null
          where pc.before < ${limit}
          order by pc.score asc nulls first, pc.name, e.workload_code
          limit ${limit}
        ) e
        ${snapshotsOfPeriod(periodEnd)}
        order by e.ord`,
      )
      // The count rides on the rows; without rows (an archived partner) it is counted on its own.
      const total =
        rows[0]?.rowsTotal ??
        (
          await execRows<{ total: number }>(
            db,
            sql`select count(*)::int as total from engagements e join customers c on c.id = e.customer_id and c.archived_at is null
                where e.partner_id = ${partnerId} and e.archived_at is null`,
          )
        )[0]!.total
      return { rows: rows.map(({ rowsTotal, ...r }) => r), total }
    },
    async customerEngagementCount(customerId: number) {
      const [{ total }] = await execRows<{ total: number }>(
        db,
        sql`select count(*)::int as total from engagements e join partners on partners.id = e.partner_id and partners.archived_at is null
            where e.customer_id = ${customerId} and e.archived_at is null`,
      )
      return total
    },
  }
}

/** The newest score and band of a customer or partner as columns of another query (lists, filters, sorting). */
export function latestHealth(subject: 'customer' | 'partner', id: SQLWrapper) {
  const newest = (col: SQL) =>
    sql`(select ${col} from ${table[subject]} h where h.${key[subject]} = ${id} order by h.period desc limit 1)`
  return {
    score: sql<number | null>`${newest(sql`h.score::float8`)}`,
    band: sql<HealthBand | null>`${newest(sql`h.band`)}`,
  }
}
