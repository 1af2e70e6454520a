import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { type Db, execRows } from '#db/client'
import { offboardingEvents, offboardingRecommendations, partners, users } from '#db/schema/index'
import type { UsageMonth } from '#shared/domain/offboarding'

const idsOf = (scope: SQL) => sql`(select partners.id from partners where ${scope})`

export type RecommendationRow = typeof offboardingRecommendations.$inferSelect & {
  partnerName: string
  partnerRegionId: number | null
  proposedByName: string
}

/** Offboarding: the partners' monthly usage and the recommendations with their events. Queries only. */
export function offboardingRepository(db: Db) {
  const recommendationBase = () =>
    db
      .select({
        rec: offboardingRecommendations,
        partnerName: partners.name,
        partnerRegionId: partners.regionId,
        proposedByName: users.displayName,
      })
      .from(offboardingRecommendations)
      .innerJoin(partners, eq(partners.id, offboardingRecommendations.partnerId))
      .innerJoin(users, eq(users.id, offboardingRecommendations.proposedBy))
  const flatten = (r: {
    rec: typeof offboardingRecommendations.$inferSelect
    partnerName: string
    partnerRegionId: number | null
    proposedByName: string
  }): RecommendationRow => ({
    ...r.rec,
    partnerName: r.partnerName,
    partnerRegionId: r.partnerRegionId,
    proposedByName: r.proposedByName,
  })

  return {
    /**
     * Per partner of the scope and month, active and licensed users over its workloads, for the months from
     * `months` before the newest rollup month to it (partner_workload_monthly, decision 006).
     */
    usageByMonth(scope: SQL, months: number) {
      return execRows<UsageMonth & { partnerId: number }>(
        db,
        sql`select pwm.partner_id as "partnerId", to_char(pwm.period, 'YYYY-MM') as month,
                   sum(pwm.licensed)::float8 as licensed, sum(pwm.active)::float8 as active
            from partner_workload_monthly pwm
            where pwm.partner_id in ${idsOf(scope)}
              and pwm.period >= (select max(period) from partner_workload_monthly) - make_interval(months => ${months})
            group by pwm.partner_id, pwm.period`,
      )
    },

    /** Recommendations of the partners in scope, newest first. */
    async list(scope: SQL) {
      const rows = await recommendationBase()
        .where(sql`${offboardingRecommendations.partnerId} in ${idsOf(scope)}`)
        .orderBy(desc(offboardingRecommendations.proposedAt), desc(offboardingRecommendations.id))
      return rows.map(flatten)
    },

    async find(scope: SQL, id: number) {
      const [row] = await recommendationBase().where(
        and(
          eq(offboardingRecommendations.id, id),
          sql`${offboardingRecommendations.partnerId} in ${idsOf(scope)}`,
        ),
      )
      return row ? flatten(row) : null
    },

    events(ids: readonly number[]) {
      if (ids.length === 0) return Promise.resolve([])
      return db
        .select({
          recommendationId: offboardingEvents.recommendationId,
          fromStatus: offboardingEvents.fromStatus,
          toStatus: offboardingEvents.toStatus,
          comment: offboardingEvents.comment,
          userName: users.displayName,
          at: offboardingEvents.createdAt,
        })
        .from(offboardingEvents)
        .innerJoin(users, eq(users.id, offboardingEvents.userId))
        .where(inArray(offboardingEvents.recommendationId, [...ids]))
        .orderBy(offboardingEvents.createdAt, offboardingEvents.id)
    },

    async insert(values: typeof offboardingRecommendations.$inferInsert) {
      const [row] = await db.insert(offboardingRecommendations).values(values).returning()
      return row!
    },

    async setStatus(id: number, status: string, previousPartnerStatus?: string | null) {
      await db
        .update(offboardingRecommendations)
        .set({
          status,
          updatedAt: new Date(),
          ...(previousPartnerStatus !== undefined ? { previousPartnerStatus } : {}),
        })
        .where(eq(offboardingRecommendations.id, id))
    },

    async addEvent(values: typeof offboardingEvents.$inferInsert) {
      await db.insert(offboardingEvents).values(values)
    },

    async partnerStatus(id: number) {
      const [row] = await db.select({ status: partners.status }).from(partners).where(eq(partners.id, id))
      return row?.status ?? null
    },

    async setPartnerStatus(id: number, status: string) {
      await db.update(partners).set({ status, updatedAt: new Date() }).where(eq(partners.id, id))
    },
  }
}
