/**
 * Analytics benchmark: `npm run bench:analytics [-- --size region|demo --runs N --db pglite,postgres]`.
 *
 * Seeds the synthetic dataset (`trellis seed --size region`: 300 partners, 30,000 customers, 300,000
 * engagements, 24 months) into a fresh PGlite folder and a fresh PostgreSQL database, then measures:
 *   - the time to compute every score and rollup of the 24 months, and to recompute one month for the
 *     whole region (what an import of a region's monthly file triggers);
 *   - p50/p95 server time (app.inject: routing, access, queries, serialisation) of the dashboard and
 *     partner-analytics endpoints, each beside the floor: the same aggregate as one raw SQL query on the
 *     same database, and — once — the same aggregate computed from the raw tables without the rollups.
 * PostgreSQL: TRELLIS_TEST_PG_URL (set by scripts/with-postgres.sh, as `npm run bench:analytics` does).
 * `--existing-pglite DIR` / `--existing-postgres URL` measure a database seeded and scored before (`trellis
 * seed --size region`) instead of seeding a fresh one: the endpoints and one month rescored (the results
 * say `existing: true`; seeding and scoring every month are not measured then). `--endpoints-only` skips
 * the month's rescoring too (the global dataset: `trellis seed --size global` on PostgreSQL).
 * Prints a table and writes bench/results/analytics-<date>.json.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { type Database, openDatabase } from '#db/client'
import { buildApp } from '#server/app'
import { loadEnv } from '#server/env'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import { ensureReferenceData } from '#server/modules/reference/service'
import { DEMO_PASSWORD } from '#server/seed/demo'
import { type SeedSize, seedDataset } from '#server/seed/seed-dataset'
import { addMonths } from '#shared/domain/periods'
import { ms, timeIt as timeRuns } from './timing'

const root = fileURLToPath(new URL('..', import.meta.url))
const arg = (name: string) => {
  const i = process.argv.indexOf(name)
  return i === -1 ? undefined : process.argv[i + 1]
}
const size = (arg('--size') ?? 'region') as SeedSize
const runs = Number(arg('--runs') ?? 30)
const kinds = (arg('--db') ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[]
const existing = { pglite: arg('--existing-pglite'), postgres: arg('--existing-postgres') }
/** `--rescore-only`: measure the month's rescoring and skip the endpoints (while iterating on the refresh). */
const rescoreOnly = process.argv.includes('--rescore-only')
/** `--endpoints-only`: measure the endpoints of an existing database without rescoring (the global dataset). */
const endpointsOnly = process.argv.includes('--endpoints-only')
const TARGETS = { pglite: 250, postgres: 100, recomputeSeconds: 30, floorRatio: 2 }

const secs = (s: number | null) => (s === null ? 'not measured' : `${s.toFixed(1)} s`)
const log = (text: string) => process.stderr.write(`${text}\n`)
const timeIt = (n: number, fn: () => Promise<unknown>) => timeRuns(n, fn, 3)

