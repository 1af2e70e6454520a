import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { type Database, openDatabase } from '#db/client'
import { ensureReferenceData } from '#server/modules/reference/service'
import { loadPgliteTemplate } from './pglite-template'

/**
 * The suite runs on both databases: TRELLIS_TEST_DB=pglite (default, in memory) or
 * TRELLIS_TEST_DB=postgres with TRELLIS_TEST_PG_URL pointing at a server where we may create databases.
 * Each call gets a fresh, migrated database of its own.
 */
export const testDbKind = (process.env.TRELLIS_TEST_DB ?? 'pglite') as 'pglite' | 'postgres'

export type TestDatabaseOptions = {
  /** Start from this content: a PGlite dump, or a PostgreSQL database to copy (CREATE DATABASE … TEMPLATE). */
  template?: { pglite?: Blob; postgres?: string }
  /** PostgreSQL: keep the database when closed (the seeded template drops it itself). */
  keep?: boolean
}

export async function createTestDatabase(opts: TestDatabaseOptions = {}): Promise<Database> {
  if (testDbKind === 'pglite') {
    const pgliteTemplate = opts.template?.pglite ?? loadPgliteTemplate()
    const database = await openDatabase({ dataDir: 'memory://', owner: 'test', pgliteTemplate })
    await ensureReferenceData(database)
    return database
  }
  const adminUrl = process.env.TRELLIS_TEST_PG_URL
  if (!adminUrl)
    throw new Error(
      'TRELLIS_TEST_DB=postgres needs TRELLIS_TEST_PG_URL (e.g. postgres://postgres@127.0.0.1:54329/postgres)',
    )
  const name = `trellis_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(
    opts.template?.postgres
      ? `CREATE DATABASE ${name} TEMPLATE ${opts.template.postgres}`
      : `CREATE DATABASE ${name}`,
  )
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', owner: 'test' })
  await ensureReferenceData(database)
  if (opts.keep) return database
  const close = database.close
  database.close = async () => {
    await close()
    const c = new pg.Client({ connectionString: adminUrl })
    await c.connect()
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await c.end()
  }
  return database
}
