/**
 * Import benchmark: `npm run bench [-- --rows N]`.
 *
 * Generates a deterministic portfolio file of N rows (default 1,000,000) in bench/tmp, then on PGlite
 * and on PostgreSQL:
 *   - imports it with the CLI (`trellis import portfolio`), as its own process, so peak RSS is the CLI's
 *     (GNU time); then imports it again (nothing changes) and once more for the next month (new as-of);
 *   - COPYs the same rows into a plain table of the same database: the floor (the target's reference);
 *   - COPYs the rows the import stores (one engagement and one usage snapshot per file row, ids given)
 *     into two tables shaped like engagements and usage_snapshots, then builds the keys the schema
 *     requires (primary keys, natural-key uniques, engagements_customer_idx): the cheapest way to
 *     store the import's output, with no parsing, checking or merging. raw COPY time / this time is the
 *     best ratio any importer could reach on that database (`ratioCeiling`).
 * PostgreSQL: BENCH_DATABASE_URL (a server where we may create databases), else a throwaway server
 * started here on port BENCH_PG_PORT (default 54331; initdb, as the postgres user when run as root),
 * else skipped with a note.
 * Prints a table and writes bench/results/import-<date>.json.
 */
import { execFile, execFileSync } from 'node:child_process'
import { once } from 'node:events'
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { PGLITE_SETTINGS } from '#db/client'
import { openTable } from '#server/modules/imports/file/read-table'
import { BENCH_HEADER, generatePortfolioFile } from './generate'

const root = fileURLToPath(new URL('..', import.meta.url))
const tmp = join(root, 'bench', 'tmp')
const bin = join(root, 'bin', 'trellis.mjs')
const arg = (name: string) => {
  const i = process.argv.indexOf(name)
  return i === -1 ? undefined : process.argv[i + 1]
}
const rows = Number(arg('--rows') ?? 1_000_000)
if (!Number.isInteger(rows) || rows < 1) throw new Error('--rows must be a whole number ≥ 1')

const TARGET_RATIO = 0.5
const TARGET_PGLITE_SECONDS_1M = 20
const TARGET_RSS_MB = 400

type Run = {
  seconds: number
  /** CPU time of the CLI process (user + system): on PGlite all of the work, on PostgreSQL the client part. */
  cpuSeconds: number
  rowsPerSecond: number
  peakRssMb: number
  result: Record<string, unknown>
  steps: Record<string, number>
}
type DbResult = {
  database: 'pglite' | 'postgres'
  import: Run
  reimport: Run
  nextMonth: Run
  floor: { seconds: number; rowsPerSecond: number }
  ratio: number
  /** COPY of the stored rows (engagements + snapshots) into key-less copies of the tables, then their keys. */
  storedFloor: { seconds: number; copySeconds: number; keySeconds: number }
  /** floor.seconds / storedFloor.seconds: the best ratio an importer could reach here. */
  ratioCeiling: number
}

function log(text: string) {
  process.stderr.write(`${text}\n`)
}

/** Runs the CLI under GNU time: wall seconds, max RSS of the CLI process, its JSON result. */
function cli(args: string[], env: Record<string, string>): Promise<Run & { stdout: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    execFile(
      '/usr/bin/time',
      ['-f', 'maxrss_kb=%M cpu=%U+%S', process.execPath, bin, ...args],
      { env: { ...process.env, ...env, TRELLIS_DEBUG_IMPORT: '1' }, maxBuffer: 256 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const seconds = (performance.now() - t0) / 1000
        const rss = /maxrss_kb=(\d+)/.exec(stderr)
        const cpu = /cpu=([\d.]+)\+([\d.]+)/.exec(stderr)
        const cpuSeconds = cpu ? Number(cpu[1]) + Number(cpu[2]) : Number.NaN
        if (err && !stdout) return reject(new Error(`trellis ${args.join(' ')} failed:\n${stderr}`))
        const steps: Record<string, number> = {}
        for (const m of stderr.matchAll(/^step\t(\d+)\t\d+\t(.*)$/gm)) steps[m[2]] = Number(m[1])
        let result: Record<string, unknown> = {}
        try {
          result = stdout.trim() ? JSON.parse(stdout) : {}
        } catch {
          /* not JSON (users add) */
        }
        resolve({
          seconds,
          cpuSeconds,
          rowsPerSecond: rows / seconds,
          peakRssMb: rss ? Number(rss[1]) / 1024 : Number.NaN,
          result,
          steps,
          stdout,
        })
      },
    )
  })
}

