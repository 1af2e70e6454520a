import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#db/client'
import { aggregate, type HealthEngagement } from '#server/modules/analytics/health/aggregate'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import { seedDemoIfEmpty } from '#server/seed/demo'
import type { HealthAggregate } from '#shared/contracts/analytics'
import { defaultProgramSettings } from '#shared/contracts/settings'
import { monthEnd } from '#shared/domain/periods'
import type { IntentStatus, Phase } from '#shared/domain/portfolio'
import { createTestDatabase } from '#test/helpers/db'

let database: Database
beforeAll(async () => {
  database = await createTestDatabase()
  await seedDemoIfEmpty(database)
  await analyticsRefresher(database).ensureComputed()
})
afterAll(() => database?.close())

type Snap = { as_of: string; licensed_users: number; active_users: number; source: string }

/** The engagements of a customer (or partner) as the TypeScript definition sees them in a period, read row by row. */
async function engagementsAt(where: string, id: number, period: string): Promise<HealthEngagement[]> {
  const end = monthEnd(period)
  const { rows } = await database.sql.query<{
    id: number
    customer_id: number
    workload_code: string
    intent_status: IntentStatus
    phase: Phase
  }>(
    `select e.id, e.customer_id, e.workload_code, e.intent_status, e.phase from engagements e
     join customers c on c.id = e.customer_id and c.archived_at is null
     join partners p on p.id = e.partner_id and p.archived_at is null
     where e.archived_at is null and e.${where} = $1`,
    [id],
  )
  const out: HealthEngagement[] = []
  for (const e of rows) {
    const { rows: snaps } = await database.sql.query<Snap>(
      `select as_of::text as as_of, licensed_users, active_users, source from usage_snapshots
       where customer_id = $1 and workload_code = $2 order by as_of`,
      [e.customer_id, e.workload_code],
    )
    // newest on or before the period's end; graph_csv wins on the same date
    const pick = (list: Snap[]) =>
      list.reduce<Snap | null>(
        (best, s) =>
          !best || s.as_of > best.as_of || (s.as_of === best.as_of && s.source === 'graph_csv') ? s : best,
        null,
      )
    const latest = pick(snaps.filter((s) => s.as_of <= end))
    const previous = latest ? pick(snaps.filter((s) => s.as_of < `${latest.as_of.slice(0, 7)}-01`)) : null
    const as = (s: Snap | null) =>
      s ? { asOf: s.as_of, licensed: s.licensed_users, active: s.active_users } : null
    out.push({ intentStatus: e.intent_status, phase: e.phase, latest: as(latest), previous: as(previous) })
  }
  return out
}

function expectSameAggregate(stored: HealthAggregate, expected: HealthAggregate) {
  for (const key of Object.keys(expected) as (keyof HealthAggregate)[]) {
    const a = stored[key]
    const b = expected[key]
    if (typeof b === 'number') expect(a as number, key).toBeCloseTo(b, 6)
    else expect(a, key).toEqual(b)
  }
}

