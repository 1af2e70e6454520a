import { type SQL, sql } from 'drizzle-orm'
import { type Db, execRows } from '#db/client'
import { touchpoints } from '#db/schema/index'
import type { TouchpointListQuery } from '#shared/contracts/touchpoints'

export type TouchpointRow = {
  id: number
  partnerId: number
  partnerName: string
  customerId: number | null
  customerName: string | null
  occurredOn: string
  kind: string
  summary: string
  notes: string | null
  loggedByName: string
  meetingOccurrenceRef: string | null
  createdAt: Date | string
}

export function touchpointsRepository(db: Db) {
  const select = sql`
    select t.id, t.partner_id as "partnerId", partners.name as "partnerName", t.customer_id as "customerId",
           c.name as "customerName", t.occurred_on::text as "occurredOn", t.kind, t.summary, t.notes,
           u.display_name as "loggedByName", t.meeting_occurrence_ref as "meetingOccurrenceRef",
           t.created_at as "createdAt"
    from touchpoints t
    join partners on partners.id = t.partner_id
    left join customers c on c.id = t.customer_id
    join users u on u.id = t.logged_by`

  return {
    /** Newest first; `scope` is a condition on `partners`. */
    async list(scope: SQL, q: TouchpointListQuery) {
      const conds: SQL[] = [scope]
      if (q.partnerId) conds.push(sql`t.partner_id = ${q.partnerId}`)
      if (q.customerId) conds.push(sql`t.customer_id = ${q.customerId}`)
      if (q.meetingRef) conds.push(sql`t.meeting_occurrence_ref = ${q.meetingRef}`)
      const where = sql.join(conds, sql` and `)
      const [items, [count]] = await Promise.all([
        execRows<TouchpointRow>(
          db,
          sql`${select} where ${where} order by t.occurred_on desc, t.id desc
              limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
        ),
        execRows<{ total: number }>(
          db,
          sql`select count(*)::int as total from touchpoints t join partners on partners.id = t.partner_id where ${where}`,
        ),
      ])
      return { items, total: count?.total ?? 0 }
    },

    async find(id: number) {
      const [row] = await execRows<TouchpointRow>(db, sql`${select} where t.id = ${id}`)
      return row!
    },

    async insert(values: typeof touchpoints.$inferInsert) {
      const [row] = await db.insert(touchpoints).values(values).returning({ id: touchpoints.id })
      return row!.id
    },

    /** Touchpoints per partner per month (months with none are left out), between two first-of-months. */
    monthly(scope: SQL, from: string, to: string, partnerId?: number) {
      return execRows<{ partnerId: number; partnerName: string; month: string; count: number }>(
        db,
        sql`select t.partner_id as "partnerId", partners.name as "partnerName",
                   date_trunc('month', t.occurred_on)::date::text as month, count(*)::int as count
            from touchpoints t join partners on partners.id = t.partner_id
            where ${scope} and t.occurred_on >= ${from}::date
              and t.occurred_on < (${to}::date + interval '1 month')
              ${partnerId ? sql`and t.partner_id = ${partnerId}` : sql``}
            group by 1, 2, 3 order by 2, 3`,
      )
    },
  }
}
