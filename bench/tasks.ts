/**
 * Milestones and tasks benchmark: `npm run bench:tasks [-- --runs N]` (PostgreSQL from scripts/with-postgres.sh).
 *
 * Builds the region dataset's portfolio shape in SQL (300 partners in one region, 10 FPMs, 30,000 customers,
 * 300,000 engagements over every phase, phase_since and start on weekly import days over a year; usage snapshots are
 * left out: no task query reads them), the default catalogue (9 engagement and 5 partner tasks) and 60,000
 * completions, then measures p50/p95 of:
 *   - totalsByPartner for the region lead (every partner, all time and one quarter), and for one FPM;
 *   - GET-level services: the summary, the first page of the overdue list, the card of the largest partner.
 * Prints a table and writes bench/results/tasks-<date>-postgres.json (with the load average).
 */
import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { sql } from 'drizzle-orm'
import { execRows, openDatabase } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import { ensureReferenceData } from '#server/modules/reference/service'
import { allTime, tasksService } from '#server/modules/tasks/service'
import { defaultTaskCatalogue } from '#server/seed/demo-tasks'
import { phases } from '#shared/domain/portfolio'
import { timeIt } from './timing'

const url = process.env.TRELLIS_TEST_PG_URL
if (!url) throw new Error('TRELLIS_TEST_PG_URL is not set: run through scripts/with-postgres.sh')
/**
 * phase_since and created_at are stamped by the database when an import or an edit writes the row, so they
 * fall on import days: weekly imports over a year by default (52 days); `--daily` spreads them over 700
 * distinct days (every engagement its own dates: the worst case of the grouped count).
 */
const daily = process.argv.includes('--daily')
const spread = daily ? 700 : 52
const step = daily ? 1 : 7
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 20)
const log = (text: string) => process.stderr.write(`${text}\n`)

const database = await openDatabase({ databaseUrl: url, dataDir: '', owner: 'bench' })
await ensureReferenceData(database)
const { db } = database
const t0 = performance.now()
const ph = sql.raw(`array[${phases.map((p) => `'${p}'`).join(',')}]`)
await db.execute(sql`insert into regions (name) values ('Bench region')`)
await db.execute(sql`insert into users (email, display_name, role, region_id, password_hash)
  select 'fpm' || g || '@bench.example', 'FPM ' || g, 'fpm', (select id from regions limit 1), 'x' from generate_series(1, 10) g`)
await db.execute(sql`insert into users (email, display_name, role, region_id, password_hash)
  values ('lead@bench.example', 'Lead', 'lead', (select id from regions limit 1), 'x')`)
await db.execute(sql`insert into partners (program_id, name, status, region_id, fpm_user_id, joined_on)
  select 'B' || g, 'Partner ' || g, 'active', (select id from regions limit 1),
         (select id from users where email = 'fpm' || (g % 10 + 1) || '@bench.example'), current_date - (g * 2)
  from generate_series(1, 300) g`)
await db.execute(sql`insert into customers (tpid, name, primary_partner_id)
  select 'T' || g, 'Customer ' || g, (select min(id) from partners) + (g % 300) from generate_series(1, 30000) g`)
await db.execute(sql`insert into engagements (partner_id, customer_id, workload_code, intent_status, phase, phase_since, created_at)
  select c.primary_partner_id, c.id, w.code, 'in_progress', (${ph})[1 + (c.id * 7 + w.sort) % 8],
         now() - ((c.id * 13 + w.sort * 29) % ${spread}) * ${step}::int * interval '1 day', now() - ((c.id * 13 + w.sort * 29) % ${spread} * ${step}::int + 30) * interval '1 day'
  from customers c cross join (select code, sort from workloads order by sort limit 10) w`)
for (const task of defaultTaskCatalogue)
  await db.execute(sql`insert into task_definitions (code, name, mandatory, applies_to, expected_by, phase, days, workloads, sort_order)
    values (${task.code}, ${task.name}, ${task.mandatory}, ${task.appliesTo}, ${task.expectedBy}, ${task.phase ?? null},
            ${task.days ?? null}, ${task.workloads ? sql`${`{${task.workloads.join(',')}}`}::text[]` : sql`null`}, ${task.sortOrder})`)
await db.execute(sql`insert into task_completions (task_id, partner_id, engagement_id, completed_on, completed_by, evidence)
  select (select id from task_definitions where code = '3616'), e.partner_id, e.id, e.created_at::date + 10,
         (select min(id) from users), 'bench'
  from engagements e where e.id % 5 = 0`)
await db.execute(sql`analyze`)
const [{ n }] = (await execRows<{ n: number }>(db, sql`select count(*)::int as n from engagements`)) as [
  { n: number },
]
log(`seeded ${n} engagements in ${Math.round(performance.now() - t0)} ms`)

const actorOf = async (email: string): Promise<Actor> => {
  const [u] = await execRows<Actor>(
    db,
    sql`select id, role, region_id as "regionId", email from users where email = ${email}`,
  )
  return u!
}
const lead = await actorOf('lead@bench.example')
const fpm = await actorOf('fpm1@bench.example')
const svc = tasksService(database)
const [big] = await execRows<{ id: number }>(
  db,
  sql`select partner_id as id from engagements group by 1 order by count(*) desc limit 1`,
)
const quarter = { from: '2026-07-01', to: '2026-10-01' }
const cases: [string, () => Promise<unknown>][] = [
  ['totalsByPartner, region lead, all time', () => svc.totalsByPartner(lead, {}, allTime)],
  ['totalsByPartner, region lead, one quarter', () => svc.totalsByPartner(lead, {}, quarter)],
  ['totalsByPartner, one FPM (30 partners)', () => svc.totalsByPartner(fpm, {}, allTime)],
  ['summary, region lead', () => svc.summary(lead, {})],
  [
    'partner card, largest partner',
    () => svc.partnerTasks(lead, big!.id, { page: 1, pageSize: 25, show: 'open' }),
  ],
  ['overdue list, first page, region lead', () => svc.overdue(lead, { page: 1, pageSize: 25 })],
]
const results: Record<string, { p50: number; p95: number }> = {}
for (const [what, fn] of cases) {
  const r = await timeIt(what.startsWith('overdue') ? Math.min(runs, 3) : runs, fn, 1)
  results[what] = r
  log(`${what}: p50 ${Math.round(r.p50)} ms, p95 ${Math.round(r.p95)} ms`)
}
const rows = Object.entries(results).map(([what, r]) => ({
  what,
  p50: Math.round(r.p50),
  p95: Math.round(r.p95),
}))
console.table(rows)
const stamp = new Date().toISOString().slice(0, 10)
writeFileSync(
  `bench/results/tasks-${stamp}-postgres${daily ? '-daily' : ''}.json`,
  `${JSON.stringify({ engagements: n, distinctDays: spread, runs, loadavg: loadavg(), results: rows }, null, 2)}\n`,
)
await database.close()
