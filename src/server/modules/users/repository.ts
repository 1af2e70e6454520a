import { and, asc, eq, type SQL } from 'drizzle-orm'
import type { Db } from '#db/client'
import { regions, users } from '#db/schema/index'

const userColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  regionId: users.regionId,
  regionName: regions.name,
  active: users.active,
}

export function usersRepository(db: Db) {
  return {
    list(where?: SQL) {
      return db
        .select(userColumns)
        .from(users)
        .leftJoin(regions, eq(regions.id, users.regionId))
        .where(where)
        .orderBy(asc(users.displayName))
    },
    async find(id: number, where?: SQL) {
      const [row] = await db
        .select(userColumns)
        .from(users)
        .leftJoin(regions, eq(regions.id, users.regionId))
        .where(where ? and(eq(users.id, id), where) : eq(users.id, id))
      return row
    },
    async emailTaken(email: string) {
      const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email))
      return row !== undefined
    },
    async insert(values: typeof users.$inferInsert) {
      const [row] = await db.insert(users).values(values).returning({ id: users.id })
      return row
    },
    async update(id: number, values: Partial<typeof users.$inferInsert>) {
      await db.update(users).set(values).where(eq(users.id, id))
    },
    async regionExists(id: number) {
      const [row] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, id))
      return row !== undefined
    },
    listRegions() {
      return db.select().from(regions).orderBy(asc(regions.name))
    },
  }
}
