import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { testDbKind } from './db'

const bin = fileURLToPath(new URL('../../bin/trellis.mjs', import.meta.url))

export type CliResult = { code: number; stdout: string; stderr: string }

/**
 * A database for CLI tests, on the kind the suite runs on: a fresh PGlite folder, or a fresh
 * PostgreSQL database (TRELLIS_TEST_DB=postgres). `run` spawns `bin/trellis.mjs` against it.
 */
export async function cliDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'trellis-cli-test-'))
  const env: Record<string, string> = { TRELLIS_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' }
  let drop = async () => {}
  if (testDbKind === 'postgres') {
    const adminUrl = process.env.TRELLIS_TEST_PG_URL as string
    const name = `trellis_cli_${randomBytes(5).toString('hex')}`
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`create database ${name}`)
    await admin.end()
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    env.DATABASE_URL = url.toString()
    drop = async () => {
      const c = new pg.Client({ connectionString: adminUrl })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    }
  }
  return {
    dir,
    env,
    run(args: string[]): Promise<CliResult> {
      return new Promise((resolve) => {
        execFile(
          process.execPath,
          [bin, ...args],
          { env: { ...process.env, ...env, NO_COLOR: '1' }, cwd: dir, maxBuffer: 64 * 1024 * 1024 },
          (err, stdout, stderr) => {
            const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0
            resolve({ code, stdout, stderr })
          },
        )
      })
    },
    async cleanup() {
      await drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
