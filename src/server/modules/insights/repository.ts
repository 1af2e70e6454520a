import { eq, type SQL, sql } from 'drizzle-orm'
import { type Db, execRows } from '#db/client'
import { insightPlusOnes, insights } from '#db/schema/index'
import type { InsightFilters } from '#shared/contracts/insights'

export type InsightRow = {
  id: number
  partnerId: number
  partnerName: string
  customerId: number | null
  customerName: string | null
  workloadCode: string | null
  type: string
  status: string
  title: string
  description: string
  submittedByName: string
  submittedAt: Date | string | null
  closedAt: Date | string | null
  createdAt: Date | string
  updatedAt: Date | string
  plusOnes: number
}

/** Conditions of the register filters shared by insights and spotlights; `alias` is the register's table. */
export function registerConditions(alias: SQL, f: Omit<InsightFilters, 'type' | 'status'>): SQL[] {
  const conds: SQL[] = []
  if (f.partnerId) conds.push(sql`${alias}.partner_id = ${f.partnerId}`)
  if (f.customerId) conds.push(sql`${alias}.customer_id = ${f.customerId}`)
  if (f.regionId) conds.push(sql`partners.region_id = ${f.regionId}`)
  if (f.fpmUserId) conds.push(sql`partners.fpm_user_id = ${f.fpmUserId}`)
  if (f.q) conds.push(sql`${alias}.title ilike ${`%${f.q.replace(/[\\%_]/g, '\\$&')}%`}`)
  if (f.from) conds.push(sql`${alias}.submitted_at >= ${`${f.from}T00:00:00Z`}::timestamptz`)
  if (f.to) conds.push(sql`${alias}.submitted_at < ${`${f.to}T00:00:00Z`}::timestamptz`)
  return conds
}

export function insightsRepository(db: Db) {
  const select = sql`
    select i.id, i.partner_id as "partnerId", partners.name as "partnerName", i.customer_id as "customerId",
           c.name as "customerName", i.workload_code as "workloadCode", i.type, i.status, i.title, i.description,
           u.display_name as "submittedByName", i.submitted_at as "submittedAt", i.closed_at as "closedAt",
           i.created_at as "createdAt", i.updated_at as "updatedAt",
           (select count(*)::int from insight_plus_ones p where p.insight_id = i.id) as "plusOnes"
    from insights i
    join partners on partners.id = i.partner_id
    left join customers c on c.id = i.customer_id
    join users u on u.id = i.submitted_by`

  const where = (scope: SQL, f: InsightFilters) => {
    const conds = [scope, ...registerConditions(sql`i`, f)]
    if (f.workloadCode) conds.push(sql`i.workload_code = ${f.workloadCode}`)
    if (f.type) conds.push(sql`i.type = ${f.type}`)
    if (f.status) conds.push(sql`i.status = ${f.status}`)
    return sql.join(conds, sql` and `)
  }
  const order = sql`order by coalesce(i.submitted_at, i.created_at) desc, i.id desc`

  return {
    /** Newest first; `scope` is a condition on `partners`. */
    async list(scope: SQL, f: InsightFilters, page?: { page: number; pageSize: number }) {
      const w = where(scope, f)
      const limit = page ? sql`limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}` : sql``
      const [items, [count]] = await Promise.all([
        execRows<InsightRow>(db, sql`${select} where ${w} ${order} ${limit}`),
        execRows<{ total: number }>(
          db,
          sql`select count(*)::int as total from insights i join partners on partners.id = i.partner_id where ${w}`,
        ),
      ])
      return { items, total: count?.total ?? 0 }
    },

    async find(scope: SQL, id: number) {
      const [row] = await execRows<InsightRow>(db, sql`${select} where i.id = ${id} and ${scope}`)
      return row
    },

    async insert(values: typeof insights.$inferInsert) {
      const [row] = await db.insert(insights).values(values).returning({ id: insights.id })
      return row!.id
    },

    async update(id: number, values: Partial<typeof insights.$inferInsert>) {
      await db
        .update(insights)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(insights.id, id))
    },

    /** One +1 per customer per insight (a unique constraint): false when that customer already has one. */
    async addPlusOne(values: typeof insightPlusOnes.$inferInsert) {
      const rows = await db
        .insert(insightPlusOnes)
        .values(values)
        .onConflictDoNothing({ target: [insightPlusOnes.insightId, insightPlusOnes.customerId] })
        .returning({ id: insightPlusOnes.id })
      return rows.length > 0
    },

    plusOnes(insightId: number) {
      return execRows<{
        id: number
        customerId: number
        customerName: string
        customerTpid: string
        addedByName: string
        note: string | null
        addedAt: Date | string
      }>(
        db,
        sql`select p.id, p.customer_id as "customerId", c.name as "customerName", c.tpid as "customerTpid",
                   u.display_name as "addedByName", p.note, p.added_at as "addedAt"
            from insight_plus_ones p join customers c on c.id = p.customer_id join users u on u.id = p.added_by
            where p.insight_id = ${insightId} order by p.added_at, p.id`,
      )
    },

    async customerVisibleTo(customerScope: SQL, id: number) {
      const rows = await execRows<{ id: number }>(
        db,
        sql`select customers.id from customers where customers.id = ${id} and customers.archived_at is null and ${customerScope}`,
      )
      return rows.length > 0
    },
  }
}
