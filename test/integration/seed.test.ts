import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, openDatabase } from '#db/client'
import { verifyPassword } from '#server/modules/auth/password'
import { DEMO_PASSWORD } from '#server/seed/demo'
import { PortfolioNotEmpty, plannedCounts, type SeedProgress, seedDataset } from '#server/seed/seed-dataset'
import { createTestDatabase } from '#test/helpers/db'
import { cliDatabase } from '#test/helpers/imports-cli'

const today = new Date('2026-11-25T00:00:00Z')
/** The region's shape at a size a test can write (region and global themselves are run by hand). */
const small = { regions: 2, partners: 50, customers: 400, engagements: 3_000, months: 4 }

async function tableCounts(db: Database) {
  const { rows } = await db.sql.query<Record<string, number>>(
    `select (select count(*)::int from regions) as regions, (select count(*)::int from users) as users,
       (select count(*)::int from partners) as partners, (select count(*)::int from partner_endorsements) as endorsements,
       (select count(*)::int from partner_smes) as smes, (select count(*)::int from stakeholders) as stakeholders,
       (select count(*)::int from customers) as customers, (select count(*)::int from engagements) as engagements,
       (select count(*)::int from usage_snapshots) as snapshots`,
  )
  return rows[0]
}

/** The demo's rhythm of business (meetings, actions, escalations, engagement log) and NSAT responses, as the demo counts it. */
async function rhythmCounts(db: Database) {
  const { rows } = await db.sql.query<Record<string, number>>(
    `select (select count(*)::int from meeting_series) as "meetingSeries",
       (select count(*)::int from meeting_occurrences where status = 'held') as "meetingsHeld",
       (select count(*)::int from action_items) as "actionItems", (select count(*)::int from escalations) as escalations,
       (select count(*)::int from touchpoints) as touchpoints,
       (select count(*)::int from nsat_responses) as "nsatResponses",
       (select count(*)::int from insights) as insights, (select count(*)::int from spotlights) as spotlights,
       (select count(*)::int from referrals) as referrals`,
  )
  return rows[0]
}

describe('seedDataset (the region/global writer, at a small scale)', () => {
  let db: Database
  beforeAll(async () => {
    db = await createTestDatabase()
  })
  afterAll(async () => {
    await db.close()
  })

  it('writes exactly the planned rows, reports progress per phase, and leaves a usable database', async () => {
    const progress: SeedProgress[] = []
    const counts = await seedDataset(db, {
      size: 'global',
      seed: 3,
      today,
      target: small,
      onProgress: (p) => progress.push(p),
    })
    expect(counts).toMatchObject({
      regions: 2,
      partners: 100,
      customers: 800,
      engagements: 6_000,
      snapshots: 24_000,
    })
    expect(await tableCounts(db)).toEqual(counts)
    expect([...new Set(progress.map((p) => p.phase))]).toEqual([
      'partners',
      'customers',
      'engagements',
      'snapshots',
      'finishing',
    ])
    expect(progress.filter((p) => p.phase === 'snapshots').at(-1)).toEqual({
      phase: 'snapshots',
      done: 24_000,
      total: 24_000,
    })

    // Foreign keys hold, although their triggers were skipped while writing.
    const orphans = await db.sql.query<{ n: number }>(
      `select (select count(*) from engagements e left join customers c on c.id = e.customer_id left join partners p on p.id = e.partner_id where c.id is null or p.id is null)
        + (select count(*) from usage_snapshots u left join customers c on c.id = u.customer_id where c.id is null)
        + (select count(*) from customers c left join partners p on p.id = c.primary_partner_id where p.id is null)
        + (select count(*) from partners p left join users u on u.id = p.fpm_user_id where u.id is null or u.role <> 'fpm') as n`,
    )
    expect(Number(orphans.rows[0].n)).toBe(0)
    // Snapshots: month ends before `today`, active within licences.
    const dates = await db.sql.query<{ as_of: string }>(
      `select distinct to_char(as_of, 'YYYY-MM-DD') as as_of from usage_snapshots order by 1`,
    )
    expect(dates.rows.map((r) => r.as_of)).toEqual(['2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31'])
    const bad = await db.sql.query<{ n: number }>(
      'select count(*)::int as n from usage_snapshots where active_users > licensed_users or active_users < 0',
    )
    expect(bad.rows[0].n).toBe(0)

    // Indexes and unique constraints are back; identity sequences continue after the seeded ids.
    const constraints = await db.sql.query<{ conname: string }>(
      `select conname from pg_constraint where contype = 'u' and conrelid in ('customers'::regclass, 'engagements'::regclass, 'usage_snapshots'::regclass) order by 1`,
    )
    expect(constraints.rows.map((r) => r.conname)).toEqual([
      'customers_tpid_unique',
      'engagements_natural_key',
      'usage_snapshots_natural_key',
    ])
    await expect(
      db.sql.query('insert into customers (tpid, name) select tpid, name from customers limit 1'),
    ).rejects.toThrow(/customers_tpid_unique/)
    const next = await db.sql.query<{ id: number }>(
      `insert into partners (program_id, name) values ('NEW-1', 'New partner') returning id`,
    )
    expect(next.rows[0].id).toBe(101)

    // The demo logins sign in with the demo password; a lead per region.
    const users = await db.sql.query<{ email: string; role: string; password_hash: string }>(
      `select email, role, password_hash from users order by id`,
    )
    const fpm = users.rows.find((u) => u.email === 'fpm@trellis.example')!
    expect(fpm.role).toBe('fpm')
    expect(await verifyPassword(fpm.password_hash, DEMO_PASSWORD)).toBe(true)
    expect(users.rows.filter((u) => u.role === 'lead')).toHaveLength(2)
  })

  it('refuses a database that holds a portfolio, and writes nothing', async () => {
    const before = await tableCounts(db)
    await expect(seedDataset(db, { size: 'region', today, target: small })).rejects.toBeInstanceOf(
      PortfolioNotEmpty,
    )
    await expect(seedDataset(db, { size: 'demo', today })).rejects.toBeInstanceOf(PortfolioNotEmpty)
    expect(await tableCounts(db)).toEqual(before)
  })
})