describe('analytics refresh: the SQL computes exactly the TypeScript definition', () => {
  it('for customers and partners, in the newest and an older period', async () => {
    const { rows: periods } = await database.sql.query<{ period: string }>(
      'select distinct period::text as period from customer_health order by 1',
    )
    expect(periods.length).toBeGreaterThanOrEqual(12)
    for (const period of [periods.at(-1)!.period, periods[3]!.period]) {
      const { rows: customers } = await database.sql.query<{ customer_id: number; inputs: HealthAggregate }>(
        'select customer_id, inputs from customer_health where period = $1 order by customer_id limit 6',
        [period],
      )
      for (const c of customers) {
        const expected = aggregate(
          await engagementsAt('customer_id', c.customer_id, period),
          defaultProgramSettings.program.adoptionMilestone,
          monthEnd(period),
        )
        expectSameAggregate(c.inputs, expected)
      }
      const { rows: partners } = await database.sql.query<{ partner_id: number; inputs: HealthAggregate }>(
        'select partner_id, inputs from partner_health where period = $1 order by partner_id limit 2',
        [period],
      )
      for (const p of partners) {
        const expected = aggregate(
          await engagementsAt('partner_id', p.partner_id, period),
          defaultProgramSettings.program.adoptionMilestone,
          monthEnd(period),
        )
        expectSameAggregate(p.inputs, expected)
      }
    }
  })

  it('an engagement edit rescoring today leaves the past periods as they were', async () => {
    const {
      rows: [c],
    } = await database.sql.query<{ customer_id: number; engagement_id: number }>(
      `select e.customer_id, e.id as engagement_id from engagements e where e.intent_status = 'in_progress' order by e.id limit 1`,
    )
    const before = await database.sql.query<{ period: string; score: number }>(
      'select period::text as period, score from customer_health where customer_id = $1 order by period',
      [c!.customer_id],
    )
    await database.sql.query(`update engagements set intent_status = 'blocked' where id = $1`, [
      c!.engagement_id,
    ])
    await analyticsRefresher(database).afterCustomerChange(c!.customer_id)
    const after = await database.sql.query<{ period: string; score: number }>(
      'select period::text as period, score from customer_health where customer_id = $1 order by period',
      [c!.customer_id],
    )
    expect(after.rows.slice(0, -1)).toEqual(before.rows.slice(0, -1))
    expect(after.rows.at(-1)!.score).toBeLessThan(before.rows.at(-1)!.score)
  })

  it("the dashboard's share and its change since last month match the rollup summed by hand", async () => {
    const { dashboardsService } = await import('#server/modules/analytics/dashboards/service')
    const d = await dashboardsService(database).dashboard(
      { id: 0, role: 'admin', regionId: null, email: 'admin@test' },
      {},
    )
    const sums = async (period: string) =>
      (
        await database.sql.query<{ licensed: number; active: number }>(
          `select sum(licensed)::float8 as licensed, sum(active)::float8 as active from partner_workload_monthly m
           join partners p on p.id = m.partner_id and p.archived_at is null where m.period = $1`,
          [period],
        )
      ).rows[0]!
    const now = await sums(d.period!)
    const before = await sums(d.periods.at(-2)!)
    expect(d.totals.share).toBeCloseTo(now.active / now.licensed, 9)
    expect(d.totals.shareDelta).toBeCloseTo(now.active / now.licensed - before.active / before.licensed, 9)
    // Milestones and funnel: the rollup's count arrays summed position by position, by hand.
    const { rows } = await database.sql.query<{ m: number[]; f: number[] }>(
      `select milestone_counts as m, phase_counts as f from partner_workload_monthly x
       join partners p on p.id = x.partner_id and p.archived_at is null where x.period = $1`,
      [d.period],
    )
    const add = (arrays: number[][], n: number) =>
      Array.from({ length: n }, (_, i) => arrays.reduce((sum, a) => sum + (a[i] ?? 0), 0))
    expect(d.milestones.map((m) => m.engagements)).toEqual(
      add(
        rows.map((r) => r.m),
        d.milestones.length,
      ),
    )
    expect(d.milestones.some((m) => m.engagements > 0)).toBe(true)
    expect(d.funnel.map((f) => f.engagements)).toEqual(
      add(
        rows.map((r) => r.f),
        d.funnel.length,
      ),
    )
  })
})

describe('the region × FPM rollup', () => {
  type Actor = import('#server/modules/access/actor').Actor
  async function actors(): Promise<Actor[]> {
    const { rows } = await database.sql.query<{
      id: number
      role: Actor['role']
      region_id: number | null
      email: string
    }>(
      `select id, role, region_id, email from users where role in ('admin', 'lead', 'fpm', 'sme', 'viewer') order by id`,
    )
    return rows.map((u) => ({ id: u.id, role: u.role, regionId: u.region_id, email: u.email }))
  }
  /** The usage trend of the actor's live partners, summed from the partner rollup by hand. */
  async function expectedTrend(a: Actor) {
    const visible =
      a.role === 'admin' || (a.role === 'viewer' && a.regionId === null)
        ? 'true'
        : a.role === 'fpm'
          ? `p.fpm_user_id = ${a.id}`
          : a.role === 'sme'
            ? `p.id in (select partner_id from partner_smes where user_id = ${a.id})`
            : `p.region_id = ${a.regionId}`
    const { rows } = await database.sql.query<{
      period: string
      workload: string
      licensed: number
      active: number
    }>(
      `select m.period::text as period, m.workload_code as workload, sum(m.licensed)::float8 as licensed,
              sum(m.active)::float8 as active
       from partner_workload_monthly m join partners p on p.id = m.partner_id and p.archived_at is null
       where ${visible} group by 1, 2 order by 1, 2`,
    )
    return rows.map((r) => `${r.period} ${r.workload} ${r.licensed} ${r.active}`)
  }
  async function trendOf(a: Actor, mine = false) {
    const { dashboardsService } = await import('#server/modules/analytics/dashboards/service')
    const d = await dashboardsService(database).dashboard(a, mine ? { mine: true } : {})
    return d.trend.map((t) => `${t.period} ${t.workloadCode} ${t.licensed} ${t.active}`)
  }

  it('gives every role the trend of exactly its partners, also after a partner moves or is archived', async () => {
    const all = await actors()
    expect(new Set(all.map((a) => a.role)).size).toBe(5)
    for (const a of all) expect(await trendOf(a), `${a.role} ${a.email}`).toEqual(await expectedTrend(a))

    const { partnersService } = await import('#server/modules/partners/service')
    const admin = all.find((a) => a.role === 'admin')!
    const [fpmA, fpmB] = all.filter((a) => a.role === 'fpm')
    const { rows } = await database.sql.query<{ id: number }>(
      'select id from partners where fpm_user_id = $1 and archived_at is null order by id limit 1',
      [fpmA!.id],
    )
    const moved = rows[0]!.id
    const beforeB = await trendOf(fpmB!, true)
    await partnersService(database).update(admin, moved, { fpmUserId: fpmB!.id })
    const afterB = await trendOf(fpmB!, true)
    expect(afterB).not.toEqual(beforeB)
    expect(afterB).toEqual(await expectedTrend(fpmB!))
    expect(await trendOf(fpmA!, true)).toEqual(await expectedTrend(fpmA!))

    await partnersService(database).setArchived(admin, moved, true)
    expect(await trendOf(fpmB!, true)).toEqual(beforeB)
    expect(await trendOf(admin)).toEqual(await expectedTrend(admin))
  })
})

