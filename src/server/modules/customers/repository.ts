import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm'
import { type Db, execRows } from '#db/client'
import { customers, engagements, partners, usageSnapshots } from '#db/schema/index'
import { latestHealth } from '#server/modules/analytics/health/repository'
import { escapeLike } from '#server/modules/partners/repository'
import type { CustomerListQuery } from '#shared/contracts/customers'

/**
 * Latest usage of a customer summed over its workloads: for each workload the newest snapshot
 * (graph_csv wins over portfolio on the same date, as it is measured, not reported).
 */
const latestTotals = sql`lateral (
  select sum(l.licensed_users)::int as licensed, sum(l.active_users)::int as active
  from (
    select distinct on (s.workload_code) s.licensed_users, s.active_users
    from ${usageSnapshots} s
    where s.customer_id = ${customers.id}
    order by s.workload_code, s.as_of desc, (s.source = 'graph_csv') desc
  ) l
) t`

const activePct = sql<
  number | null
>`case when t.licensed > 0 then round(t.active * 100.0 / t.licensed, 1)::float8 end`

const health = latestHealth('customer', customers.id)

const sortColumns = {
  name: sql`lower(${customers.name})`,
  tpid: customers.tpid,
  seats: customers.seats,
  activePct,
  health: health.score,
  updatedAt: customers.updatedAt,
} as const

/** Customers whose primary partner, or a partner engaged on them, is in `partnerIds` (a list or subquery). */
const ofPartners = (partnerIds: SQL) =>
  sql`(${customers.primaryPartnerId} in ${partnerIds} or exists (select 1 from ${engagements} e where e.customer_id = ${customers.id} and e.partner_id in ${partnerIds}))`

