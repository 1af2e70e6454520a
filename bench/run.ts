/**
 * Import benchmark: `npm run bench [-- --rows N]`.
 *
 * Generates a deterministic portfolio file of N rows (default 1,000,000) in bench/tmp, then on PGlite
 * and on PostgreSQL:
 *   - imports it with the CLI (`trellis import portfolio`), as its own process, so peak RSS is the CLI's
 *     (GNU time); then imports it again (nothing changes) and once more for the next month (new as-of);
 *   - COPYs the same rows into a plain table of the same database: the floor.
 * PostgreSQL: BENCH_DATABASE_URL (a server where we may create databases), else a throwaway server
 * started here on port 54331 (initdb, as the postgres user when run as root), else skipped with a note.
 * Prints a table and writes bench/results/import-<date>.json.
 */
import { execFile, execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { createReadStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { generatePortfolioFile } from './generate'

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

async function floorPglite(dataDir: string, file: string) {
  const db = new PGlite(join(dataDir, 'pgdata'))
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
  rmSync(dataDir, { recursive: true, force: true })
  return { database: 'pglite', ...runs, floor, ratio: runs.import.rowsPerSecond / floor.rowsPerSecond }
}

/** A PostgreSQL server to use: BENCH_DATABASE_URL, or one started here. */
async function postgresServer(): Promise<{ url: string; stop: () => void } | { skipped: string }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: () => {} }
  const binDir = '/usr/lib/postgresql/15/bin'
  if (!existsSync(join(binDir, 'initdb')))
    return { skipped: `no BENCH_DATABASE_URL and no PostgreSQL in ${binDir}` }
  const dir = '/tmp/trellis-bench-pg'
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
      `${binDir}/pg_ctl -D ${dir}/data -o '-p 54331 -k ${dir} -c listen_addresses=127.0.0.1' -l ${dir}/log -w start`,
    )
  } catch (err) {
    return { skipped: `could not start a PostgreSQL server: ${(err as Error).message.split('\n')[0]}` }
  }
  return {
    url: 'postgres://postgres@127.0.0.1:54331/postgres',
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
    return { database: 'postgres', ...runs, floor, ratio: runs.import.rowsPerSecond / floor.rowsPerSecond }
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
  '| database | import | rows/s | CLI CPU | raw COPY | rows/s | ratio | peak RSS (CLI) | same file again | next month |',
  '|---|---|---|---|---|---|---|---|---|---|',
]
for (const r of results) {
  if ('skipped' in r) {
    lines.push(`| ${r.database} | skipped: ${r.skipped} |||||||||`)
    continue
  }
  lines.push(
    `| ${r.database} | ${fmt(r.import.seconds, 1)} s | ${fmt(r.import.rowsPerSecond)} | ${fmt(r.import.cpuSeconds, 1)} s | ${fmt(r.floor.seconds, 1)} s | ${fmt(r.floor.rowsPerSecond)} | ${fmt(100 * r.ratio)} % | ${fmt(r.import.peakRssMb)} MB | ${fmt(r.reimport.seconds, 1)} s | ${fmt(r.nextMonth.seconds, 1)} s |`,
  )
}
lines.push('', 'Targets:')
for (const r of results) {
  if ('skipped' in r) continue
  const ok = (b: boolean) => (b ? '✔' : '✖')
  lines.push(
    `  ${r.database}: ${ok(r.ratio >= TARGET_RATIO)} ≥ 50 % of raw COPY (${fmt(100 * r.ratio)} %)   ${ok(r.import.peakRssMb < TARGET_RSS_MB)} peak RSS < ${TARGET_RSS_MB} MB (${fmt(r.import.peakRssMb)} MB)`,
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