const q = async <T>(text: string, params?: unknown[]) => (await database.sql.query<T>(text, params)).rows
const newestPeriod = async () =>
  (await q<{ period: string }>('select max(period)::text as period from customer_health'))[0]!.period

describe('a refresh commits the scores before it finds the opportunities', () => {
  it('keeps the new scores when finding the opportunities fails, and leaves no working table behind', async () => {
    const period = await newestPeriod()
    const [{ at }] = (await q<{ at: string }>('select clock_timestamp()::text as at')) as [{ at: string }]
    const before = await q<{ id: number }>('select id from opportunities order by id')
    // Every write into opportunities fails (ALWAYS: the refresh skips ordinary triggers).
    await q(`create function fail_opportunities() returns trigger language plpgsql as $$
             begin raise exception 'opportunities unavailable'; end $$`)
    await q(`create trigger fail_opportunities before insert on opportunities
             for each statement execute function fail_opportunities()`)
    await q('alter table opportunities enable always trigger fail_opportunities')
    try {
      await expect(analyticsRefresher(database).refresh({ periods: [period] })).rejects.toThrow(
        /opportunities unavailable/,
      )
      // The period's scores were rewritten and committed; the opportunities rolled back as they were.
      const [scores] = await q<{ n: number; stale: number }>(
        `select count(*)::int as n, count(*) filter (where computed_at < $2::timestamptz)::int as stale
         from customer_health where period = $1::date`,
        [period, at],
      )
      expect(scores!.n).toBeGreaterThan(0)
      expect(scores!.stale).toBe(0)
      expect(await q('select id from opportunities order by id')).toEqual(before)
      expect(await q(`select to_regclass('pg_temp.analytics_cur') as t`)).toEqual([{ t: null }])
    } finally {
      await q('drop trigger fail_opportunities on opportunities')
      await q('drop function fail_opportunities()')
    }
    const result = await analyticsRefresher(database).refresh({ periods: [period] })
    expect(result.scoresMs).toBeLessThanOrEqual(result.ms)
    expect(result.opportunitiesMs).toBeGreaterThan(0)
    expect((await q<{ n: number }>('select count(*)::int as n from opportunities'))[0]!.n).toBe(before.length)
  })
})

describe('maintenance after a whole refresh', () => {
  it('on PGlite (no autovacuum) reclaims the rescored rows: rescoring a period again and again does not grow its tables', async () => {
    const period = await newestPeriod()
    const size = async () =>
      (
        await q<{ bytes: string }>(
          `select (pg_relation_size('customer_health') + pg_relation_size('partner_workload_monthly'))::text as bytes`,
        )
      )[0]!.bytes
    const first = await analyticsRefresher(database).refresh({ periods: [period] })
    expect('maintenance' in first.steps).toBe(database.kind === 'pglite')
    if (database.kind !== 'pglite') return // PostgreSQL's autovacuum runs on its own schedule
    const after = await size()
    for (let i = 0; i < 4; i++) await analyticsRefresher(database).refresh({ periods: [period] })
    // Without the VACUUM each rescoring appends a new copy of the period's rows: four more copies.
    expect(await size()).toBe(after)
  })
})