describe('trellis seed (CLI)', () => {
  let cli: Awaited<ReturnType<typeof cliDatabase>>
  beforeAll(async () => {
    cli = await cliDatabase()
  })
  afterAll(async () => {
    await cli.cleanup()
  })

  it('explains itself with --help (exit 0) and refuses wrong arguments (exit 2)', async () => {
    const help = await cli.run(['seed', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/Usage: trellis seed \[options\]/)
    expect(help.stdout).toMatch(/300 partners, 30,000 customers, 300,000 engagements/)
    const size = await cli.run(['seed', '--size', 'huge'])
    expect(size.code).toBe(2)
    expect(size.stderr).toMatch(/--size must be one of: demo, region, global \(got "huge"\)/)
    const seed = await cli.run(['seed', '--seed', 'abc'])
    expect(seed.code).toBe(2)
    expect(seed.stderr).toMatch(/--seed must be a whole number/)
  })

  it('seeds the demo (exit 0, counts as JSON), then refuses the non-empty database (exit 1)', async () => {
    const first = await cli.run(['seed', '--size', 'demo', '--today', '2026-11-25', '--json'])
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    const body = JSON.parse(first.stdout)
    expect(body).toMatchObject({ size: 'demo', seed: 1, counts: plannedCounts('demo', 1, today) })
    expect(body.counts).toMatchObject({ regions: 2, users: 7, partners: 24 })
    expect(body.seconds).toBeGreaterThan(0)

    const db = await openDatabase({
      databaseUrl: cli.env.DATABASE_URL || undefined,
      dataDir: cli.env.TRELLIS_DATA_DIR,
      owner: 'seed test',
    })
    try {
      const counts = { ...(await tableCounts(db)), ...(await rhythmCounts(db)) }
      expect(counts).toEqual(body.counts)
      expect(body.counts.meetingSeries).toBeGreaterThan(20)
      expect(body.counts.escalations).toBeGreaterThan(5)
      expect(body.counts.insights).toBeGreaterThan(5)
      expect(body.counts.spotlights).toBeGreaterThan(2)
    } finally {
      await db.close()
    }

    const again = await cli.run(['seed', '--size', 'region'])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already holds a portfolio: 24 partners/)
    expect(again.stderr).toMatch(/TRELLIS_DATA_DIR=\.\/data-region npx trellis seed --size region/)
  })
})
