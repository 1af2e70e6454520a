import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { eq } from 'drizzle-orm'
import { type Database, openDatabase } from '#db/client'
import { users } from '#db/schema/index'
import { loadEnv } from '#server/env'
import type { Actor } from '#server/modules/access/actor'
import { ensureReferenceData } from '#server/modules/reference/service'
import { CliError } from './errors'

export type CliDatabase = { database: Database; where: string; close(): Promise<void> }

/**
 * Opens the database the server uses: DATABASE_URL (PostgreSQL) or the PGlite folder
 * TRELLIS_DATA_DIR (default ./data). A server running on the same PGlite folder holds its lock: the
 * CLI is refused with a message that says so (exit 2), never opens it a second time.
 */
export async function openCliDatabase(command: string): Promise<CliDatabase> {
  let env: ReturnType<typeof loadEnv>
  try {
    env = loadEnv()
  } catch (err) {
    throw new CliError((err as Error).message)
  }
  const dataDir = resolve(env.TRELLIS_DATA_DIR)
  if (!env.DATABASE_URL) mkdirSync(dataDir, { recursive: true })
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir,
    owner: `the trellis CLI (${command})`,
  })
  await ensureReferenceData(database)
  const where = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${env.TRELLIS_DATA_DIR}`
  return { database, where, close: () => database.close() }
}

/**
 * The user the CLI acts as: `--as EMAIL`, or — without it — the only admin when there is exactly one.
 * Imports run with that user's access, exactly as in the web app.
 */
export async function resolveActor(database: Database, email: string | undefined): Promise<Actor> {
  const columns = {
    id: users.id,
    email: users.email,
    role: users.role,
    regionId: users.regionId,
    active: users.active,
  }
  if (email) {
    const [u] = await database.db
      .select(columns)
      .from(users)
      .where(eq(users.email, email.trim().toLowerCase()))
    if (!u?.active) {
      throw new CliError(
        `No active user has the e-mail ${email}. List of users: the web app (Admin → Users); create one with: npx trellis users add --email ${email} --name "Full Name" --role fpm`,
      )
    }
    return { id: u.id, email: u.email, role: u.role, regionId: u.regionId }
  }
  const admins = (await database.db.select(columns).from(users).where(eq(users.role, 'admin'))).filter(
    (u) => u.active,
  )
  if (admins.length === 1) {
    const [u] = admins
    return { id: u.id, email: u.email, role: u.role, regionId: u.regionId }
  }
  if (admins.length === 0) {
    throw new CliError(
      'There is no admin user yet, so the CLI does not know whom to act as. Create the first admin:\n' +
        '  npx trellis users add --email you@example.com --name "Your Name" --role admin\n' +
        'or say who you are with --as EMAIL.',
    )
  }
  throw new CliError(
    `There are ${admins.length} admins; say which user the CLI acts as with --as EMAIL (imports use that user's access).`,
  )
}
