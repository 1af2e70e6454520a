import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { healthRepository } from '#server/modules/analytics/health/repository'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import { DEMO_PASSWORD, seedDemoIfEmpty } from '#server/seed/demo'
import type { SubjectHealth } from '#shared/contracts/analytics'
import { defaultProgramSettings } from '#shared/contracts/settings'
import { monthEnd } from '#shared/domain/periods'
import { createAccessTestApp, createTestApp, type TestApp } from '#test/helpers/app'

const sumOfPoints = (h: SubjectHealth) => h.current!.factors.reduce((s, f) => s + f.points, 0)
const bandOf = (score: number) =>
  score >= defaultProgramSettings.health.bands.healthy
    ? 'healthy'
    : score >= defaultProgramSettings.health.bands.watch
      ? 'watch'
      : 'at_risk'

describe('health scores over the demo data', () => {
  let t: TestApp
  let admin: string
  beforeAll(async () => {
    t = await createTestApp()
    await seedDemoIfEmpty(t.database)
    // As at start-up (main.ts): every period is computed once when there is data but no score.
    await analyticsRefresher(t.database).ensureComputed()
    admin = await t.cookieFor('admin@trellis.example', DEMO_PASSWORD)
  })
  afterAll(() => t.close())

  const health = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: admin } })
    expect(res.statusCode).toBe(200)
    return res.json() as SubjectHealth
  }

  it('every customer and partner shown has a score whose factors add up to it', async () => {
    const customers = (
      await t.app.inject({ method: 'GET', url: '/api/customers?pageSize=8', headers: { cookie: admin } })
    ).json().items as { id: number }[]
    const partners = (
      await t.app.inject({ method: 'GET', url: '/api/partners?pageSize=4', headers: { cookie: admin } })
    ).json().items as { id: number }[]
    expect(customers.length).toBeGreaterThan(3)
    const subjects = [
      ...customers.map((c) => `/api/customers/${c.id}/health`),
      ...partners.map((p) => `/api/partners/${p.id}/health`),
    ]
    for (const url of subjects) {
      const h = await health(url)
      expect(h.current, url).not.toBeNull()
      const c = h.current!
      expect(c.factors.map((f) => f.key)).toEqual(['usage', 'trend', 'intent', 'freshness', 'phase'])
      expect(sumOfPoints(h)).toBeCloseTo(c.score, 9)
      expect(c.score).toBeGreaterThanOrEqual(0)
      expect(c.score).toBeLessThanOrEqual(100)
      expect(c.band).toBe(bandOf(c.score))
      for (const f of c.factors) {
        expect(f.value).toBeGreaterThanOrEqual(0)
        expect(f.value).toBeLessThanOrEqual(1)
        expect(f.points).toBeCloseTo(f.weight * f.value, 9)
        expect(f.reason.length).toBeGreaterThan(5)
      }
      expect(h.history.at(-1)).toMatchObject({ period: c.period, band: c.band })
      expect(h.history.at(-1)!.score).toBeCloseTo(c.score, 9)
      expect(h.rows.length).toBeGreaterThan(0)
      expect(h.rowsTotal).toBeGreaterThanOrEqual(h.rows.length)
    }
  })

  it("a partner's rows list its lowest-scoring customers first", async () => {
    const partner = (
      await t.app.inject({ method: 'GET', url: '/api/partners?pageSize=1', headers: { cookie: admin } })
    ).json().items[0] as { id: number }
    const h = await health(`/api/partners/${partner.id}/health`)
    for (const r of h.rows) expect(r.partnerId).toBe(partner.id)
    const firstSeen: number[] = []
    for (const r of h.rows) if (!firstSeen.includes(r.customerId)) firstSeen.push(r.customerId)
    const scores = []
    for (const id of firstSeen.slice(0, 5))
      scores.push((await health(`/api/customers/${id}/health?period=${h.current!.period}`)).current!.score)
    expect(scores).toEqual([...scores].sort((a, b) => a - b))
  })
  it("a partner's page is the first rows of all its engagements by customer score, name, workload, at any size", async () => {
    const [{ period }] = (
      await t.database.sql.query<{ period: string }>('select max(period)::text as period from partner_health')
    ).rows as [{ period: string }]
    const { rows: partners } = await t.database.sql.query<{ id: number }>(
      'select partner_id as id from engagements group by partner_id order by count(*) desc limit 3',
    )
    const repo = healthRepository(t.database.db)
    for (const { id } of partners)
      for (const limit of [1, 7, 40, 200]) {
        // Every engagement ordered as the page says, without the ranking of customers the repository does first.
        const { rows: all } = await t.database.sql.query<{ id: number }>(
          `select e.id from engagements e join customers c on c.id = e.customer_id and c.archived_at is null
           left join customer_health ch on ch.customer_id = c.id and ch.period = $2::date
           where e.partner_id = $1 and e.archived_at is null
           order by ch.score asc nulls first, c.name, e.workload_code, e.id`,
          [id, period],
        )
        const page = await repo.partnerRows(id, monthEnd(period), limit)
        expect(page.total).toBe(all.length)
        expect(page.rows.map((r) => r.engagementId)).toEqual(all.slice(0, limit).map((r) => r.id))
      }
  })
})

