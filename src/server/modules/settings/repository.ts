import { asc, eq } from 'drizzle-orm'
import type { Db } from '#db/client'
import { programSettings, users } from '#db/schema/index'

export function settingsRepository(db: Db) {
  return {
    list() {
      return db
        .select({
          effectiveFrom: programSettings.effectiveFrom,
          values: programSettings.values,
          note: programSettings.note,
          updatedBy: users.email,
          updatedAt: programSettings.updatedAt,
        })
        .from(programSettings)
        .leftJoin(users, eq(users.id, programSettings.updatedBy))
        .orderBy(asc(programSettings.effectiveFrom))
    },
    async save(effectiveFrom: string, values: unknown, note: string | null, userId: number | null) {
      await db
        .insert(programSettings)
        .values({ effectiveFrom, values, note, updatedBy: userId })
        .onConflictDoUpdate({
          target: programSettings.effectiveFrom,
          set: { values, note, updatedBy: userId, updatedAt: new Date() },
        })
    },
  }
}
