import { eq, type SQL, sql } from 'drizzle-orm'
import { type Db, execRows } from '#db/client'
import { spotlights } from '#db/schema/index'
import { registerConditions } from '#server/modules/insights/repository'
import type { SpotlightFilters } from '#shared/contracts/insights'

export type SpotlightRow = {
  id: number
  partnerId: number
  partnerName: string
  customerId: number | null
  customerName: string | null
  workloadCodes: string[]
  title: string
  situation: string
  actions: string
  outcome: string
  status: string
  createdByName: string
  submittedAt: Date | string | null
  decidedByName: string | null
  decidedAt: Date | string | null
  decisionNote: string | null
  createdAt: Date | string
  updatedAt: Date | string
}

export function spotlightsRepository(db: Db) {
  const select = sql`
    select s.id, s.partner_id as "partnerId", partners.name as "partnerName", s.customer_id as "customerId",
           c.name as "customerName", s.workload_codes as "workloadCodes", s.title, s.situation, s.actions, s.outcome,
           s.status, u.display_name as "createdByName", s.submitted_at as "submittedAt",
           d.display_name as "decidedByName", s.decided_at as "decidedAt", s.decision_note as "decisionNote",
           s.created_at as "createdAt", s.updated_at as "updatedAt"
    from spotlights s
    join partners on partners.id = s.partner_id
    left join customers c on c.id = s.customer_id
    join users u on u.id = s.created_by
    left join users d on d.id = s.decided_by`

  const where = (scope: SQL, f: SpotlightFilters) => {
    const conds = [scope, ...registerConditions(sql`s`, f)]
    if (f.workloadCode) conds.push(sql`${f.workloadCode} = any(s.workload_codes)`)
    if (f.status) conds.push(sql`s.status = ${f.status}`)
    return sql.join(conds, sql` and `)
  }

  return {
    async list(scope: SQL, f: SpotlightFilters, page?: { page: number; pageSize: number }) {
      const w = where(scope, f)
      const limit = page ? sql`limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}` : sql``
      const [items, [count]] = await Promise.all([
        execRows<SpotlightRow>(
          db,
          sql`${select} where ${w} order by coalesce(s.submitted_at, s.created_at) desc, s.id desc ${limit}`,
        ),
        execRows<{ total: number }>(
          db,
          sql`select count(*)::int as total from spotlights s join partners on partners.id = s.partner_id where ${w}`,
        ),
      ])
      return { items, total: count?.total ?? 0 }
    },

    async find(scope: SQL, id: number) {
      const [row] = await execRows<SpotlightRow>(db, sql`${select} where s.id = ${id} and ${scope}`)
      return row
    },

    async insert(values: typeof spotlights.$inferInsert) {
      const [row] = await db.insert(spotlights).values(values).returning({ id: spotlights.id })
      return row!.id
    },

    async update(id: number, values: Partial<typeof spotlights.$inferInsert>) {
      await db
        .update(spotlights)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(spotlights.id, id))
    },
  }
}