async function runImports(
  env: Record<string, string>,
  file: string,
): Promise<Pick<DbResult, 'import' | 'reimport' | 'nextMonth'>> {
  await cli(
    [
      'users',
      'add',
      '--email',
      'bench@example.com',
      '--name',
      'Bench',
      '--role',
      'admin',
      '--password',
      'bench-password-1',
    ],
    env,
  )
  log('  import …')
  const first = await cli(['import', 'portfolio', file, '--as-of', '2026-09-30', '--json'], env)
  log(`  import: ${first.seconds.toFixed(1)} s, ${JSON.stringify(first.result.imported)}`)
  const again = await cli(['import', 'portfolio', file, '--as-of', '2026-09-30', '--json'], env)
  log(`  same file again: ${again.seconds.toFixed(1)} s, unchanged ${again.result.unchanged}`)
  const next = await cli(['import', 'portfolio', file, '--as-of', '2026-10-31', '--json'], env)
  log(`  next month: ${next.seconds.toFixed(1)} s, ${JSON.stringify(next.result.imported)}`)
  return { import: first, reimport: again, nextMonth: next }
}

const COLUMNS = Array.from({ length: 12 }, (_, i) => `c${i + 1}`)

/** Splits the file into chunks of whole lines (the generated file has no newline inside a field). */
async function* fileChunks(file: string, skipHeader: boolean): AsyncGenerator<string> {
  let tail = ''
  let header = skipHeader
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 4 << 20 })) {
    let text = tail + chunk
    if (header) {
      text = text.slice(text.indexOf('\n') + 1)
      header = false
    }
    const cut = text.lastIndexOf('\n') + 1
    tail = text.slice(cut)
    if (cut) yield text.slice(0, cut)
  }
  if (tail) yield tail
}

/**
 * The rows the import stores for the file, as two CSV files (made once, outside any timing): one
 * engagement (partner, customer, workload, intent, phase, claimed) and one usage snapshot per row, with
 * partners and customers numbered by first appearance, as the import's ids would be.
 */
