/**
 * The benchmarks' datasets: open an existing database (a seeded PGlite folder or a PostgreSQL URL) or seed a
 * fresh one of a size, and add a realistic rhythm of business to a dataset that has none. Shared by
 * bench/rhythm.ts and bench/scorecard.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { type Database, openDatabase } from '#db/client'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import { ensureReferenceData } from '#server/modules/reference/service'
import { defaultTaskCatalogue } from '#server/seed/demo-tasks'
import { type SeedSize, seedDataset } from '#server/seed/seed-dataset'
import { monthEnd } from '#shared/domain/periods'

const log = (text: string) => process.stderr.write(`${text}\n`)

/** The existing database at `location`, or a fresh one of `size` (PostgreSQL: under TRELLIS_TEST_PG_URL); null without PostgreSQL. */
export async function openBenchDatabase(
  kind: 'pglite' | 'postgres',
  location: string | undefined,
  size: SeedSize,
) {
  if (location) {
    const database = await openDatabase(
      kind === 'postgres'
        ? { databaseUrl: location, dataDir: '', owner: 'bench' }
        : { dataDir: location, owner: 'bench' },
    )
    return { database, existing: true, drop: async () => {} }
  }
  let drop = async () => {}
  let database: Database
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'trellis-bench-rhythm-'))
    database = await openDatabase({ dataDir: join(dir, 'data'), owner: 'bench' })
    drop = async () => rmSync(dir, { recursive: true, force: true })
  } else {
    const adminUrl = process.env.TRELLIS_TEST_PG_URL
    if (!adminUrl) return null
    const name = `bench_rhythm_${Date.now()}`
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`create database ${name}`)
    await admin.end()
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', owner: 'bench' })
    drop = async () => {
      const c = new pg.Client({ connectionString: adminUrl })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    }
  }
  await ensureReferenceData(database)
  log(`  ${kind}: seeding the ${size} dataset (many minutes)…`)
  await seedDataset(database, { size, seed: 1 })
  await analyticsRefresher(database).refresh()
  return { database, existing: false, drop }
}

/** A realistic few meetings, escalations and action items per partner, dated in the month (set-based). */
export async function addRhythm(database: Database, period: string) {
  const q = (text: string, params: unknown[] = []) => database.sql.query(text, params)
  const { rows } = await database.sql.query<{ n: number }>('select count(*)::int as n from meeting_series')
  if (rows[0]!.n > 0) return false
  const end = monthEnd(period)
  await q(
    `insert into meeting_series (partner_id, kind, title, rrule, start_local, time_zone, duration_minutes, owner_user_id, created_by)
     select p.id, k.kind, k.title || ' · ' || p.name, k.rrule, k.start_local, 'Europe/Berlin', k.minutes, p.fpm_user_id, p.fpm_user_id
     from partners p cross join (values
       ('mbr', 'Monthly business review', 'FREQ=MONTHLY;BYDAY=1TU', '2025-01-07T10:00', 60),
       ('rob', 'Rhythm of business', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', '2025-01-09T15:00', 30)
     ) as k(kind, title, rrule, start_local, minutes)
     where p.fpm_user_id is not null and p.archived_at is null`,
  )
  // Three escalations per partner raised in the month: one still open, one in progress, one resolved.
  await q(
    `with raised as (
       insert into escalations (partner_id, title, severity, category, status, owner_user_id, raised_by, raised_at)
       select p.id, (array['Tenant migration blocked','Licence assignment gap','Security baseline review'])[g],
              (array['high','medium','critical'])[g], (array['technical','commercial','technical'])[g],
              (array['open','in_progress','resolved'])[g], p.fpm_user_id, p.fpm_user_id,
              $1::date + (g * 6 + p.id % 5) * interval '1 day' + interval '9 hours'
       from partners p cross join generate_series(1, 3) g
       where p.fpm_user_id is not null and p.archived_at is null
       returning id, status, raised_at, owner_user_id)
     insert into escalation_events (escalation_id, kind, from_status, to_status, user_id, created_at)
     select id, 'raised', null, 'open', owner_user_id, raised_at from raised
     union all
     select id, 'status', 'open', 'in_progress', owner_user_id, raised_at + interval '1 day' from raised where status <> 'open'
     union all
     select id, 'status', 'in_progress', 'resolved', owner_user_id, raised_at + interval '3 days' from raised where status = 'resolved'`,
    [period],
  )
  await q(
    `insert into action_items (partner_id, title, owner_user_id, due_on, status, source, created_at, closed_at)
     select p.id, 'Follow-up ' || g || ' with ' || p.name, p.fpm_user_id,
            ($1::date + (g * 4) * interval '1 day')::date,
            case when g <= 2 then 'done' else 'open' end, 'manual',
            $1::date + (g * 3) * interval '1 day',
            case when g <= 2 then $1::date + (g * 3 + 2) * interval '1 day' end
     from partners p cross join generate_series(1, 6) g
     where p.fpm_user_id is not null and p.archived_at is null`,
    [period],
  )
  log(`  added MBR/ROB series, escalations and action items for every partner (month end ${end})`)
  return true
}

