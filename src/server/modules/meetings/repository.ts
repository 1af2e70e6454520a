import { and, asc, eq, gte, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm'
import type { Db } from '#db/client'
import {
  meetingAttendees,
  meetingOccurrences,
  meetingSeries,
  partnerSmes,
  partners,
  stakeholders,
  users,
} from '#db/schema/index'

export type SeriesRow = typeof meetingSeries.$inferSelect & {
  partnerName: string
  ownerName: string
  ownerEmail: string
}
export type OccurrenceRow = typeof meetingOccurrences.$inferSelect
export type AttendeeRow = {
  seriesId: number
  userId: number | null
  stakeholderId: number | null
  name: string
  email: string | null
  side: string | null
}

export function meetingsRepository(db: Db) {
  const seriesSelect = () =>
    db
      .select({
        s: meetingSeries,
        partnerName: partners.name,
        ownerName: users.displayName,
        ownerEmail: users.email,
      })
      .from(meetingSeries)
      .innerJoin(partners, eq(partners.id, meetingSeries.partnerId))
      .innerJoin(users, eq(users.id, meetingSeries.ownerUserId))
  const flat = (r: {
    s: typeof meetingSeries.$inferSelect
    partnerName: string
    ownerName: string
    ownerEmail: string
  }) =>
    ({ ...r.s, partnerName: r.partnerName, ownerName: r.ownerName, ownerEmail: r.ownerEmail }) as SeriesRow

  return {
    /** Series whose partner satisfies `scope`, with optional extra conditions. */
    async listSeries(scope: SQL, where?: SQL): Promise<SeriesRow[]> {
      const rows = await seriesSelect()
        .where(and(scope, where))
        .orderBy(asc(meetingSeries.title), asc(meetingSeries.id))
      return rows.map(flat)
    },
    async findSeries(scope: SQL, id: number): Promise<SeriesRow | undefined> {
      const [row] = await seriesSelect().where(and(scope, eq(meetingSeries.id, id)))
      return row && flat(row)
    },
    /** Series the user owns or attends (no portfolio scope: the calendar feed of the user). */
    attendedBy(userId: number): SQL {
      return or(
        eq(meetingSeries.ownerUserId, userId),
        sql`exists (select 1 from ${meetingAttendees} ma where ma.series_id = ${meetingSeries.id} and ma.user_id = ${userId})`,
      ) as SQL
    },
    async attendees(seriesIds: number[]): Promise<AttendeeRow[]> {
      if (seriesIds.length === 0) return []
      return db
        .select({
          seriesId: meetingAttendees.seriesId,
          userId: meetingAttendees.userId,
          stakeholderId: meetingAttendees.stakeholderId,
          name: sql<string>`coalesce(${users.displayName}, ${stakeholders.name})`,
          email: sql<string | null>`coalesce(${users.email}, ${stakeholders.email})`,
          side: stakeholders.side,
        })
        .from(meetingAttendees)
        .leftJoin(users, eq(users.id, meetingAttendees.userId))
        .leftJoin(stakeholders, eq(stakeholders.id, meetingAttendees.stakeholderId))
        .where(inArray(meetingAttendees.seriesId, seriesIds))
        .orderBy(asc(meetingAttendees.id))
    },
    async insertSeries(values: typeof meetingSeries.$inferInsert) {
      const [row] = await db.insert(meetingSeries).values(values).returning({ id: meetingSeries.id })
      return row!.id
    },
    async updateSeries(id: number, values: Partial<typeof meetingSeries.$inferInsert>) {
      await db
        .update(meetingSeries)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(meetingSeries.id, id))
    },
    async setAttendees(seriesId: number, userIds: number[], stakeholderIds: number[]) {
      await db.delete(meetingAttendees).where(eq(meetingAttendees.seriesId, seriesId))
      const rows = [
        ...userIds.map((userId) => ({ seriesId, userId })),
        ...stakeholderIds.map((stakeholderId) => ({ seriesId, stakeholderId })),
      ]
      if (rows.length) await db.insert(meetingAttendees).values(rows)
    },

    /** Stored occurrences of the series whose original or moved start lies in [from, to). */
    occurrencesIn(seriesIds: number[], from: Date, to: Date): Promise<OccurrenceRow[]> {
      if (seriesIds.length === 0) return Promise.resolve([])
      return db
        .select()
        .from(meetingOccurrences)
        .where(
          and(
            inArray(meetingOccurrences.seriesId, seriesIds),
            or(
              and(gte(meetingOccurrences.originalStart, from), lt(meetingOccurrences.originalStart, to)),
              and(gte(meetingOccurrences.movedStart, from), lt(meetingOccurrences.movedStart, to)),
            ),
          ),
        )
    },
    /** Every stored occurrence of the series (the calendar feed's overrides and exceptions). */
    storedOccurrences(seriesIds: number[]): Promise<OccurrenceRow[]> {
      if (seriesIds.length === 0) return Promise.resolve([])
      return db.select().from(meetingOccurrences).where(inArray(meetingOccurrences.seriesId, seriesIds))
    },
    async findOccurrence(seriesId: number, originalStart: Date): Promise<OccurrenceRow | undefined> {
      const [row] = await db
        .select()
        .from(meetingOccurrences)
        .where(
          and(eq(meetingOccurrences.seriesId, seriesId), eq(meetingOccurrences.originalStart, originalStart)),
        )
      return row
    },
    async upsertOccurrence(
      seriesId: number,
      originalStart: Date,
      values: Partial<typeof meetingOccurrences.$inferInsert>,
    ): Promise<OccurrenceRow> {
      const [row] = await db
        .insert(meetingOccurrences)
        .values({ ...values, seriesId, originalStart })
        .onConflictDoUpdate({
          target: [meetingOccurrences.seriesId, meetingOccurrences.originalStart],
          set: { ...values, updatedAt: new Date() },
        })
        .returning()
      return row!
    },
    /** Moves stored occurrences at or after `from` to another series (a new version of the rule). */
    async reassignOccurrences(fromSeriesId: number, toSeriesId: number, originalStarts: Date[]) {
      if (originalStarts.length === 0) return
      await db
        .update(meetingOccurrences)
        .set({ seriesId: toSeriesId, updatedAt: new Date() })
        .where(
          and(
            eq(meetingOccurrences.seriesId, fromSeriesId),
            inArray(meetingOccurrences.originalStart, originalStarts),
          ),
        )
    },
    /** The newest held occurrence of the series (and its versions) before an instant. */
    async lastHeldBefore(seriesIds: number[], before: Date) {
      const [row] = await db
        .select()
        .from(meetingOccurrences)
        .where(
          and(
            inArray(meetingOccurrences.seriesId, seriesIds),
            eq(meetingOccurrences.status, 'held'),
            lt(meetingOccurrences.originalStart, before),
          ),
        )
        .orderBy(sql`${meetingOccurrences.originalStart} desc`)
        .limit(1)
      return row
    },

    /** Users who may be invited to a partner's meetings: its FPM, its SMEs, the region's leads, admins. */
    candidateUsers(partnerId: number) {
      return db
        .select({ id: users.id, name: users.displayName, email: users.email })
        .from(users)
        .innerJoin(partners, eq(partners.id, partnerId))
        .where(
          and(
            eq(users.active, true),
            or(
              eq(users.id, partners.fpmUserId),
              eq(users.role, 'admin'),
              and(eq(users.role, 'lead'), eq(users.regionId, partners.regionId)),
              sql`exists (select 1 from ${partnerSmes} ps where ps.partner_id = ${partners.id} and ps.user_id = ${users.id})`,
            ),
          ),
        )
        .orderBy(asc(users.displayName))
    },
    activeStakeholders(partnerId: number) {
      return db
        .select()
        .from(stakeholders)
        .where(and(eq(stakeholders.partnerId, partnerId), isNull(stakeholders.archivedAt)))
        .orderBy(asc(stakeholders.side), asc(stakeholders.name))
    },
  }
}
