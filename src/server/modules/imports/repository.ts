import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import type { Db } from '#db/client'
import { customers, imports, partners, regions, usageSnapshots, users, workloads } from '#db/schema/index'

export type ImportRow = typeof imports.$inferSelect

/** Queries for import runs and for what an import needs to know up front. No rules here. */
export function importsRepository(db: Db) {
  return {
    async insert(values: typeof imports.$inferInsert): Promise<ImportRow> {
      const [row] = await db.insert(imports).values(values).returning()
      return row
    },

    async update(id: number, values: Partial<typeof imports.$inferInsert>): Promise<void> {
      await db.update(imports).set(values).where(eq(imports.id, id))
    },

    /** Marks every running import failed with `message` (kept with the rest of its result). */
    async failRunning(message: string): Promise<void> {
      await db
        .update(imports)
        .set({
          status: 'failed',
          finishedAt: new Date(),
          result: sql`jsonb_set(coalesce(${imports.result}, '{}'::jsonb), '{message}', to_jsonb(${message}::text))`,
        })
        .where(eq(imports.status, 'running'))
    },

    async find(id: number, scope?: SQL): Promise<ImportRow | undefined> {
      const [row] = await db
        .select()
        .from(imports)
        .where(scope ? and(eq(imports.id, id), scope) : eq(imports.id, id))
      return row
    },

    list(scope: SQL | undefined, limit: number): Promise<ImportRow[]> {
      return db.select().from(imports).where(scope).orderBy(desc(imports.id)).limit(limit)
    },

    /** Every partner by program id, with whether `editable` holds for it. */
    partnersWithAccess(editable: SQL) {
      return db
        .select({
          programId: partners.programId,
          id: partners.id,
          name: partners.name,
          editable: sql<boolean>`(${editable})`,
        })
        .from(partners)
    },

    regions() {
      return db.select({ id: regions.id, name: regions.name }).from(regions)
    },

    partnerManagers() {
      return db
        .select({ id: users.id, email: users.email, regionId: users.regionId })
        .from(users)
        .where(and(eq(users.role, 'fpm'), eq(users.active, true)))
    },

    /** The customer with this TPID when `editable` (a condition on customers) holds for it. */
    async findCustomer(tpid: string, editable: SQL) {
      const [row] = await db
        .select({ id: customers.id, tpid: customers.tpid, name: customers.name })
        .from(customers)
        .where(and(eq(customers.tpid, tpid), editable))
      return row
    },

    /**
     * Upserts a customer's usage snapshots of one date and source; a snapshot with the same numbers is
     * left alone. Returns how many were added or changed.
     */
    async upsertSnapshots(
      rows: {
        customerId: number
        workloadCode: string
        asOf: string
        licensedUsers: number
        activeUsers: number
        source: string
        importId: number | null
      }[],
    ): Promise<number> {
      if (!rows.length) return 0
      const written = await db
        .insert(usageSnapshots)
        .values(rows)
        .onConflictDoUpdate({
          target: [
            usageSnapshots.customerId,
            usageSnapshots.workloadCode,
            usageSnapshots.asOf,
            usageSnapshots.source,
          ],
          set: {
            licensedUsers: sql`excluded.licensed_users`,
            activeUsers: sql`excluded.active_users`,
            importId: sql`excluded.import_id`,
          },
          setWhere: sql`(${usageSnapshots.licensedUsers}, ${usageSnapshots.activeUsers}) is distinct from (excluded.licensed_users, excluded.active_users)`,
        })
        .returning({ id: usageSnapshots.id })
      return written.length
    },

    async knownWorkloads(codes: string[]): Promise<string[]> {
      const rows = await db
        .select({ code: workloads.code })
        .from(workloads)
        .where(inArray(workloads.code, codes))
      return rows.map((r) => r.code)
    },

    async workloadCodes(): Promise<string[]> {
      const rows = await db.select({ code: workloads.code }).from(workloads).orderBy(workloads.sort)
      return rows.map((r) => r.code)
    },
  }
}
