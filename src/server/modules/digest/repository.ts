import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '#db/client'
import { digestDeliveries, users } from '#db/schema/index'

export type DigestRecipient = {
  id: number
  email: string
  displayName: string
  role: (typeof users.$inferSelect)['role']
  regionId: number | null
  digestEnabled: boolean
}

/** Digest recipients, the per-user opt-out and the deliveries log (the once-a-day rule). */
export function digestRepository(db: Db) {
  return {
    /** Active users, by id; one of them when `email` is given. */
    recipients(email?: string): Promise<DigestRecipient[]> {
      return db
        .select({
          id: users.id,
          email: users.email,
          displayName: users.displayName,
          role: users.role,
          regionId: users.regionId,
          digestEnabled: users.digestEnabled,
        })
        .from(users)
        .where(and(eq(users.active, true), email ? eq(users.email, email) : undefined))
        .orderBy(users.id)
    },

    async enabled(userId: number): Promise<boolean> {
      const [u] = await db.select({ on: users.digestEnabled }).from(users).where(eq(users.id, userId))
      return u?.on ?? false
    },

    async setEnabled(userId: number, on: boolean) {
      await db.update(users).set({ digestEnabled: on }).where(eq(users.id, userId))
    },

    /** True when the user's digest of that day is sent or being sent (forced sends aside). */
    async taken(userId: number, localDate: string): Promise<boolean> {
      const rows = await db
        .select({ id: digestDeliveries.id })
        .from(digestDeliveries)
        .where(
          and(
            eq(digestDeliveries.userId, userId),
            eq(digestDeliveries.localDate, localDate),
            inArray(digestDeliveries.status, ['sending', 'sent']),
            eq(digestDeliveries.forced, false),
          ),
        )
        .limit(1)
      return rows.length > 0
    },

    /**
     * Claims the day: a `sending` row, or null when another run holds it (the partial unique index).
     * A forced claim always succeeds.
     */
    async claim(values: {
      userId: number
      localDate: string
      counts: Record<string, number>
      subject: string
      forced: boolean
    }): Promise<number | null> {
      const [row] = await db
        .insert(digestDeliveries)
        .values({ ...values, status: 'sending' })
        .onConflictDoNothing()
        .returning({ id: digestDeliveries.id })
      return row?.id ?? null
    },

    async finish(id: number, outcome: { messageId: string } | { error: string }, at: Date) {
      await db
        .update(digestDeliveries)
        .set(
          'messageId' in outcome
            ? { status: 'sent', messageId: outcome.messageId, sentAt: at }
            : { status: 'failed', error: outcome.error },
        )
        .where(eq(digestDeliveries.id, id))
    },

    deliveries(userId?: number) {
      return db
        .select()
        .from(digestDeliveries)
        .where(userId ? eq(digestDeliveries.userId, userId) : undefined)
        .orderBy(digestDeliveries.id)
    },
  }
}