async function openFresh(kind: 'pglite' | 'postgres') {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'trellis-bench-analytics-'))
    const database = await openDatabase({ dataDir: join(dir, 'data'), owner: 'bench' })
    return { database, drop: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  const adminUrl = process.env.TRELLIS_TEST_PG_URL
  if (!adminUrl) return null
  const name = `bench_analytics_${Date.now()}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', owner: 'bench' })
  return {
    database,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    },
  }
}

/**
 * The month before first, untimed: the stored usage history facts are then those of last month's refresh,
 * and the timed one reads on from them as after a monthly import (decision 006-opportunities).
 */
async function rescoreMonth(kind: string, database: Database, period: string) {
  log(`  ${kind}: existing database; the month before rescored (untimed)…`)
  let t = performance.now()
  const before = await analyticsRefresher(database).refresh({ periods: [addMonths(period, -1)] })
  log(
    `  ${kind}: ${(ms(t) / 1000).toFixed(1)} s (opportunities ${before.opportunitiesMs / 1000} s); one month rescored…`,
  )
  t = performance.now()
  const month = await analyticsRefresher(database).refresh({ periods: [period] })
  const ms_ = ms(t)
  log(
    `  ${kind}: ${(ms_ / 1000).toFixed(1)} s (scores committed after ${month.scoresMs / 1000} s, then opportunities ${month.opportunitiesMs / 1000} s)`,
  )
  log(`  ${kind}: steps ${JSON.stringify(month.steps)}`)
  return { ...month, ms: ms_ }
}

async function benchExisting(kind: 'pglite' | 'postgres', location: string) {
  const database = await openDatabase(
    kind === 'postgres'
      ? { databaseUrl: location, dataDir: '', owner: 'bench' }
      : { dataDir: location, owner: 'bench' },
  )
  try {
    await analyticsRefresher(database).ensureComputed()
    const [{ period }] = (
      await database.sql.query<{ period: string }>('select max(period)::text as period from partner_health')
    ).rows as [{ period: string }]
    const month = endpointsOnly ? null : await rescoreMonth(kind, database, period)
    const { rows } = await database.sql.query<Record<string, number>>(
      `select (select count(*) from partners)::int as partners, (select count(*) from customers)::int as customers,
              (select count(*) from engagements)::int as engagements, (select count(*) from usage_snapshots)::int as snapshots`,
    )
    return {
      database: kind,
      existing: true,
      counts: rows[0]!,
      seedSeconds: null,
      recompute: {
        months: null,
        allSeconds: null,
        monthSeconds: month ? month.ms / 1000 : null,
        scoresSeconds: month ? month.scoresMs / 1000 : null,
        opportunitiesSeconds: month ? month.opportunitiesMs / 1000 : null,
        stepsMs: month?.steps ?? null,
      },
      endpoints: rescoreOnly ? [] : await endpoints(database, period),
    }
  } finally {
    await database.close()
  }
}

async function benchOne(kind: 'pglite' | 'postgres') {
  const opened = await openFresh(kind)
  if (!opened) return { database: kind, skipped: 'no PostgreSQL: run through scripts/with-postgres.sh' }
  const { database, drop } = opened
  try {
    await ensureReferenceData(database)
    let t = performance.now()
    let lastPhase = ''
    const counts = await seedDataset(database, {
      size,
      seed: 1,
      onProgress: (p) => {
        if (p.phase !== lastPhase) log(`  ${kind}: seeding ${p.phase}…`)
        lastPhase = p.phase
      },
    })
    const seedSeconds = ms(t) / 1000
    log(`  ${kind}: seeded in ${seedSeconds.toFixed(1)} s; computing every month's scores…`)
    t = performance.now()
    const all = await analyticsRefresher(database).refresh()
    const allSeconds = ms(t) / 1000
    const latest = all.periods.at(-1)!
    log(`  ${kind}: ${all.periods.length} months in ${allSeconds.toFixed(1)} s; one month again…`)
    t = performance.now()
    const month = await analyticsRefresher(database).refresh({ periods: [latest] })
    const monthSeconds = ms(t) / 1000
    const opportunitiesSeconds = month.opportunitiesMs / 1000
    const scoresSeconds = month.scoresMs / 1000
    return {
      database: kind,
      counts,
      seedSeconds,
      recompute: {
        months: all.periods.length,
        allSeconds,
        monthSeconds,
        scoresSeconds,
        opportunitiesSeconds,
      },
      endpoints: await endpoints(database, latest),
    }
  } finally {
    await database.close()
    await drop()
  }
}

