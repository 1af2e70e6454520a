/**
 * Data compliance, measured ad hoc (decision 015): `scripts/with-postgres.sh npx tsx bench/compliance.ts`.
 * Seeds the region dataset into a fresh PostgreSQL database (TRELLIS_TEST_PG_URL), scores the newest month,
 * adds a rhythm (a weekly ROB per partner, a touchpoint, an open escalation every third partner), then times
 * `totalsByPartner` for the region lead and the busiest FPM (p50/p95) and prints EXPLAIN ANALYZE of the
 * usage part. Prints JSON; writes nothing. KEEP=1 keeps the seeded database (its URL on stderr);
 * COMPLIANCE_DB_URL=… measures such a kept database again without seeding.
 */
import pg from 'pg'
import { openDatabase } from '#db/client'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import { complianceService } from '#server/modules/compliance/service'
import { ensureReferenceData } from '#server/modules/reference/service'
import { seedDataset } from '#server/seed/seed-dataset'
import { ms, timeIt } from './timing'

const log = (text: string) => process.stderr.write(`${text}\n`)
const adminUrl = process.env.TRELLIS_TEST_PG_URL
if (!adminUrl) throw new Error('run through scripts/with-postgres.sh')
const reuse = process.env.COMPLIANCE_DB_URL
const name = `bench_compliance_${Date.now()}`
const admin = new pg.Client({ connectionString: adminUrl })
await admin.connect()
const url = new URL(adminUrl)
url.pathname = `/${name}`
if (!reuse) await admin.query(`create database ${name}`)
const database = await openDatabase({ databaseUrl: reuse ?? url.toString(), dataDir: '', owner: 'bench' })
try {
  if (!reuse) await seed()
  await measure()
} finally {
  await database.close()
  if (!reuse && !process.env.KEEP) await admin.query(`drop database if exists ${name} with (force)`)
  else if (!reuse) log(`kept: ${url}`)
  await admin.end()
}

async function seed() {
  await ensureReferenceData(database)
  let t = performance.now()
  await seedDataset(database, { size: (process.env.SIZE as 'region') ?? 'region', seed: 1 })
  log(`seeded in ${(ms(t) / 1000).toFixed(1)} s`)
  t = performance.now()
  await analyticsRefresher(database).refresh({ latestOnly: true })
  log(`newest month scored in ${(ms(t) / 1000).toFixed(1)} s`)
  await database.sql.query(`
    insert into meeting_series (partner_id, kind, title, rrule, start_local, time_zone, duration_minutes, owner_user_id)
    select p.id, 'rob', 'ROB', 'FREQ=WEEKLY;INTERVAL=2', '2026-01-06T09:00', 'Europe/Berlin', 30, coalesce(p.fpm_user_id, 1)
    from partners p where p.id % 4 <> 0;
    insert into touchpoints (partner_id, occurred_on, kind, summary, logged_by)
    select p.id, current_date - (p.id % 30), 'call', 'Status', coalesce(p.fpm_user_id, 1) from partners p;
    insert into escalations (partner_id, title, severity, category, owner_user_id, raised_by, raised_at)
    select p.id, 'Blocked', 'high', 'product', coalesce(p.fpm_user_id, 1), coalesce(p.fpm_user_id, 1), now() - (p.id % 20) * interval '1 day'
    from partners p where p.id % 3 = 0;
    analyze;`)
}

async function measure() {
  const { rows: who } = await database.sql.query<{
    id: number
    role: string
    region_id: number | null
    email: string
  }>(
    `(select id, role, region_id, email from users where role = 'lead' order by id limit 1)
     union all
     (select u.id, u.role, u.region_id, u.email from users u join partners p on p.fpm_user_id = u.id
      group by u.id order by count(*) desc limit 1)`,
  )
  const service = complianceService(database)
  const results: Record<string, unknown> = {}
  for (const u of who) {
    const actor = { id: u.id, role: u.role as 'lead', regionId: u.region_id, email: u.email }
    const rows = await service.totalsByPartner(actor, {})
    const sum = rows.reduce((s, r) => ({ a: s.a + r.applicable, p: s.p + r.passed }), { a: 0, p: 0 })
    results[u.role] = {
      partners: rows.length,
      ...sum,
      ...(await timeIt(20, () => service.totalsByPartner(actor, {}), 3)),
    }
  }
  const { rows: plan } = await database.sql.query<{ 'QUERY PLAN': string }>(
    `explain analyze select c.primary_partner_id, count(*), count(*) filter (where (ch.inputs->>'newestAsOf')::date >= current_date - 31)
     from customer_health ch join customers c on c.id = ch.customer_id
     where ch.period = (select max(period) from customer_health) and c.archived_at is null
     group by 1`,
  )
  results.usagePlan = plan.map((r) => r['QUERY PLAN'])
  process.stdout.write(`${JSON.stringify(results, null, 1)}\n`)
}
