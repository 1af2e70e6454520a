import { and, asc, eq, type SQL } from 'drizzle-orm'
import type { Db } from '#db/client'
import { partners, stakeholders } from '#db/schema/index'

export function stakeholdersRepository(db: Db) {
  return {
    listForPartner(partnerId: number) {
      return db
        .select()
        .from(stakeholders)
        .where(eq(stakeholders.partnerId, partnerId))
        .orderBy(asc(stakeholders.side), asc(stakeholders.role), asc(stakeholders.name))
    },
    /** The stakeholder, if its partner satisfies `partnerScope`. */
    async find(partnerScope: SQL, id: number) {
      const [row] = await db
        .select({ s: stakeholders })
        .from(stakeholders)
        .innerJoin(partners, eq(partners.id, stakeholders.partnerId))
        .where(and(eq(stakeholders.id, id), partnerScope))
      return row?.s
    },
    async insert(values: typeof stakeholders.$inferInsert) {
      const [row] = await db.insert(stakeholders).values(values).returning()
      return row
    },
    async update(id: number, values: Partial<typeof stakeholders.$inferInsert>) {
      const [row] = await db
        .update(stakeholders)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(stakeholders.id, id))
        .returning()
      return row
    },
  }
}
