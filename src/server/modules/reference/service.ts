import { asc } from 'drizzle-orm'
import type { Database } from '#db/client'
import { workloads } from '#db/schema/index'
import { workloadCatalog } from '#shared/domain/workloads'

/** Reference data every database needs: the workload catalogue. Idempotent; runs at every start. */
export async function ensureReferenceData(database: Database): Promise<void> {
  const rows = workloadCatalog.map((w, i) => ({ code: w.code, name: w.name, family: w.family, sort: i }))
  for (const row of rows) {
    await database.db
      .insert(workloads)
      .values(row)
      .onConflictDoUpdate({
        target: workloads.code,
        set: { name: row.name, family: row.family, sort: row.sort },
      })
  }
}

export function listWorkloads(database: Database) {
  return database.db
    .select({ code: workloads.code, name: workloads.name, family: workloads.family })
    .from(workloads)
    .orderBy(asc(workloads.sort))
}