async function endpoints(database: Database, period: string) {
  const app = await buildApp({ env: loadEnv({ LOG_LEVEL: 'silent' }), database, logger: false })
  await app.ready()
  const q = <T>(text: string, params: unknown[] = []) =>
    database.sql.query<T>(text, params).then((r) => r.rows)
  const [lead] = await q<{ email: string; region_id: number }>(
    `select email, region_id from users where role = 'lead' order by id limit 1`,
  )
  const [fpm] = await q<{ id: number; email: string }>(
    `select u.id, u.email from users u join partners p on p.fpm_user_id = u.id where u.region_id = $1 group by u.id order by count(*) desc limit 1`,
    [lead!.region_id],
  )
  const [partner] = await q<{ id: number }>(
    `select partner_id as id from partner_workload_monthly
     where period = $1 and partner_id in (select id from partners where region_id = $2)
     group by partner_id order by sum(engagements) desc limit 1`,
    [period, lead!.region_id],
  )
  const [customer] = await q<{ id: number }>(
    `select customer_id as id from engagements where partner_id = $1 group by customer_id order by count(*) desc limit 1`,
    [partner!.id],
  )
  const cookie = async (email: string) => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: DEMO_PASSWORD },
    })
    const c = r.cookies.find((x) => x.name === 'trellis_session')
    if (!c) throw new Error(`cannot sign in as ${email}: ${r.body}`)
    return `trellis_session=${c.value}`
  }
  const leadCookie = await cookie(lead!.email)
  const fpmCookie = await cookie(fpm!.email)
  const get = (url: string, c: string) => async () => {
    const r = await app.inject({ method: 'GET', url, headers: { cookie: c } })
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`)
  }
  const regionPartners = `(select id from partners where region_id = ${lead!.region_id} and archived_at is null)`
  const fpmPartners = `(select id from partners where fpm_user_id = ${fpm!.id} and archived_at is null)`
  const trendFloor = (ids: string) => () =>
    q(`select period, workload_code, sum(licensed), sum(active), sum(engagements) from partner_workload_monthly
       where partner_id in ${ids} group by 1, 2`)
  const rawFloor = (ids: string) => () =>
    q(
      `select e.workload_code, sum(l.licensed_users), sum(l.active_users), count(*) from engagements e
       join lateral (select licensed_users, active_users from usage_snapshots s where s.customer_id = e.customer_id
         and s.workload_code = e.workload_code and s.as_of <= ($1::date + interval '1 month' - interval '1 day')
         order by s.as_of desc limit 1) l on true
       where e.partner_id in ${ids} and e.archived_at is null group by 1`,
      [period],
    )
  const cases = [
    {
      name: 'Region dashboard (lead)',
      call: get('/api/analytics/dashboard', leadCookie),
      floor: trendFloor(regionPartners),
      raw: rawFloor(regionPartners),
    },
    {
      name: 'My portfolio (FPM)',
      call: get('/api/analytics/dashboard?mine=true', fpmCookie),
      floor: trendFloor(fpmPartners),
      raw: rawFloor(fpmPartners),
    },
    {
      name: 'Partner analytics',
      call: get(`/api/partners/${partner!.id}/analytics`, leadCookie),
      floor: () =>
        q(
          // Everything the endpoint reads, as one query: the partner's history and its region's month.
          `select partner_id, workload_code, period, licensed, active, engagements, milestone_counts, phase_counts
           from partner_workload_monthly where partner_id = $1
           union all
           select m.partner_id, m.workload_code, m.period, m.licensed, m.active, m.engagements, null, null
           from partner_workload_monthly m join partners p on p.id = m.partner_id and p.archived_at is null
           where m.period = $2::date and m.licensed > 0 and p.region_id = $3`,
          [partner!.id, period, lead!.region_id],
        ),
      raw: rawFloor(`(${partner!.id})`),
    },
    {
      name: 'Partner health explained',
      call: get(`/api/partners/${partner!.id}/health`, leadCookie),
      // The endpoint's heaviest query: the 200 lowest-scored engagements behind the score, with the two
      // snapshots each used (the history and the score are small beside it).
      floor: () =>
        q(
          `select e.*, l.as_of, l.licensed_users, l.active_users, p.as_of, p.licensed_users, p.active_users
           from (
             select e.id, e.customer_id, c.name, e.workload_code, e.intent_status, e.phase
             from engagements e join customers c on c.id = e.customer_id and c.archived_at is null
             left join customer_health ch on ch.customer_id = c.id and ch.period = $2::date
             where e.archived_at is null and e.partner_id = $1
             order by ch.score asc nulls first, c.name, e.workload_code limit 200) e
           left join lateral (select s.as_of, s.licensed_users, s.active_users from usage_snapshots s
             where s.customer_id = e.customer_id and s.workload_code = e.workload_code
               and s.as_of <= ($2::date + interval '1 month' - interval '1 day')
             order by s.as_of desc, (s.source = 'graph_csv') desc limit 1) l on true
           left join lateral (select s.as_of, s.licensed_users, s.active_users from usage_snapshots s
             where s.customer_id = e.customer_id and s.workload_code = e.workload_code
               and s.as_of < date_trunc('month', l.as_of)
             order by s.as_of desc, (s.source = 'graph_csv') desc limit 1) p on l.as_of is not null`,
          [partner!.id, period],
        ),
    },
    {
      name: 'Customer health explained',
      call: get(`/api/customers/${customer!.id}/health`, leadCookie),
      floor: () =>
        q('select period, score, band, inputs from customer_health where customer_id = $1 order by period', [
          customer!.id,
        ]),
    },
  ]
  const results = []
  for (const c of cases) {
    const server = await timeIt(runs, c.call)
    const floor = await timeIt(runs, c.floor)
    const raw = c.raw ? await timeIt(3, c.raw) : null
    results.push({ name: c.name, server, floor, rawTables: raw, ratio: server.p95 / floor.p95 })
    log(`    ${c.name}: p95 ${server.p95.toFixed(1)} ms (floor ${floor.p95.toFixed(1)} ms)`)
  }
  await app.close()
  return results
}

const started = new Date()
log(
  `Analytics benchmark: ${size} dataset, ${runs} runs per endpoint, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`,
)
const results = []
for (const kind of kinds) {
  const location = existing[kind]
  results.push(location ? await benchExisting(kind, location) : await benchOne(kind))
}

const pad = (s: string, n: number) => s.padEnd(n)
const lines = [
  '',
  `| database | endpoint | p50 ms | p95 ms | floor p95 ms | p95 ÷ floor | from raw tables ms | target p95 |`,
  '|---|---|---|---|---|---|---|---|',
]
for (const r of results) {
  if ('skipped' in r) {
    lines.push(`| ${r.database} | skipped: ${r.skipped} | | | | | | |`)
    continue
  }
  for (const e of r.endpoints)
    lines.push(
      `| ${pad(r.database, 8)} | ${e.name} | ${e.server.p50.toFixed(1)} | ${e.server.p95.toFixed(1)} | ${e.floor.p95.toFixed(1)} | ${e.ratio.toFixed(2)} | ${e.rawTables ? e.rawTables.p50.toFixed(0) : '—'} | < ${TARGETS[r.database]} ms, ≤ ${TARGETS.floorRatio}× floor |`,
    )
}
lines.push(
  '',
  '| database | seed | all months scored | one month: scores committed (target < 30 s) | then opportunities | one month in all |',
  '|---|---|---|---|---|---|',
)
for (const r of results)
  if (!('skipped' in r))
    lines.push(
      `| ${r.database} | ${r.seedSeconds === null ? 'seeded before' : `${r.seedSeconds.toFixed(1)} s`} | ${r.recompute.allSeconds === null ? '—' : `${r.recompute.months} months in ${r.recompute.allSeconds.toFixed(1)} s`} | ${secs(r.recompute.scoresSeconds)} | ${secs(r.recompute.opportunitiesSeconds)} | ${secs(r.recompute.monthSeconds)} |`,
    )
process.stdout.write(`${lines.join('\n')}\n`)
const file = join(root, 'bench', 'results', `analytics-${started.toISOString().slice(0, 10)}.json`)
writeFileSync(
  file,
  `${JSON.stringify({ date: started.toISOString(), size, runs, cores: cpus().length, load: loadavg()[0], targets: TARGETS, results }, null, 2)}\n`,
)
log(`\nwritten ${file}`)
