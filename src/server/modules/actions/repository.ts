import { and, asc, eq, type SQL, sql } from 'drizzle-orm'
import type { Db } from '#db/client'
import {
  actionItems,
  customers,
  meetingOccurrences,
  meetingSeries,
  partners,
  stakeholders,
  users,
} from '#db/schema/index'

export type ActionRow = Awaited<ReturnType<ReturnType<typeof actionsRepository>['list']>>[number]

export function actionsRepository(db: Db) {
  return {
    /** Action items whose partner satisfies `scope`, with optional conditions; due first, undated last. */
    list(scope: SQL, where?: SQL) {
      return db
        .select({
          a: actionItems,
          partnerName: partners.name,
          customerName: customers.name,
          ownerName: sql<string>`coalesce(${users.displayName}, ${stakeholders.name})`,
          meetingSeriesId: meetingOccurrences.seriesId,
          meetingOriginalStart: meetingOccurrences.originalStart,
          meetingTitle: meetingSeries.title,
        })
        .from(actionItems)
        .innerJoin(partners, eq(partners.id, actionItems.partnerId))
        .leftJoin(customers, eq(customers.id, actionItems.customerId))
        .leftJoin(users, eq(users.id, actionItems.ownerUserId))
        .leftJoin(stakeholders, eq(stakeholders.id, actionItems.ownerStakeholderId))
        .leftJoin(meetingOccurrences, eq(meetingOccurrences.id, actionItems.occurrenceId))
        .leftJoin(meetingSeries, eq(meetingSeries.id, meetingOccurrences.seriesId))
        .where(and(scope, where))
        .orderBy(sql`${actionItems.dueOn} asc nulls last`, asc(actionItems.id))
        .limit(500)
    },
    async find(scope: SQL, id: number) {
      const [row] = await db
        .select({ a: actionItems })
        .from(actionItems)
        .innerJoin(partners, eq(partners.id, actionItems.partnerId))
        .where(and(scope, eq(actionItems.id, id)))
      return row?.a
    },
    async insert(values: typeof actionItems.$inferInsert) {
      const [row] = await db.insert(actionItems).values(values).returning({ id: actionItems.id })
      return row!.id
    },
    async update(id: number, values: Partial<typeof actionItems.$inferInsert>) {
      await db
        .update(actionItems)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(actionItems.id, id))
    },
    async stakeholderOf(partnerId: number, id: number) {
      const [row] = await db
        .select({ id: stakeholders.id })
        .from(stakeholders)
        .where(and(eq(stakeholders.id, id), eq(stakeholders.partnerId, partnerId)))
      return row !== undefined
    },
    async activeUser(id: number) {
      const [row] = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, id), eq(users.active, true)))
      return row !== undefined
    },
    async customerVisibleTo(customerScope: SQL, id: number) {
      const [row] = await db
        .select({ id: customers.id })
        .from(customers)
        .where(and(customerScope, eq(customers.id, id)))
      return row !== undefined
    },
  }
}