/**
 * Issue 5's program data for a dataset without it (set-based): the default task catalogue with one in five
 * engagements' outreach task done, eight NSAT answers per partner over the last year (partner and customer
 * surveys, a realistic spread) and an insight from two partners in three. False when tasks already exist.
 */
export async function addProgramData(database: Database): Promise<boolean> {
  const q = (text: string, params: unknown[] = []) => database.sql.query(text, params)
  const { rows } = await database.sql.query<{ n: number }>('select count(*)::int as n from task_definitions')
  if (rows[0]!.n > 0) return false
  for (const t of defaultTaskCatalogue)
    await q(
      `insert into task_definitions (code, name, description, mandatory, applies_to, expected_by, phase, days, workloads, sort_order)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        t.code,
        t.name,
        t.description ?? null,
        t.mandatory,
        t.appliesTo,
        t.expectedBy,
        t.phase ?? null,
        t.days ?? null,
        t.workloads ?? null,
        t.sortOrder,
      ],
    )
  await q(
    `insert into task_completions (task_id, partner_id, engagement_id, completed_on, completed_by, evidence)
     select (select id from task_definitions where code = '3616'), e.partner_id, e.id, e.created_at::date + 10,
            (select min(id) from users), 'bench'
     from engagements e where e.id % 5 = 0`,
  )
  await q(
    `insert into nsat_responses (partner_id, customer_id, respondent_name, respondent_key, responded_on, source, scale, answer, origin)
     select p.id, case when g % 2 = 0 then (select c.id from customers c where c.primary_partner_id = p.id limit 1) end,
            'Respondent ' || g, 'bench-' || p.id || '-' || g, current_date - (g * 41 + p.id % 30),
            case when g % 2 = 0 then 'customer_survey' else 'partner_survey' end, 'msit4',
            (array['very_satisfied','somewhat_satisfied','very_satisfied','somewhat_dissatisfied','very_satisfied','very_dissatisfied','somewhat_satisfied','very_satisfied'])[1 + (p.id + g) % 8],
            'import'
     from partners p cross join generate_series(1, 8) g where p.archived_at is null`,
  )
  await q(
    `insert into insights (partner_id, type, title, description, status, submitted_by, submitted_at)
     select p.id, 'product', 'Feedback from ' || p.name, 'Bench insight', 'submitted', p.fpm_user_id,
            now() - ((p.id * 7) % 300) * interval '1 day'
     from partners p where p.archived_at is null and p.fpm_user_id is not null and p.id % 3 <> 0`,
  )
  await q('analyze')
  log('  added the task catalogue and completions, NSAT answers and insights')
  return true
}
