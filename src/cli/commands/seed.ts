import type { Command } from 'commander'
import type { Database } from '#db/client'
import type { SeedCounts, SeedPhase } from '#server/seed/seed-dataset'
import { isoDate } from '#shared/contracts/common'
import { CliError, Exit } from '../errors'
import { line, n, printJson } from '../output'

const sizes = ['demo', 'region', 'global'] as const
type Size = (typeof sizes)[number]
type Options = { size: string; seed: string; today?: string; json?: boolean }

export function seedCommand(program: Command): Command {
  return program
    .command('seed')
    .summary('fill an empty database with synthetic data (demo, region or global size)')
    .description(
      'Fills an empty database with a realistic, synthetic partner portfolio: regions, users (FPMs, leads, SMEs), partners with stakeholders, customers, workload engagements and monthly usage snapshots. ' +
        'Deterministic: the same --size, --seed and date give the same data.\n\n' +
        '  demo    the data `npm start` loads: 2 regions, 24 partners, ~230 customers, 13 months (with --seed 1)\n' +
        '  region  1 region: 300 partners, 30,000 customers, 300,000 engagements, 24 monthly snapshots each (7.2M rows)\n' +
        '  global  10 regions of that: 3,000 partners, 300,000 customers, 3M engagements, 72M snapshots\n\n' +
        'Every user signs in with the demo password (trellis-demo); the demo logins (admin@trellis.example, lead@…, fpm@…, fpm2@…, fpm3@…, sme@…, viewer@…) exist at every size. ' +
        'The database must hold no portfolio yet: use a fresh TRELLIS_DATA_DIR (or a new PostgreSQL database). Everything is written in one transaction: a failed seed leaves nothing behind.',
    )
    .option('--size <size>', `one of: ${sizes.join(', ')}`, 'demo')
    .option('--seed <n>', 'random seed (a whole number): the same seed gives the same data', '1')
    .option(
      '--today <date>',
      'generate as if today were this date, YYYY-MM-DD (snapshots end at the month end before it)',
    )
    .option('--json', 'print the counts as one JSON object on stdout (no progress bar)')
    .addHelpText(
      'after',
      '\nExit codes: 0 seeded, 1 the database already holds a portfolio (nothing written), 2 wrong arguments or unusable database, 3 internal error.\n\n' +
        'Examples:\n' +
        '  TRELLIS_DATA_DIR=./data-region npx trellis seed --size region\n' +
        '  TRELLIS_DATA_DIR=./data-region npm start     # then browse it\n' +
        '  DATABASE_URL=postgres://localhost/trellis_global npx trellis seed --size global --seed 7 --json',
    )
    .action(async (opts: Options) => {
      process.exitCode = await run(opts)
    })
}