async function storedRowFiles(file: string): Promise<{ engagements: string; snapshots: string }> {
  const engagements = join(tmp, `stored-engagements-${rows}.csv`)
  const snapshots = join(tmp, `stored-snapshots-${rows}.csv`)
  if (existsSync(engagements) && existsSync(snapshots)) return { engagements, snapshots }
  const table = await openTable(file)
  const col = (name: string) => table.header.indexOf(name)
  const [pid, , tpid, , , , workload, intent, phase, claimed, licensed, active] = BENCH_HEADER.map(col)
  const partnerIds = new Map<string, number>()
  const customerIds = new Map<string, number>()
  const id = (m: Map<string, number>, k: string) => m.get(k) ?? m.set(k, m.size + 1).get(k)
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`
  const e = createWriteStream(engagements)
  const u = createWriteStream(snapshots)
  try {
    for await (const batch of table.batches()) {
      let eText = ''
      let uText = ''
      for (const { cells } of batch) {
        const c = id(customerIds, cells[tpid])
        eText += `${id(partnerIds, cells[pid])},${c},${cells[workload]},${q(cells[intent])},${q(cells[phase])},${/^y/i.test(cells[claimed])}\n`
        uText += `${c},${cells[workload]},2026-09-30,${cells[licensed]},${cells[active]},portfolio\n`
      }
      if (!e.write(eText)) await once(e, 'drain')
      if (!u.write(uText)) await once(u, 'drain')
    }
  } finally {
    table.close()
  }
  e.end()
  u.end()
  await Promise.all([once(e, 'finish'), once(u, 'finish')])
  return { engagements, snapshots }
}

const STORED = {
  engagements: {
    like: 'engagements',
    columns: 'partner_id, customer_id, workload_code, intent_status, phase, claimed',
    keys: [
      'alter table bench_stored_engagements add primary key (id)',
      'alter table bench_stored_engagements add unique (partner_id, customer_id, workload_code)',
      'create index on bench_stored_engagements (customer_id)',
    ],
  },
  snapshots: {
    like: 'usage_snapshots',
    columns: 'customer_id, workload_code, as_of, licensed_users, active_users, source',
    keys: [
      'alter table bench_stored_snapshots add primary key (id)',
      'alter table bench_stored_snapshots add unique (customer_id, workload_code, as_of, source)',
    ],
  },
} as const

/** The stored-rows floor on any database: `copy(table, columns, file)` streams a CSV file in. */
async function storedFloor(
  query: (text: string) => Promise<unknown>,
  copy: (table: string, columns: string, file: string) => Promise<void>,
  files: { engagements: string; snapshots: string },
): Promise<DbResult['storedFloor']> {
  for (const [name, t] of Object.entries(STORED))
    await query(`create table bench_stored_${name} (like ${t.like} including defaults including identity)`)
  const t0 = performance.now()
  for (const [name, t] of Object.entries(STORED))
    await copy(`bench_stored_${name}`, t.columns, files[name as keyof typeof STORED])
  const t1 = performance.now()
  for (const t of Object.values(STORED)) for (const k of t.keys) await query(k)
  const t2 = performance.now()
  for (const name of Object.keys(STORED)) await query(`drop table bench_stored_${name}`)
  return { seconds: (t2 - t0) / 1000, copySeconds: (t1 - t0) / 1000, keySeconds: (t2 - t1) / 1000 }
}

/** The database as the CLI opens it (same settings). */
function openBenchPglite(dataDir: string) {
  return new PGlite(join(dataDir, 'pgdata'), {
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((s) => ['-c', s])],
  })
}

async function storedFloorPglite(dataDir: string, files: { engagements: string; snapshots: string }) {
  const db = openBenchPglite(dataDir)
  await db.waitReady
  try {
    return await storedFloor(
      (text) => db.query(text),
      async (table, columns, file) => {
        for await (const text of fileChunks(file, false))
          await db.query(`copy ${table} (${columns}) from '/dev/blob' with (format csv)`, [], {
            blob: new Blob([text]),
          })
      },
      files,
    )
  } finally {
    await db.close()
  }
}

async function storedFloorPostgres(url: string, files: { engagements: string; snapshots: string }) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await storedFloor(
      (text) => client.query(text),
      async (table, columns, file) => {
        const stream = client.query(copyFrom(`copy ${table} (${columns}) from stdin with (format csv)`))
        createReadStream(file, { highWaterMark: 4 << 20 }).pipe(stream)
        await once(stream, 'finish')
      },
      files,
    )
  } finally {
    await client.end()
  }
}

async function floorPglite(dataDir: string, file: string) {
  const db = openBenchPglite(dataDir)
  await db.waitReady
  await db.query(`create table bench_floor (${COLUMNS.map((c) => `${c} text`).join(', ')})`)
  const t0 = performance.now()
  for await (const text of fileChunks(file, true)) {
    await db.query(`copy bench_floor from '/dev/blob' with (format csv)`, [], { blob: new Blob([text]) })
  }
  const seconds = (performance.now() - t0) / 1000
  await db.query('drop table bench_floor')
  await db.close()
  return { seconds, rowsPerSecond: rows / seconds }
}

async function floorPostgres(url: string, file: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query(`create table bench_floor (${COLUMNS.map((c) => `${c} text`).join(', ')})`)
  const t0 = performance.now()
  const stream = client.query(copyFrom('copy bench_floor from stdin with (format csv, header true)'))
  const input = createReadStream(file, { highWaterMark: 4 << 20 })
  input.pipe(stream)
  await once(stream, 'finish')
  const seconds = (performance.now() - t0) / 1000
  await client.query('drop table bench_floor')
  await client.end()
  return { seconds, rowsPerSecond: rows / seconds }
}

async function benchPglite(file: string): Promise<DbResult> {
  log('PGlite')
  const dataDir = join(tmp, 'pglite-data')
  rmSync(dataDir, { recursive: true, force: true })
  mkdirSync(dataDir, { recursive: true })
  const runs = await runImports({ TRELLIS_DATA_DIR: dataDir, DATABASE_URL: '' }, file)
  log('  raw COPY …')
  const floor = await floorPglite(dataDir, file)
  log('  stored-rows COPY …')
  const stored = await storedFloorPglite(dataDir, await storedRowFiles(file))
  rmSync(dataDir, { recursive: true, force: true })
  return dbResult('pglite', runs, floor, stored)
}

function dbResult(
  database: DbResult['database'],
  runs: Pick<DbResult, 'import' | 'reimport' | 'nextMonth'>,
  floor: DbResult['floor'],
  stored: DbResult['storedFloor'],
): DbResult {
  return {
    database,
    ...runs,
    floor,
    ratio: runs.import.rowsPerSecond / floor.rowsPerSecond,
    storedFloor: stored,
    ratioCeiling: floor.seconds / stored.seconds,
  }
}

/** A PostgreSQL server to use: BENCH_DATABASE_URL, or one started here. */
async function postgresServer(): Promise<{ url: string; stop: () => void } | { skipped: string }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: () => {} }
  const binDir = '/usr/lib/postgresql/15/bin'
  if (!existsSync(join(binDir, 'initdb')))
    return { skipped: `no BENCH_DATABASE_URL and no PostgreSQL in ${binDir}` }
  const port = Number(process.env.BENCH_PG_PORT ?? 54331)
  const dir = `/tmp/trellis-bench-pg-${port}`
  const asPostgres = process.getuid?.() === 0
  const sh = (cmd: string) =>
    asPostgres
      ? execFileSync('su', ['postgres', '-c', cmd], { stdio: 'pipe' })
      : execFileSync('sh', ['-c', cmd], { stdio: 'pipe' })
  try {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir)
    if (asPostgres) execFileSync('chown', ['postgres', dir])
    sh(`${binDir}/initdb -D ${dir}/data -A trust -U postgres`)
    sh(
      `${binDir}/pg_ctl -D ${dir}/data -o '-p ${port} -k ${dir} -c listen_addresses=127.0.0.1' -l ${dir}/log -w start`,
    )
  } catch (err) {
    return { skipped: `could not start a PostgreSQL server: ${(err as Error).message.split('\n')[0]}` }
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        sh(`${binDir}/pg_ctl -D ${dir}/data -m fast stop`)
      } catch {
        /* already stopped */
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function benchPostgres(file: string): Promise<DbResult | { database: 'postgres'; skipped: string }> {
  log('PostgreSQL')
  const server = await postgresServer()
  if ('skipped' in server) {
    log(`  skipped: ${server.skipped}`)
    return { database: 'postgres', skipped: server.skipped }
  }
  const name = `trellis_bench_${Date.now()}`
  const admin = new pg.Client({ connectionString: server.url })
  await admin.connect()
  await admin.query(`create database ${name}`)
  const url = new URL(server.url)
  url.pathname = `/${name}`
  try {
    const runs = await runImports({ DATABASE_URL: url.toString() }, file)
    log('  raw COPY …')
    const floor = await floorPostgres(url.toString(), file)
    log('  stored-rows COPY …')
    const stored = await storedFloorPostgres(url.toString(), await storedRowFiles(file))
    return dbResult('postgres', runs, floor, stored)
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.end()
    server.stop()
  }
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

mkdirSync(tmp, { recursive: true })
const file = join(tmp, `portfolio-${rows}.csv`)
if (!existsSync(file)) {
  log(`Generating ${fmt(rows)} rows → ${file}`)
  await generatePortfolioFile(file, rows)
}
log(`File: ${file} (${fmt(statSync(file).size / 1048576, 1)} MB)`)
const results = [await benchPglite(file), await benchPostgres(file)]

const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')
const lines = [
  '',
  `Portfolio import, ${fmt(rows)} rows (${fmt(statSync(file).size / 1048576, 1)} MB CSV), ${cpus().length} CPUs, ${fmt(totalmem() / 2 ** 30, 1)} GB, load average at the end ${load}`,
  '',
  '| database | import | rows/s | CLI CPU | raw COPY | rows/s | ratio | stored-rows COPY + keys | ratio ceiling | peak RSS (CLI) | same file again | next month |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
]
for (const r of results) {
  if ('skipped' in r) {
    lines.push(`| ${r.database} | skipped: ${r.skipped} |||||||||||`)
    continue
  }
  lines.push(
    `| ${r.database} | ${fmt(r.import.seconds, 1)} s | ${fmt(r.import.rowsPerSecond)} | ${fmt(r.import.cpuSeconds, 1)} s | ${fmt(r.floor.seconds, 1)} s | ${fmt(r.floor.rowsPerSecond)} | ${fmt(100 * r.ratio)} % | ${fmt(r.storedFloor.copySeconds, 1)} + ${fmt(r.storedFloor.keySeconds, 1)} s | ${fmt(100 * r.ratioCeiling)} % | ${fmt(r.import.peakRssMb)} MB | ${fmt(r.reimport.seconds, 1)} s | ${fmt(r.nextMonth.seconds, 1)} s |`,
  )
}
lines.push('', 'Targets:')
for (const r of results) {
  if ('skipped' in r) continue
  const ok = (b: boolean) => (b ? '✔' : '✖')
  lines.push(
    `  ${r.database}: ${ok(r.ratio >= TARGET_RATIO)} ≥ 50 % of raw COPY (${fmt(100 * r.ratio)} %; ceiling ${fmt(100 * r.ratioCeiling)} %)   ${ok(r.import.peakRssMb < TARGET_RSS_MB)} peak RSS < ${TARGET_RSS_MB} MB (${fmt(r.import.peakRssMb)} MB)`,
  )
  if (r.database === 'pglite' && rows === 1_000_000)
    lines.push(
      `  pglite: ${ok(r.import.seconds < TARGET_PGLITE_SECONDS_1M)} 1M rows < ${TARGET_PGLITE_SECONDS_1M} s (${fmt(r.import.seconds, 1)} s)`,
    )
}
for (const r of results) {
  if ('skipped' in r) continue
  const top = Object.entries(r.import.steps)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
  lines.push('', `Slowest database steps of the ${r.database} import (ms):`)
  for (const [step, ms] of top) lines.push(`  ${fmt(ms).padStart(8)}  ${step}`)
}
process.stdout.write(`${lines.join('\n')}\n`)

const date = new Date().toISOString().slice(0, 10)
const out = join(root, 'bench', 'results', `import-${date}.json`)
mkdirSync(join(root, 'bench', 'results'), { recursive: true })
writeFileSync(
  out,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      loadAverage: loadavg()
        .map((l) => l.toFixed(2))
        .join(' '),
      rows,
      fileBytes: statSync(file).size,
      cpus: cpus().length,
      node: process.version,
      results,
    },
    null,
    2,
  )}\n`,
)
log(`\nWritten: ${out}`)
