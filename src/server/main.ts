import { openDatabase } from '#db/client'
import { buildApp } from './app'
import { loadEnv } from './env'
import { analyticsRefresher } from './modules/analytics/refresh/service'
import { startDigestScheduler } from './modules/digest/scheduler'
import { digestConfigFromEnv } from './modules/digest/service'
import { ensureReferenceData } from './modules/reference/service'
import { startScorecardWarmer } from './modules/scorecard/warmer'
import { DEMO_PASSWORD, seedDemoIfEmpty } from './seed/demo'

function fail(message: string): never {
  console.error(`\n  ✖ ${message}\n`)
  process.exit(1)
}

const env = (() => {
  try {
    return loadEnv()
  } catch (err) {
    return fail((err as Error).message)
  }
})()
const database = await openDatabase({
  databaseUrl: env.DATABASE_URL,
  dataDir: env.TRELLIS_DATA_DIR,
  owner: `the Trellis server on port ${env.PORT}`,
}).catch((err: Error) => fail(err.message))
await ensureReferenceData(database)
const seeded = env.TRELLIS_DEMO ? await seedDemoIfEmpty(database) : null
await analyticsRefresher(database).ensureComputed()

const app = await buildApp({ env, database })
const digest = env.SMTP_URL ? startDigestScheduler(database, digestConfigFromEnv(env), app.log) : null
const warmer = startScorecardWarmer(database, app.log)
const shutdown = async () => {
  await digest?.stop()
  await warmer.stop()
  await app.close()
  await database.close()
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)

await app.listen({ port: env.PORT, host: env.HOST })
const url = `http://localhost:${(app.server.address() as { port: number }).port}`
const where = database.kind === 'pglite' ? `PGlite in ${env.TRELLIS_DATA_DIR}` : 'PostgreSQL (DATABASE_URL)'
const lines = [``, `  Trellis is running at ${url}`, `  Database: ${where}`, `  API docs: ${url}/api/docs`]
lines.push(
  env.SMTP_URL
    ? `  Daily digest: e-mailed from ${String(env.DIGEST_HOUR).padStart(2, '0')}:00 ${env.TRELLIS_TIME_ZONE} via ${new URL(env.SMTP_URL).host}`
    : '  Daily digest: off (set SMTP_URL to e-mail it)',
)
if (seeded) {
  lines.push(``, `  Demo data loaded. Sign in with any of these (password: ${DEMO_PASSWORD}):`)
  for (const u of seeded.logins) lines.push(`    ${u.role.padEnd(7)} ${u.email}`)
} else if (await app.ctx.auth.setupNeeded()) {
  lines.push(``, `  No users yet: open ${url}/setup to create the first admin.`)
}
console.log(`${lines.join('\n')}\n`)