export function customersRepository(db: Db) {
  return {
    /** `eligibleMinSeats` is used by the eligibility filter only (the settings in force). */
    async list(scope: SQL, engagementScope: SQL, f: CustomerListQuery, eligibleMinSeats: number) {
      const conds: (SQL | undefined)[] = [
        scope,
        f.archived ? isNotNull(customers.archivedAt) : isNull(customers.archivedAt),
        f.q
          ? or(ilike(customers.name, `%${escapeLike(f.q)}%`), ilike(customers.tpid, `%${escapeLike(f.q)}%`))
          : undefined,
        f.partnerId ? ofPartners(sql`(${f.partnerId})`) : undefined,
        f.regionId
          ? ofPartners(
              sql`(select ${partners.id} from ${partners} where ${partners.regionId} = ${f.regionId})`,
            )
          : undefined,
        f.fpmUserId
          ? ofPartners(
              sql`(select ${partners.id} from ${partners} where ${partners.fpmUserId} = ${f.fpmUserId})`,
            )
          : undefined,
        f.workload
          ? sql`exists (select 1 from ${engagements} e where e.customer_id = ${customers.id} and e.workload_code = ${f.workload} and e.archived_at is null)`
          : undefined,
        f.phase
          ? sql`exists (select 1 from ${engagements} e where e.customer_id = ${customers.id} and e.phase = ${f.phase} and e.archived_at is null ${f.workload ? sql`and e.workload_code = ${f.workload}` : sql``})`
          : undefined,
        f.band ? sql`${health.band} = ${f.band}` : undefined,
        f.eligible === undefined
          ? undefined
          : f.eligible
            ? sql`coalesce(${customers.seats}, 0) >= ${eligibleMinSeats}`
            : sql`coalesce(${customers.seats}, 0) < ${eligibleMinSeats}`,
      ]
      const where = and(...conds)
      const dir = f.order === 'desc' ? desc : asc
      const sortKey = sortColumns[f.sort]
      const [items, [{ total }]] = await Promise.all([
        db
          .select({
            id: customers.id,
            tpid: customers.tpid,
            name: customers.name,
            country: customers.country,
            seats: customers.seats,
            primaryPartnerId: customers.primaryPartnerId,
            primaryPartnerName: partners.name,
            surveyContactEmail: customers.surveyContactEmail,
            lastSuccessReviewOn: customers.lastSuccessReviewOn,
            workloads: sql<number>`(select count(*)::int from ${engagements} e where e.customer_id = ${customers.id} and e.archived_at is null and ${engagementScope})`,
            licensedUsers: sql<number | null>`t.licensed`,
            activeUsers: sql<number | null>`t.active`,
            activePct,
            healthScore: health.score,
            healthBand: health.band,
            archivedAt: customers.archivedAt,
            updatedAt: customers.updatedAt,
          })
          .from(customers)
          .leftJoin(partners, eq(partners.id, customers.primaryPartnerId))
          .leftJoin(latestTotals, sql`true`)
          .where(where)
          .orderBy(sql`${dir(sortKey)} nulls last`, asc(customers.id))
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize),
        db.select({ total: count() }).from(customers).where(where),
      ])
      return { items, total, page: f.page, pageSize: f.pageSize }
    },

    async find(scope: SQL, id: number) {
      const page = await this.list(
        and(scope, eq(customers.id, id))!,
        sql`true`,
        {
          page: 1,
          pageSize: 1,
          sort: 'name',
          order: 'asc',
          archived: undefined,
        },
        0,
      )
      if (page.items.length) return page.items[0]
      // archived customers are still reachable by id
      const archived = await this.list(
        and(scope, eq(customers.id, id))!,
        sql`true`,
        {
          page: 1,
          pageSize: 1,
          sort: 'name',
          order: 'asc',
          archived: true,
        },
        0,
      )
      return archived.items[0]
    },

    /** The customer's engagements whose partner satisfies `partnerScope`, with their usage series. */
    async engagements(partnerScope: SQL, customerId: number) {
      const rows = await db
        .select({
          id: engagements.id,
          customerId: engagements.customerId,
          partnerId: engagements.partnerId,
          partnerName: partners.name,
          workloadCode: engagements.workloadCode,
          intentStatus: engagements.intentStatus,
          phase: engagements.phase,
          claimed: engagements.claimed,
          archivedAt: engagements.archivedAt,
        })
        .from(engagements)
        .innerJoin(partners, eq(partners.id, engagements.partnerId))
        .where(and(eq(engagements.customerId, customerId), partnerScope))
        .orderBy(asc(engagements.workloadCode), asc(partners.name))
      const usage = await execRows<{
        workload_code: string
        as_of: string
        licensed_users: number
        active_users: number
        source: string
      }>(
        db,
        sql`
        select distinct on (workload_code, as_of) workload_code, as_of::text as as_of, licensed_users, active_users, source
        from ${usageSnapshots} where customer_id = ${customerId}
        order by workload_code, as_of, (source = 'graph_csv') desc`,
      )
      return { rows, usage }
    },

    async exists(scope: SQL, id: number) {
      const [row] = await db
        .select({ id: customers.id })
        .from(customers)
        .where(and(scope, eq(customers.id, id)))
      return row !== undefined
    },
    async tpidTaken(tpid: string, exceptId?: number) {
      const [row] = await db.select({ id: customers.id }).from(customers).where(eq(customers.tpid, tpid))
      return row !== undefined && row.id !== exceptId
    },
    async insert(values: typeof customers.$inferInsert) {
      const [row] = await db.insert(customers).values(values).returning({ id: customers.id })
      return row.id
    },
    async update(id: number, values: Partial<typeof customers.$inferInsert>) {
      await db
        .update(customers)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(customers.id, id))
    },
    async findEngagement(partnerScope: SQL, id: number) {
      const [row] = await db
        .select({ e: engagements })
        .from(engagements)
        .innerJoin(partners, eq(partners.id, engagements.partnerId))
        .where(and(eq(engagements.id, id), partnerScope))
      return row?.e
    },
    async engagementExists(partnerId: number, customerId: number, workloadCode: string) {
      const [row] = await db
        .select({ id: engagements.id })
        .from(engagements)
        .where(
          and(
            eq(engagements.partnerId, partnerId),
            eq(engagements.customerId, customerId),
            eq(engagements.workloadCode, workloadCode),
          ),
        )
      return row !== undefined
    },
    async insertEngagement(values: typeof engagements.$inferInsert) {
      const [row] = await db.insert(engagements).values(values).returning({ id: engagements.id })
      return row.id
    },
    async updateEngagement(id: number, values: Partial<typeof engagements.$inferInsert>) {
      await db
        .update(engagements)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(engagements.id, id))
    },
  }
}
