/**
 * Rhythm-of-business benchmark: `npm run bench:rhythm [-- --existing-pglite DIR] [--existing-postgres URL]
 * [--runs N] [--db pglite,postgres] [--workers N] [--skip-all]`.
 *
 * On the region dataset (`trellis seed --size region`: 300 partners, 30,000 customers), measures:
 *   - the MBR pack of one partner (the largest): data gathered as of the month end, deck and appendix built —
 *     p50/p95 of a first build (its frozen copy deleted before each run) and of a rebuild (read frozen);
 *   - the MBR packs of every partner end to end (gathered on the main thread, which holds the database;
 *     rendered and written by worker threads, one per core), with the core count;
 *   - the proposed agenda of one MBR meeting (GET …/agenda-draft through app.inject), p50/p95.
 * The region dataset has no meetings, escalations or action items: before measuring, the bench adds a
 * realistic few per partner (an MBR and an ROB series, three escalations and six action items dated in the
 * month) unless the database already has meeting series.
 * --skip-all leaves out the every-partner step (minutes; while iterating on one partner's numbers).
 * Without --existing-*, a fresh database of `--size` (default region: many minutes) is seeded first.
 * PostgreSQL: TRELLIS_TEST_PG_URL (set by scripts/with-postgres.sh, as `npm run bench:rhythm` does).
 * Prints a table and writes bench/results/rhythm-<date>-<db>.json (with the load average).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { resolveActor } from '#cli/context'
import type { Database } from '#db/client'
import { buildApp } from '#server/app'
import { loadEnv } from '#server/env'
import type { Actor } from '#server/modules/access/actor'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import { meetingSeriesService } from '#server/modules/meetings/service'
import { buildMbrAppendix } from '#server/modules/reports/mbr/appendix'
import type { MbrPack } from '#server/modules/reports/mbr/data'
import { buildMbrDeck } from '#server/modules/reports/mbr/deck'
import { mbrService } from '#server/modules/reports/mbr/service'
import { DEMO_PASSWORD } from '#server/seed/demo'
import type { SeedSize } from '#server/seed/seed-dataset'
import { addRhythm, openBenchDatabase } from './datasets'
import { ms, timeIt as timeRuns } from './timing'

const root = fileURLToPath(new URL('..', import.meta.url))
const arg = (name: string) => {
  const i = process.argv.indexOf(name)
  return i === -1 ? undefined : process.argv[i + 1]
}
const size = (arg('--size') ?? 'region') as SeedSize
const runs = Number(arg('--runs') ?? 20)
const workers = Number(arg('--workers') ?? cpus().length)
const skipAll = process.argv.includes('--skip-all')
const existing = { pglite: arg('--existing-pglite'), postgres: arg('--existing-postgres') }
const kinds = (
  arg('--db') ??
  (existing.pglite || existing.postgres
    ? [existing.pglite && 'pglite', existing.postgres && 'postgres'].filter(Boolean).join(',')
    : 'pglite,postgres')
).split(',') as ('pglite' | 'postgres')[]
const TARGETS = { onePartnerSeconds: 2, allPartnersSeconds: 120, agendaMs: 100 }

const log = (text: string) => process.stderr.write(`${text}\n`)
const timeIt = (n: number, fn: () => Promise<unknown>) => timeRuns(n, fn, 2)

const open = (kind: 'pglite' | 'postgres') => openBenchDatabase(kind, existing[kind], size)

async function benchOne(kind: 'pglite' | 'postgres') {
  const opened = await open(kind)
  if (!opened) return { database: kind, skipped: 'no PostgreSQL: run through scripts/with-postgres.sh' }
  const { database, drop } = opened
  try {
    await analyticsRefresher(database).ensureComputed()
    const q = <T>(text: string, params: unknown[] = []) =>
      database.sql.query<T>(text, params).then((r) => r.rows)
    const [{ period }] = (await q<{ period: string }>(
      'select max(period)::text as period from partner_health',
    )) as [{ period: string }]
    const month = period.slice(0, 7)
    const added = await addRhythm(database, period)
    const actor = await resolveActor(database, undefined)
    const service = mbrService(database)
    const sizes = await q<{ id: number; engagements: number }>(
      `select partner_id as id, sum(engagements)::int as engagements from partner_workload_monthly
       where period = $1::date group by partner_id order by 2 desc`,
      [period],
    )
    const big = sizes[0]
    const median = sizes[Math.floor(sizes.length / 2)]!
    const counts = (
      await q<Record<string, number>>(
        `select (select count(*) from partners where archived_at is null)::int as partners,
                (select count(*) from customers)::int as customers, (select count(*) from engagements)::int as engagements,
                (select count(*) from meeting_series)::int as "meetingSeries", (select count(*) from escalations)::int as escalations,
                (select count(*) from action_items)::int as "actionItems"`,
      )
    )[0]!
    log(
      `  ${kind}: ${counts.partners} partners; month ${month}; largest partner has ${big!.engagements} engagements`,
    )

    // One partner (the largest and the median one): a first build (the frozen copy deleted before each
    // run) and a rebuild (reads it).
    const onePartner = async (id: number) => {
      const unfreeze = () =>
        q('delete from mbr_packs where partner_id = $1 and period = $2::date', [id, period])
      const build = async () => {
        const pack = await service.pack(actor, id, month)
        await Promise.all([buildMbrDeck(pack), buildMbrAppendix(pack)])
      }
      log(`  ${kind}: partner ${id}, first build and rebuild × ${runs}…`)
      const firstBuildMs = await timeIt(runs, async () => {
        await unfreeze()
        await build()
      })
      const rebuildMs = await timeIt(runs, build)
      // The deck alone (issue 4's "deck for one partner"), first build: gathered, frozen, the PPTX written.
      const deckOnlyMs = await timeIt(runs, async () => {
        await unfreeze()
        await buildMbrDeck(await service.pack(actor, id, month))
      })
      const gatherMs = await timeIt(runs, async () => {
        await unfreeze()
        await service.pack(actor, id, month)
      })
      return { firstBuildMs, rebuildMs, gatherMs, deckOnlyMs }
    }
    const largest = await onePartner(big!.id)
    const typical = await onePartner(median.id)

    // Every partner, end to end: packs gathered here, rendered and written by the workers.
    const partners = await q<{ id: number }>(
      `select distinct partner_id as id from partner_health where period = $1::date order by 1`,
      [period],
    )
    const allPartners = skipAll
      ? null
      : await everyPartner(
          partners.map((p) => p.id),
          async () => {
            await q('delete from mbr_packs where period = $1::date', [period])
          },
          (id) => service.pack(actor, id, month),
          kind,
        )

    // The proposed agenda of the largest partner's next MBR meeting.
    const agenda = {
      largest: await agendaTiming(database, actor, big!.id),
      median: await agendaTiming(database, actor, median.id),
    }
    return {
      database: kind,
      existing: opened.existing,
      rhythmAdded: added,
      month,
      counts,
      largestPartner: big,
      medianPartner: median,
      onePartner: { largest, median: typical },
      allPartners,
      agendaDraftMs: agenda,
    }
  } finally {
    await database.close()
    await drop()
  }
}

async function everyPartner(
  ids: number[],
  unfreeze: () => Promise<void>,
  gather: (id: number) => Promise<MbrPack>,
  kind: string,
) {
  await unfreeze()
  const dir = mkdtempSync(join(tmpdir(), 'trellis-bench-mbr-'))
  log(`  ${kind}: all ${ids.length} partners with ${workers} workers…`)
  const loadBefore = loadavg()[0]
  const t = performance.now()
  try {
    const all = await allPacks(ids, gather, dir)
    return { partners: ids.length, workers, seconds: ms(t) / 1000, ...all, loadBefore }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function allPacks(ids: number[], gather: (id: number) => Promise<MbrPack>, dir: string) {
  const pool = Array.from(
    { length: Math.max(1, workers) },
    () =>
      // A CommonJS bootstrap that loads the TypeScript worker through tsx (Node 20 workers do not inherit
      // the main thread's `tsx` loader).
      new Worker(
        `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(new URL('./rhythm-worker.ts', import.meta.url).href)}, ${JSON.stringify(import.meta.url)}))`,
        { eval: true },
      ),
  )
  const pending = new Map<number, { resolve: (bytes: number) => void; reject: (e: Error) => void }>()
  for (const w of pool)
    w.on('message', (m: { id: number; bytes?: number; error?: string }) => {
      const p = pending.get(m.id)!
      pending.delete(m.id)
      m.error ? p.reject(new Error(m.error)) : p.resolve(m.bytes!)
    })
  let gatherMs = 0
  let bytes = 0
  const inFlight: Promise<void>[] = []
  try {
    for (const [i, id] of ids.entries()) {
      const t = performance.now()
      const pack = await gather(id)
      gatherMs += ms(t)
      const done = new Promise<number>((resolve, reject) => pending.set(i, { resolve, reject })).then((b) => {
        bytes += b
      })
      pool[i % pool.length]!.postMessage({ id: i, pack, dir })
      inFlight.push(done)
      // Keep the workers fed without holding every pack in memory.
      if (inFlight.length >= pool.length * 4) await inFlight.shift()
    }
    await Promise.all(inFlight)
  } finally {
    await Promise.all(pool.map((w) => w.terminate()))
  }
  return { gatherSeconds: gatherMs / 1000, megabytes: bytes / 1e6 }
}

async function agendaTiming(database: Database, actor: Actor, partnerId: number) {
  const app = await buildApp({ env: loadEnv({ LOG_LEVEL: 'silent' }), database, logger: false })
  await app.ready()
  try {
    const { items } = await meetingSeriesService(database).occurrences(actor, {
      from: new Date().toISOString(),
      to: new Date(Date.now() + 45 * 86_400_000).toISOString(),
      partnerId,
    })
    const mbr = items.find((o) => o.kind === 'mbr')
    if (!mbr) return { skipped: 'no MBR meeting in the next 45 days' }
    const [owner] = (
      await database.sql.query<{ email: string }>(
        'select u.email from users u join meeting_series s on s.owner_user_id = u.id where s.id = $1',
        [mbr.seriesId],
      )
    ).rows
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: owner!.email, password: DEMO_PASSWORD },
    })
    const c = login.cookies.find((x) => x.name === 'trellis_session')
    if (!c) throw new Error(`cannot sign in as ${owner!.email}: ${login.body}`)
    const url = `/api/meeting-series/${mbr.seriesId}/occurrences/${encodeURIComponent(mbr.originalStart)}/agenda-draft`
    return await timeIt(runs, async () => {
      const r = await app.inject({ method: 'GET', url, headers: { cookie: `trellis_session=${c.value}` } })
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`)
    })
  } finally {
    await app.close()
  }
}

const started = new Date()
const loadStart = loadavg()[0]
log(
  `Rhythm benchmark: ${runs} runs, ${cpus().length} cores, ${workers} workers, load ${loadavg()[0]!.toFixed(1)}`,
)
const results = []
for (const kind of kinds) {
  log(`- ${kind}`)
  results.push(await benchOne(kind))
}
const f = (x: number) => x.toFixed(x < 10 ? 1 : 0)
console.log(`| database | measure | p50 | p95 | target |\n|---|---|---|---|---|`)
for (const r of results) {
  if ('skipped' in r) {
    console.log(`| ${r.database} | skipped: ${r.skipped} | | | |`)
    continue
  }
  for (const [label, o] of [
    [`largest partner (${r.largestPartner!.engagements} engagements)`, r.onePartner.largest],
    [`median partner (${r.medianPartner.engagements} engagements)`, r.onePartner.median],
  ] as const) {
    console.log(
      `| ${r.database} | ${label}: first build (gather + freeze + deck + appendix), ms | ${f(o.firstBuildMs.p50)} | ${f(o.firstBuildMs.p95)} | < ${TARGETS.onePartnerSeconds * 1000} |`,
    )
    console.log(
      `| ${r.database} | ${label}: first build of the deck alone (gather + freeze + deck), ms | ${f(o.deckOnlyMs.p50)} | ${f(o.deckOnlyMs.p95)} | < ${TARGETS.onePartnerSeconds * 1000} |`,
    )
    console.log(
      `| ${r.database} | ${label}: rebuild of the frozen month, ms | ${f(o.rebuildMs.p50)} | ${f(o.rebuildMs.p95)} | |`,
    )
    console.log(
      `| ${r.database} | ${label}: gathering + freezing only, ms | ${f(o.gatherMs.p50)} | ${f(o.gatherMs.p95)} | |`,
    )
  }
  const a = r.allPartners
  console.log(
    a
      ? `| ${r.database} | all ${a.partners} partners end to end (${cpus().length} cores, ${a.workers} workers), s | ${f(a.seconds)} | | < ${TARGETS.allPartnersSeconds} |`
      : `| ${r.database} | all partners: skipped (--skip-all) | | | |`,
  )
  for (const [label, g] of [
    ['largest partner', r.agendaDraftMs.largest],
    ['median partner', r.agendaDraftMs.median],
  ] as const)
    console.log(
      'skipped' in g
        ? `| ${r.database} | agenda draft (${label}) | ${g.skipped} | | |`
        : `| ${r.database} | agenda draft of one MBR meeting (${label}), ms | ${f(g.p50)} | ${f(g.p95)} | < ${TARGETS.agendaMs} |`,
    )
}
for (const r of results) {
  if ('skipped' in r) continue
  const file = join(
    root,
    'bench',
    'results',
    `rhythm-${started.toISOString().slice(0, 10)}-${r.database}.json`,
  )
  writeFileSync(
    file,
    `${JSON.stringify({ date: started.toISOString(), runs, cores: cpus().length, load: { start: loadStart, end: loadavg()[0] }, targets: TARGETS, result: r }, null, 2)}\n`,
  )
  log(`wrote ${file}`)
}
