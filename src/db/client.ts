import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import { from as copyFromStream } from 'pg-copy-streams'
import { acquireDataDirLock } from './lock'
import * as schema from './schema/index'

export type Schema = typeof schema
export type Db = PgDatabase<PgQueryResultHKT, Schema>
export type DatabaseKind = 'pglite' | 'postgres'

/** Raw SQL for the few places Drizzle does not cover: bulk COPY and set-based merges (the importer). */
export type SqlClient = {
  query<T = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<{ rows: T[]; rowCount: number }>
  /**
   * COPY lines (no header) into table(columns): CSV by default; `text`: PostgreSQL's text format (tab
   * separated, \N for null, backslash escapes; db/bulk.ts copyText), which needs no quoting of JSON.
   */
  copyCsv(table: string, columns: readonly string[], csv: string, format?: CopyFormat): Promise<void>
}

export type Database = {
  kind: DatabaseKind
  db: Db
  sql: SqlClient
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>
  /**
   * Runs `fn` on one connection held for its whole length: its transactions share the session's temporary
   * tables (a refresh commits the scores, then finds the opportunities from the same working tables).
   */
  session<T>(fn: (session: Session) => Promise<T>): Promise<T>
  close(): Promise<void>
  /** The embedded engine, when kind is 'pglite' (for dumps and tooling). */
  pglite?: PGlite
}

/** One connection: queries outside a transaction, and transactions one after another. */
export type Session = {
  sql: SqlClient
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>
}

export type DatabaseOptions = {
  /** postgres://… for a PostgreSQL server; otherwise PGlite in dataDir ('memory://' for tests). */
  databaseUrl?: string
  dataDir: string
  /** Who holds the PGlite folder: shown to a second process that tries to open it. */
  owner: string
  /** PGlite only: start from this data-folder tarball (tests use a migrated template). */
  pgliteTemplate?: Blob
}

/**
 * PGlite's server settings. Its WebAssembly memory grows and never shrinks, and PostgreSQL touches all
 * of shared_buffers: the default 128 MB was a third of the CLI's RSS. PGlite is one process reading a
 * local folder through the OS page cache, so a small buffer pool costs little (measured: a 1M-row
 * import no slower with 16 MB, 120 MB less RSS). wal_level=minimal (PGlite has no replicas) lets an
 * index built inside a transaction skip the WAL: the importer rebuilds indexes after bulk inserts
 * (measured: 40 % less CPU for those rebuilds).
 */
export const PGLITE_SETTINGS = ['shared_buffers=16MB', 'wal_level=minimal', 'max_wal_senders=0']

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

export type CopyFormat = 'csv' | 'text'

function copySql(table: string, columns: readonly string[], from: string, format: CopyFormat): string {
  return `COPY ${table} (${columns.join(', ')}) FROM ${from} WITH (FORMAT ${format})`
}

async function openPglite(opts: DatabaseOptions): Promise<Database> {
  const inMemory = opts.dataDir.startsWith('memory://')
  const release = inMemory ? () => {} : acquireDataDirLock(opts.dataDir, opts.owner)
  try {
    const options = {
      relaxedDurability: inMemory,
      startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((s) => ['-c', s])],
      // An in-memory database may start from a dump (tests: migrated, or seeded, once per run).
      loadDataDir: inMemory ? opts.pgliteTemplate : undefined,
    }
    // PGlite reads its options from the first argument when there is no data folder.
    const client = inMemory ? new PGlite(options) : new PGlite(`${opts.dataDir}/pgdata`, options)
    await client.waitReady
    const db = drizzlePglite(client, { schema }) as unknown as Db
    await migratePglite(db as never, { migrationsFolder })
    const wrap = (q: Pick<PGlite, 'query'>): SqlClient => ({
      async query<T>(text: string, params?: unknown[]) {
        const r = await q.query<T>(text, params as unknown[])
        return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length }
      },
      async copyCsv(table, columns, csv, format = 'csv') {
        await q.query(copySql(table, columns, `'/dev/blob'`, format), [], {
          blob: new Blob([csv]),
        })
      },
    })
    return {
      kind: 'pglite',
      pglite: client,
      db,
      sql: wrap(client),
      transaction: (fn) => client.transaction((tx) => fn(wrap(tx))),
      // PGlite is one session already.
      session: (fn) =>
        fn({ sql: wrap(client), transaction: (work) => client.transaction((tx) => work(wrap(tx))) }),
      async close() {
        await client.close()
        release()
      },
    }
  } catch (err) {
    release()
    throw err
  }
}

/** A pool (a connection per query) or one connection as a SqlClient. */
const wrapPg = (c: pg.Pool | pg.PoolClient): SqlClient => ({
  async query<T>(text: string, params?: unknown[]) {
    const r = await c.query(text, params as unknown[])
    return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 }
  },
  async copyCsv(table, columns, csv, format = 'csv') {
    const conn = 'release' in c ? c : await c.connect()
    try {
      await new Promise<void>((resolve, reject) => {
        const stream = conn.query(copyFromStream(copySql(table, columns, 'STDIN', format)))
        stream.on('finish', resolve)
        stream.on('error', reject)
        stream.end(csv)
      })
    } finally {
      if (conn !== c) (conn as pg.PoolClient).release()
    }
  },
})

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  let closing = false
  // An idle connection that the server drops (restart, failover, admin) must not crash the process:
  // the pool discards it and opens a new one on the next query.
  pool.on('error', (err) => {
    if (!closing) console.error(`PostgreSQL connection lost: ${err.message}`)
  })
  const db = drizzlePg(pool, { schema }) as unknown as Db
  const lockClient = await pool.connect()
  try {
    // Several app instances may start at once: one migrates, the others wait.
    await lockClient.query('SELECT pg_advisory_lock(727274)')
    await migratePg(db as never, { migrationsFolder })
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock(727274)').catch(() => {})
    lockClient.release()
  }
  return {
    kind: 'postgres',
    db,
    sql: wrapPg(pool),
    async transaction(fn) {
      const client = await pool.connect()
      try {
        return await inTransaction(client, fn)
      } finally {
        client.release()
      }
    },
    async session(fn) {
      const client = await pool.connect()
      try {
        return await fn({ sql: wrapPg(client), transaction: (work) => inTransaction(client, work) })
      } finally {
        client.release()
      }
    },
    async close() {
      closing = true
      await pool.end()
    },
  }
}

/** BEGIN … COMMIT on `client` (ROLLBACK when `fn` throws). */
async function inTransaction<T>(client: pg.PoolClient, fn: (tx: SqlClient) => Promise<T>): Promise<T> {
  await client.query('BEGIN')
  try {
    const result = await fn(wrapPg(client))
    await client.query('COMMIT')
    return result
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  }
}

export function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts)
}

/** A list of ids for `x in (…)`: `(1, 2, 3)`, or `(null)` (matches nothing) when empty. */
export function idList(ids: readonly number[]): SQL {
  return ids.length
    ? sql`(${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql`(null)`
}

/** Runs a raw SQL query through Drizzle on either driver and returns its rows. */
export async function execRows<T>(db: Db, query: SQLWrapper): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}