async function run(opts: Options): Promise<number> {
  if (!(sizes as readonly string[]).includes(opts.size))
    throw new CliError(`--size must be one of: ${sizes.join(', ')} (got "${opts.size}")`)
  const size = opts.size as Size
  if (!/^\d{1,9}$/.test(opts.seed)) throw new CliError(`--seed must be a whole number (got "${opts.seed}")`)
  const seed = Number(opts.seed)
  if (opts.today !== undefined && !isoDate.safeParse(opts.today).success)
    throw new CliError(`--today must be a date like 2026-11-25 (got "${opts.today}")`)
  const today = opts.today ? new Date(`${opts.today}T00:00:00Z`) : new Date()

  // Loaded here, not at start: `--help` and argument errors answer at once.
  const { openCliDatabase } = await import('../context')
  const { seedDataset, portfolioRows, PortfolioNotEmpty } = await import('#server/seed/seed-dataset')
  const { DEMO_PASSWORD } = await import('#server/seed/demo')
  const { seedProgressBars } = await import('../progress')
  const db = await openCliDatabase('seed')
  try {
    const notEmpty = (found: Awaited<ReturnType<typeof portfolioRows>>) =>
      new CliError(
        `The database (${db.where}) already holds a portfolio: ${n(found.partners)} partners, ${n(found.customers)} customers. ` +
          'Nothing was written: trellis seed only fills an empty database. Seed a fresh one, for example:\n' +
          `  TRELLIS_DATA_DIR=./data-${size} npx trellis seed --size ${size}\n` +
          'or point DATABASE_URL at a new PostgreSQL database.',
        Exit.notEmpty,
        'CONFLICT',
      )
    const found = await portfolioRows(db.database.sql)
    if (found.partners || found.customers || found.engagements || found.snapshots) throw notEmpty(found)

    const human = !opts.json
    if (human) line(`Seeding ${size} data (seed ${seed}) into ${db.where}`)
    const bar = seedProgressBars(human)
    const started = performance.now()
    const phaseStart = new Map<SeedPhase, number>()
    let counts: SeedCounts
    try {
      counts = await seedDataset(db.database, {
        size,
        seed,
        today,
        onProgress: (p) => {
          if (!phaseStart.has(p.phase)) phaseStart.set(p.phase, performance.now())
          bar.update(p)
        },
      })
    } catch (err) {
      if (err instanceof PortfolioNotEmpty) throw notEmpty(err.found)
      throw err
    } finally {
      bar.stop()
    }
    const seededSeconds = (performance.now() - started) / 1000

    // ── After seeding ────────────────────────────────────────────────────────────────────────────
    // The one place for work on the fresh data (e.g. the analytics score recompute): add it to
    // afterSeeding below. It runs once, after the seed transaction has committed.
    await afterSeeding(db.database, human)

    const seconds = (performance.now() - started) / 1000
    const phases = phaseSeconds(phaseStart, started + seededSeconds * 1000)
    if (opts.json) {
      printJson({ size, seed, counts, seconds: round(seconds), phases })
      return Exit.ok
    }
    line()
    line(`✔ Seeded ${size} data in ${formatSeconds(seconds)}:`)
    line(
      `  ${n(counts.regions)} regions · ${n(counts.users)} users · ${n(counts.partners)} partners · ${n(counts.stakeholders)} stakeholders`,
    )
    line(
      `  ${n(counts.customers)} customers · ${n(counts.engagements)} engagements · ${n(counts.snapshots)} usage snapshots`,
    )
    if (size !== 'demo')
      line(
        `  time per phase: ${Object.entries(phases)
          .map(([phase, s]) => `${phase} ${formatSeconds(s)}`)
          .join(', ')}`,
      )
    line()
    line(
      `Sign in as admin@trellis.example, lead@trellis.example or fpm@trellis.example (password ${DEMO_PASSWORD}): npm start`,
    )
    return Exit.ok
  } finally {
    await db.close()
  }
}

/**
 * Runs after a successful seed, on the same database: the hooks that derive data from the portfolio
 * (scores, opportunities) go here, so a seeded database looks like one that has been in use.
 */
async function afterSeeding(database: Database, human: boolean): Promise<void> {
  const { analyticsRefresher } = await import('#server/modules/analytics/refresh/service')
  const started = performance.now()
  const r = await analyticsRefresher(database).refresh({
    onPeriod: (period, done, total) => {
      if (human)
        process.stderr.write(
          `\r  Health scores and rollups: month ${done} of ${total} (${period.slice(0, 7)})   `,
        )
    },
  })
  if (human)
    process.stderr.write(
      `\r  Health scores and rollups: ${r.periods.length} months scored in ${formatSeconds((performance.now() - started) / 1000)}        \n`,
    )
}

function phaseSeconds(starts: Map<SeedPhase, number>, end: number): Record<string, number> {
  const entries = [...starts.entries()]
  return Object.fromEntries(
    entries.map(([phase, t], i) => [
      phase === 'finishing' ? 'indexes' : phase,
      round(((entries[i + 1]?.[1] ?? end) - t) / 1000),
    ]),
  )
}

const round = (s: number) => Math.round(s * 10) / 10

function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(1)} s`
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`
}
