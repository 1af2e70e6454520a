import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import { seedDemoIfEmpty } from '#server/seed/demo'
import { createTestDatabase, testDbKind } from './db'

/**
 * The demo region, seeded and scored once per run (~10 s), copied for each end-to-end test file: PGlite
 * loads a dump of it, PostgreSQL creates the file's database with it as TEMPLATE. What every file used to
 * do itself: seed the demo, then compute every period's scores as main.ts does at start-up.
 */
const pglitePath = join(tmpdir(), `trellis-pglite-seeded-${process.pid}.tar`)

export async function buildSeededTemplate(): Promise<void> {
  const database = await createTestDatabase({ keep: true })
  await seedDemoIfEmpty(database)
  await analyticsRefresher(database).ensureComputed()
  if (testDbKind === 'pglite') {
    await database.sql.query('CHECKPOINT')
    const dump = await database.pglite!.dumpDataDir('none')
    writeFileSync(pglitePath, Buffer.from(await dump.arrayBuffer()))
    await database.close()
    process.env.TRELLIS_PGLITE_SEEDED = pglitePath
    return
  }
  // Kept when closed; no one connects to it again, so it can serve as a TEMPLATE.
  const { rows } = await database.sql.query<{ name: string }>('select current_database() as name')
  await database.close()
  process.env.TRELLIS_PG_SEEDED = rows[0]!.name
}

export async function dropSeededTemplate(): Promise<void> {
  rmSync(pglitePath, { force: true })
  if (process.env.TRELLIS_PG_SEEDED)
    await admin(`DROP DATABASE IF EXISTS ${process.env.TRELLIS_PG_SEEDED} WITH (FORCE)`)
}

/** The seeded template for this run, when the global setup built one. */
export function seededTemplate(): { pglite?: Blob; postgres?: string } | undefined {
  const path = process.env.TRELLIS_PGLITE_SEEDED
  if (testDbKind === 'pglite')
    return path && existsSync(path) ? { pglite: new Blob([readFileSync(path)]) } : undefined
  return process.env.TRELLIS_PG_SEEDED ? { postgres: process.env.TRELLIS_PG_SEEDED } : undefined
}

async function admin(statement: string) {
  const c = new pg.Client({ connectionString: process.env.TRELLIS_TEST_PG_URL })
  await c.connect()
  try {
    await c.query(statement)
  } finally {
    await c.end()
  }
}
