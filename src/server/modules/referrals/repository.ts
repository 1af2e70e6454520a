import { eq, type SQL, sql } from 'drizzle-orm'
import { type Db, execRows } from '#db/client'
import { referrals } from '#db/schema/index'
import { type ProgramFilters, programFilters } from '#server/modules/access/program-scope'

export type ReferralRow = {
  id: number
  partnerId: number
  partnerName: string
  customerId: number | null
  customerTpid: string | null
  customerName: string
  workloadCodes: string[]
  receivedAt: Date | string
  status: string
  respondedAt: Date | string | null
  note: string | null
  recordedByName: string
}

export type ReferralFilters = { partnerId?: number; status?: string; unanswered?: boolean }
export type ReferralTotalsFilters = ProgramFilters

const ts = (s: string) => sql`${s}::timestamptz`
/**
 * SQL of domain/referrals.ts `unansweredAsOf`: the answer window ended by `asOf` and the partner had not
 * accepted or declined before it.
 */
const unansweredSql = (asOf: SQL, days: number) =>
  sql`(r.received_at + make_interval(days => ${days}::int) <= ${asOf}
       and not (r.status in ('accepted', 'declined') and r.responded_at < ${asOf}))`

export function referralsRepository(db: Db) {
  const select = sql`
    select r.id, r.partner_id as "partnerId", partners.name as "partnerName", r.customer_id as "customerId",
           coalesce(c.tpid, r.customer_tpid) as "customerTpid", coalesce(c.name, r.customer_name) as "customerName",
           r.workload_codes as "workloadCodes", r.received_at as "receivedAt", r.status,
           r.responded_at as "respondedAt", r.note, u.display_name as "recordedByName"
    from referrals r
    join partners on partners.id = r.partner_id
    left join customers c on c.id = r.customer_id
    join users u on u.id = r.recorded_by`

  return {
    /** Newest first; `scope` is a condition on `partners`; unanswered as of now with the window in force. */
    async list(scope: SQL, f: ReferralFilters, days: number, page: { page: number; pageSize: number }) {
      const conds: SQL[] = [scope]
      if (f.partnerId) conds.push(sql`r.partner_id = ${f.partnerId}`)
      if (f.status) conds.push(sql`r.status = ${f.status}`)
      if (f.unanswered) conds.push(unansweredSql(sql`now()`, days))
      const w = sql.join(conds, sql` and `)
      const [items, [count]] = await Promise.all([
        execRows<ReferralRow>(
          db,
          sql`${select} where ${w} order by r.received_at desc, r.id desc
              limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`,
        ),
        execRows<{ total: number; unanswered: number }>(
          db,
          sql`select count(*)::int as total, (count(*) filter (where ${unansweredSql(sql`now()`, days)}))::int as unanswered
              from referrals r join partners on partners.id = r.partner_id where ${w}`,
        ),
      ])
      return { items, total: count?.total ?? 0, unanswered: count?.unanswered ?? 0 }
    },

    async find(scope: SQL, id: number) {
      const [row] = await execRows<ReferralRow>(db, sql`${select} where r.id = ${id} and ${scope}`)
      return row
    },

    async insert(values: typeof referrals.$inferInsert) {
      const [row] = await db.insert(referrals).values(values).returning({ id: referrals.id })
      return row!.id
    },

    async update(id: number, values: Partial<typeof referrals.$inferInsert>) {
      await db
        .update(referrals)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(referrals.id, id))
    },

    /**
     * Per live partner in scope, one query: referrals received in [from, to), those the partner answered
     * (accepted or declined) before `to`, and those unanswered as of `to` (window of `days`).
     */
    totalsByPartner(scope: SQL, f: ReferralTotalsFilters, from: string, to: string, days: number) {
      const conds: SQL[] = [scope, programFilters(f)]
      const end = ts(to)
      return execRows<{
        partnerId: number
        fpmUserId: number | null
        regionId: number
        received: number
        answered: number
        unanswered: number
      }>(
        db,
        sql`select partners.id as "partnerId", partners.fpm_user_id as "fpmUserId", partners.region_id as "regionId",
                   coalesce(x.received, 0)::int as received, coalesce(x.answered, 0)::int as answered,
                   coalesce(x.unanswered, 0)::int as unanswered
            from partners
            left join (select r.partner_id, count(*) as received,
                              count(*) filter (where r.status in ('accepted', 'declined') and r.responded_at < ${end}) as answered,
                              count(*) filter (where ${unansweredSql(end, days)}) as unanswered
                       from referrals r
                       where r.received_at >= ${ts(from)} and r.received_at < ${end}
                       group by 1) x on x.partner_id = partners.id
            where ${sql.join(conds, sql` and `)}
            order by partners.id`,
      )
    },
  }
}
