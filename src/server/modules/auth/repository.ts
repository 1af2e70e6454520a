import { and, count, eq, gt, lt } from 'drizzle-orm'
import type { Db } from '#db/client'
import { regions, sessions, users } from '#db/schema/index'

export function authRepository(db: Db) {
  return {
    async findUserByEmail(email: string) {
      const [row] = await db.select().from(users).where(eq(users.email, email))
      return row
    },
    async countUsers() {
      const [row] = await db.select({ n: count() }).from(users)
      return row.n
    },
    async insertSession(id: string, userId: number, expiresAt: Date) {
      await db.insert(sessions).values({ id, userId, expiresAt })
    },
    async findSessionUser(id: string, now: Date) {
      const [row] = await db
        .select({
          id: users.id,
          email: users.email,
          displayName: users.displayName,
          role: users.role,
          regionId: users.regionId,
          regionName: regions.name,
          active: users.active,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .leftJoin(regions, eq(regions.id, users.regionId))
        .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
      return row
    },
    async deleteSession(id: string) {
      await db.delete(sessions).where(eq(sessions.id, id))
    },
    async deleteExpiredSessions(now: Date) {
      await db.delete(sessions).where(lt(sessions.expiresAt, now))
    },
    async deleteUserSessions(userId: number) {
      await db.delete(sessions).where(eq(sessions.userId, userId))
    },
  }
}
export type AuthRepository = ReturnType<typeof authRepository>