describe('health scores and dated settings', () => {
  let t: Awaited<ReturnType<typeof createAccessTestApp>>
  let admin: string
  const get = async (url: string, cookie = admin) => t.app.inject({ method: 'GET', url, headers: { cookie } })
  const put = (url: string, payload: object, cookie = admin) =>
    t.app.inject({ method: 'PUT', url, payload, headers: { cookie } })
  const customerHealth = async (period?: string) =>
    (
      await get(`/api/customers/${t.fx.customerA1.id}/health${period ? `?period=${period}` : ''}`)
    ).json() as SubjectHealth

  beforeAll(async () => {
    t = await createAccessTestApp()
    await analyticsRefresher(t.database).refresh()
    admin = await t.cookieFor('admin@test.example')
  })
  afterAll(() => t.close())

  it('explains a customer score factor by factor from its snapshots', async () => {
    const h = await customerHealth()
    const c = h.current!
    expect(c).toMatchObject({ period: '2026-10-01', band: 'healthy', settingsFrom: null })
    // 160 of 400 active = the 40 % adoption milestone; +15 pts since September; in progress; fresh; Enable = 3/7.
    const points = Object.fromEntries(c.factors.map((f) => [f.key, f.points]))
    expect(points.usage).toBeCloseTo(50)
    expect(points.trend).toBeCloseTo(15)
    expect(points.intent).toBeCloseTo(15)
    expect(points.freshness).toBeCloseTo(10)
    expect(points.phase).toBeCloseTo((10 * 3) / 7)
    expect(c.score).toBeCloseTo(90 + 30 / 7)
    expect(c.factors[0]!.reason).toContain('40.0 % of 400 licensed users active')
    expect(h.history.map((p) => p.period)).toEqual(['2026-09-01', '2026-10-01'])
    // September: 25 % active (usage 0.625), one snapshot only (trend neutral).
    expect(h.history[0]!.score).toBeCloseTo(31.25 + 7.5 + 15 + 10 + 30 / 7)
    expect(h.rows).toHaveLength(1)
    expect(h.rows[0]).toMatchObject({
      workloadCode: 'EXO',
      partnerName: 'Alpha One',
      latestAsOf: '2026-10-31',
      licensed: 400,
      active: 160,
      previousAsOf: '2026-09-30',
      previousActive: 100,
    })
    const september = await customerHealth('2026-09-01')
    expect(september.current!.period).toBe('2026-09-01')
    expect(september.rows[0]).toMatchObject({ latestAsOf: '2026-09-30', active: 100, previousAsOf: null })

    const partner = (await get(`/api/partners/${t.fx.partnerA1.id}/health`)).json() as SubjectHealth
    expect(sumOfPoints(partner)).toBeCloseTo(partner.current!.score, 9)
    expect(partner.rows.map((r) => r.customerName)).toEqual(['Customer A1'])
  })

  it('an engagement edit changes the customer’s score at once', async () => {
    const before = (await customerHealth()).current!.score
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/engagements/${t.fx.engagementA1.id}`,
      payload: { intentStatus: 'blocked' },
      headers: { cookie: admin },
    })
    expect(res.statusCode).toBe(200)
    const after = await customerHealth()
    expect(after.current!.score).toBeCloseTo(before - 15)
    expect(after.current!.factors.find((f) => f.key === 'intent')).toMatchObject({ value: 0, points: 0 })
    expect(after.current!.factors.find((f) => f.key === 'intent')!.reason).toBe(
      '0 of 1 workloads in progress, 1 blocked',
    )
  })

  it('saving a dated set recomputes the periods it governs and keeps older periods’ scores', async () => {
    const before = await customerHealth()
    const september = before.history[0]!.score
    const values = structuredClone(defaultProgramSettings)
    values.health.weights = { usage: 40, trend: 15, intent: 15, freshness: 10, phase: 20 }
    const res = await put('/api/settings/2026-10-01', { values, note: 'More weight on the phase' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      refreshedPeriods: 1,
      version: {
        effectiveFrom: '2026-10-01',
        effectiveTo: null,
        note: 'More weight on the phase',
        builtIn: false,
      },
    })
    expect(res.json().version.updatedBy).toBe('admin@test.example')

    const after = await customerHealth()
    expect(after.current).toMatchObject({ period: '2026-10-01', settingsFrom: '2026-10-01' })
    expect(after.current!.score).toBeCloseTo(40 + 15 + 0 + 10 + (20 * 3) / 7)
    expect(sumOfPoints(after)).toBeCloseTo(after.current!.score, 9)
    expect(after.history[0]!.score).toBeCloseTo(september, 9)
    const old = await customerHealth('2026-09-01')
    expect(old.current!.settingsFrom).toBeNull()
    expect(old.current!.factors.find((f) => f.key === 'usage')!.weight).toBe(50)

    const versions = (await get('/api/settings')).json().versions
    expect(versions.map((v: { effectiveFrom: string }) => v.effectiveFrom)).toEqual([
      '1900-01-01',
      '2026-10-01',
    ])
    expect(versions[0]).toMatchObject({ builtIn: true, effectiveTo: '2026-09-30' })
    expect((await get('/api/settings/in-force?date=2026-10-15')).json()).toMatchObject({
      effectiveFrom: '2026-10-01',
    })
    expect((await get('/api/settings/in-force?date=2026-09-15')).json()).toMatchObject({ builtIn: true })
  })

  it('answers validation errors with the path of the field', async () => {
    const values = structuredClone(defaultProgramSettings)
    values.health.weights.usage = 40
    values.health.bands.watch = 80
    const bad = await put('/api/settings/2026-11-01', { values })
    expect(bad.statusCode).toBe(400)
    const paths = bad.json().error.issues.map((i: { path: (string | number)[] }) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['values.health.weights', 'values.health.bands.watch']))
    const negative = await put('/api/settings/2026-11-01', {
      values: { ...values, program: { ...values.program, adoptionMilestone: 1.4 } },
    })
    expect(
      negative.json().error.issues.map((i: { path: (string | number)[] }) => i.path.join('.')),
    ).toContain('values.program.adoptionMilestone')
    const midMonth = await put('/api/settings/2026-11-15', { values: defaultProgramSettings })
    expect(midMonth.statusCode).toBe(400)
    expect(midMonth.json().error.issues).toEqual([
      { path: ['effectiveFrom'], message: expect.stringContaining('first day of a month') },
    ])
    expect((await get('/api/settings')).json().versions).toHaveLength(2)
  })

  it('lets only admins save settings', async () => {
    for (const who of ['leada@test.example', 'fpma1@test.example', 'viewer@test.example']) {
      const res = await put(
        '/api/settings/2026-11-01',
        { values: defaultProgramSettings },
        await t.cookieFor(who),
      )
      expect(res.statusCode, who).toBe(403)
      expect(res.json().error.code).toBe('FORBIDDEN')
    }
    expect((await get('/api/settings')).json().versions).toHaveLength(2)
  })

  it('answers 404 for a customer or partner outside the caller’s scope', async () => {
    const fpm = await t.cookieFor('fpma1@test.example')
    const hidden = await get(`/api/customers/${t.fx.customerB1.id}/health`, fpm)
    const missing = await get('/api/customers/999999/health', fpm)
    expect(hidden.statusCode).toBe(404)
    expect(hidden.json()).toEqual(missing.json())
    expect((await get(`/api/partners/${t.fx.partnerB1.id}/health`, fpm)).statusCode).toBe(404)
    expect((await get(`/api/customers/${t.fx.customerA1.id}/health`, fpm)).statusCode).toBe(200)
  })
})
