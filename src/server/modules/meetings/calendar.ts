import { createHash, randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { Database } from '#db/client'
import { calendarFeeds, meetingSeries, users } from '#db/schema/index'
import type { Actor } from '#server/modules/access/actor'
import { partnerVisible } from '#server/modules/access/scope'
import { AppError } from '#shared/errors'
import { type FeedSeries, feedCalendar, meetingCalendar } from './ics'
import { meetingsRepository } from './repository'

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url')

/**
 * Each user's secret calendar feed: a random token shown once, only its SHA-256 stored; a new one
 * replaces (revokes) the old. The feed holds the series the user owns or attends, in their current scope.
 */
export function calendarService(database: Database) {
  const { db } = database
  const repo = meetingsRepository(db)

  async function seriesFor(actor: Actor): Promise<FeedSeries[]> {
    const series = await repo.listSeries(partnerVisible(actor), repo.attendedBy(actor.id))
    const ids = series.map((s) => s.id)
    const [attendees, stored] = await Promise.all([repo.attendees(ids), repo.storedOccurrences(ids)])
    return series.map((s) => ({
      series: s,
      attendees: attendees.filter((a) => a.seriesId === s.id),
      stored: stored.filter((o) => o.seriesId === s.id),
    }))
  }

  async function actorByUser(where: ReturnType<typeof eq>): Promise<Actor | null> {
    const [u] = await db
      .select({ id: users.id, role: users.role, regionId: users.regionId, email: users.email })
      .from(users)
      .where(and(where, eq(users.active, true)))
    return u ?? null
  }

  return {
    async status(actor: Actor) {
      const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, actor.id))
      return { active: row !== undefined, createdAt: row?.createdAt.toISOString() ?? null }
    },
    /** A new secret feed path; the previous one stops working. */
    async regenerate(actor: Actor) {
      const token = randomBytes(32).toString('base64url')
      const createdAt = new Date()
      await db
        .insert(calendarFeeds)
        .values({ userId: actor.id, tokenHash: hashToken(token), createdAt })
        .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash: hashToken(token), createdAt } })
      return { path: `/api/calendar/${token}.ics`, createdAt: createdAt.toISOString() }
    },
    async revoke(actor: Actor) {
      await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, actor.id))
      return { ok: true as const }
    },
    /** The feed behind a token; unknown or revoked → 404 (no session needed). */
    async feedForToken(token: string) {
      const [row] = await db
        .select({ userId: calendarFeeds.userId })
        .from(calendarFeeds)
        .where(eq(calendarFeeds.tokenHash, hashToken(token)))
      const actor = row ? await actorByUser(eq(users.id, row.userId)) : null
      if (!actor) throw AppError.notFound('Calendar')
      return feedCalendar(`Trellis — ${actor.email}`, await seriesFor(actor))
    },
    /** The same feed for a user by e-mail (the CLI). */
    async feedForEmail(email: string) {
      const actor = await actorByUser(eq(users.email, email.toLowerCase()))
      if (!actor) throw AppError.notFound('User')
      return feedCalendar(`Trellis — ${actor.email}`, await seriesFor(actor))
    },
    /** One occurrence as an .ics file. */
    async meetingFile(
      actor: Actor,
      seriesId: number,
      occurrence: { start: string; end: string; status: string },
    ) {
      const series = await repo.listSeries(partnerVisible(actor), eq(meetingSeries.id, seriesId))
      const s = series[0]
      if (!s) throw AppError.notFound('Meeting series')
      const attendees = await repo.attendees([s.id])
      return meetingCalendar(
        { series: s, attendees, stored: [] },
        occurrence.start,
        occurrence.end,
        occurrence.status,
      )
    },
  }
}
