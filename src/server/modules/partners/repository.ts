import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm'
import type { Db } from '#db/client'
import { customers, partnerEndorsements, partnerSmes, partners, regions, users } from '#db/schema/index'
import { latestHealth } from '#server/modules/analytics/health/repository'
import type { PartnerListQuery } from '#shared/contracts/partners'

type ListFilter = PartnerListQuery

const health = latestHealth('partner', partners.id)

const customerCount = sql<number>`(select count(*)::int from ${customers} c where c.primary_partner_id = ${partners.id} and c.archived_at is null)`

const summaryColumns = {
  id: partners.id,
  programId: partners.programId,
  name: partners.name,
  status: partners.status,
  program: partners.program,
  regionId: partners.regionId,
  regionName: regions.name,
  fpmUserId: partners.fpmUserId,
  fpmName: users.displayName,
  referralReady: partners.referralReady,
  customers: customerCount,
  healthScore: health.score,
  healthBand: health.band,
  archivedAt: partners.archivedAt,
  updatedAt: partners.updatedAt,
}

const sortColumns = {
  name: sql`lower(${partners.name})`,
  programId: partners.programId,
  status: partners.status,
  customers: customerCount,
  health: health.score,
  updatedAt: partners.updatedAt,
} as const

export function partnersRepository(db: Db) {
  const base = () =>
    db
      .select(summaryColumns)
      .from(partners)
      .leftJoin(regions, eq(regions.id, partners.regionId))
      .leftJoin(users, eq(users.id, partners.fpmUserId))

  return {
    async list(scope: SQL, f: ListFilter) {
      const conds: (SQL | undefined)[] = [
        scope,
        f.archived ? isNotNull(partners.archivedAt) : isNull(partners.archivedAt),
        f.status ? eq(partners.status, f.status) : undefined,
        f.regionId ? eq(partners.regionId, f.regionId) : undefined,
        f.fpmUserId ? eq(partners.fpmUserId, f.fpmUserId) : undefined,
        f.band ? sql`${health.band} = ${f.band}` : undefined,
        f.q
          ? or(
              ilike(partners.name, `%${escapeLike(f.q)}%`),
              ilike(partners.programId, `%${escapeLike(f.q)}%`),
            )
          : undefined,
      ]
      const where = and(...conds)
      const page = f.page ?? 1
      const pageSize = f.pageSize ?? 25
      const dir = f.order === 'desc' ? desc : asc
      const [items, [{ total }]] = await Promise.all([
        base()
          .where(where)
          .orderBy(sql`${dir(sortColumns[f.sort ?? 'name'])} nulls last`, asc(partners.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ total: count() }).from(partners).where(where),
      ])
      return { items, total, page, pageSize }
    },

    async find(scope: SQL, id: number) {
      const [row] = await base()
        .where(and(scope, eq(partners.id, id)))
        .limit(1)
      if (!row) return undefined
      const [endorsed, smes, extra] = await Promise.all([
        db
          .select({ code: partnerEndorsements.workloadCode })
          .from(partnerEndorsements)
          .where(eq(partnerEndorsements.partnerId, id)),
        db.select({ userId: partnerSmes.userId }).from(partnerSmes).where(eq(partnerSmes.partnerId, id)),
        db
          .select({
            hqCountry: partners.hqCountry,
            joinedOn: partners.joinedOn,
            website: partners.website,
            notes: partners.notes,
          })
          .from(partners)
          .where(eq(partners.id, id)),
      ])
      return {
        ...row,
        ...extra[0],
        endorsedWorkloads: endorsed.map((e) => e.code),
        smeUserIds: smes.map((s) => s.userId),
      }
    },

    async exists(scope: SQL, id: number) {
      const [row] = await db
        .select({ id: partners.id })
        .from(partners)
        .where(and(scope, eq(partners.id, id)))
      return row !== undefined
    },

    async programIdTaken(programId: string, exceptId?: number) {
      const [row] = await db
        .select({ id: partners.id })
        .from(partners)
        .where(eq(partners.programId, programId))
      return row !== undefined && row.id !== exceptId
    },

    async insert(values: typeof partners.$inferInsert) {
      const [row] = await db.insert(partners).values(values).returning({ id: partners.id })
      return row.id
    },

    async update(id: number, values: Partial<typeof partners.$inferInsert>) {
      await db
        .update(partners)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(partners.id, id))
    },

    async replaceEndorsements(id: number, codes: readonly string[]) {
      await db.delete(partnerEndorsements).where(eq(partnerEndorsements.partnerId, id))
      if (codes.length)
        await db
          .insert(partnerEndorsements)
          .values(codes.map((workloadCode) => ({ partnerId: id, workloadCode })))
    },

    async replaceSmes(id: number, userIds: readonly number[]) {
      await db.delete(partnerSmes).where(eq(partnerSmes.partnerId, id))
      if (userIds.length)
        await db.insert(partnerSmes).values(userIds.map((userId) => ({ partnerId: id, userId })))
    },

    async usersWithRole(ids: readonly number[], role: string) {
      if (!ids.length) return []
      return db
        .select({ id: users.id, regionId: users.regionId })
        .from(users)
        .where(and(eq(users.role, role as 'fpm'), sql`${users.id} in ${ids}`))
    },
  }
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`)
}
