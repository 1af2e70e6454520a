import { describe, expect, it } from 'vitest'
import { createTestDatabase, testDbKind } from '#test/helpers/db'

describe('database connection', () => {
  it('survives the server dropping idle connections', async () => {
    const database = await createTestDatabase()
    try {
      await Promise.all([1, 2, 3].map(() => database.sql.query('select pg_sleep(0.05)')))
      if (testDbKind === 'postgres') {
        // Ask the server to terminate every other connection to this database, as an admin or a failover would.
        const other = await database.sql.query<{ n: number }>(
          'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
        )
        expect(other.rows[0].n).toBeGreaterThan(0)
        await new Promise((r) => setTimeout(r, 200))
      }
      const after = await database.sql.query<{ ok: number }>('select 1 as ok')
      expect(after.rows[0].ok).toBe(1)
    } finally {
      await database.close()
    }
  })
})
