import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { escalations, insights, offboardingRecommendations, stakeholders } from '#db/schema/index'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import type { Scorecard, ScorecardDrilldown, ScorecardGroup } from '#shared/contracts/scorecard'
import { createAccessTestApp } from '#test/helpers/app'

let t: Awaited<ReturnType<typeof createAccessTestApp>>
const as = (key: string) => `${key.toLowerCase()}@test.example`
async function get<T>(key: string, url: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: await t.cookieFor(as(key)) } })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
const fpmRow = (s: Scorecard, fpmUserId: number) =>
  s.fpms.find((f) => f.fpmUserId === fpmUserId) as ScorecardGroup
const metric = (g: ScorecardGroup, code: keyof ScorecardGroup['metrics']) => g.metrics[code]!.current

/** The newest 15th at 14:00 Berlin before now, as the meeting's UTC start (CET in Nov–Mar, CEST in Apr–Oct). */
function latestFifteenth(now = new Date()) {
  let y = now.getUTCFullYear()
  let m = now.getUTCMonth() + 1
  for (;;) {
    const offset = m >= 4 && m <= 10 ? 2 : 1
    const start = new Date(Date.UTC(y, m - 1, 15, 14 - offset))
    if (start < now) return start.toISOString()
    m -= 1
    if (m === 0) {
      m = 12
      y -= 1
    }
  }
}

/**
 * By hand (fixture: A1 → fpmA1 in region A with a sponsor, A2 → fpmA2 in region A, B1 → fpmB1 in region B):
 * - Rhythm today: A1 gets a delivery lead, a monthly MBR (15th, from July 2026) and its newest 15th held → in
 *   place. A2 and B1 have no series → 1 of 3.
 * - Cadence 2026-Q3: A1's MBR on 15 Jul, Aug, Sep scheduled, 15 Aug held → 1 of 3.
 * - Top usage milestone (40 %) 2026-Q4: A1's EXO in October, 160 of 400 = 40 % → 1 of 1; 2026-Q3: September,
 *   100 of 400 → 0 of 1.
 * - Escalations resolved in 2026-Q4: A1 high in 24 h (SLA 72 h, within), A1 critical in 72 h (SLA 24 h,
 *   breached), B1 medium in 48 h (within) → A1 1 of 2, total 2 of 3.
 * - Not progressing today: A2 and B1 are flagged (no rhythm), A1 is not; A2 has a proposed recommendation →
 *   1 of 2; fpmA1 has none flagged → no data.
 * - Partner NSAT 2026-Q4: A1's three responses in October, 2 very satisfied and 1 very dissatisfied →
 *   100 × (2 − 1) ÷ 3 + 100 = 133, low n (under 5); none before → no trend.
 * - Insights or Spotlights 2026-Q4: A1 submitted one in November, A2 and B1 none → 1 of 3.
 */
beforeAll(async () => {
  t = await createAccessTestApp()
  const { partnerA1, partnerA2, partnerB1, users } = t.fx
  await analyticsRefresher(t.database).refresh()
  await t.database.db
    .insert(stakeholders)
    .values({ partnerId: partnerA1.id, side: 'partner', role: 'delivery_lead', name: 'Delivery A1' })
  const cookie = await t.cookieFor(as('fpmA1'))
  const series = await t.app.inject({
    method: 'POST',
    url: `/api/partners/${partnerA1.id}/meeting-series`,
    headers: { cookie },
    payload: {
      kind: 'mbr',
      title: 'MBR',
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=15',
      startLocal: '2026-07-15T14:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: 60,
    },
  })
  expect(series.statusCode, series.body).toBe(201)
  for (const start of ['2026-08-15T12:00:00.000Z', latestFifteenth()]) {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/meeting-series/${series.json().id}/occurrences/${encodeURIComponent(start)}`,
      headers: { cookie },
      payload: { status: 'held' },
    })
    expect(res.statusCode, res.body).toBe(200)
  }
  const escalation = (partnerId: number, severity: string, raised: string, hours: number) => ({
    partnerId,
    title: `${severity} issue`,
    severity,
    category: 'technical',
    status: 'resolved',
    ownerUserId: users.fpmA1.id,
    raisedBy: users.fpmA1.id,
    raisedAt: new Date(raised),
    resolvedAt: new Date(Date.parse(raised) + hours * 3_600_000),
  })
  await t.database.db
    .insert(escalations)
    .values([
      escalation(partnerA1.id, 'high', '2026-10-01T00:00:00Z', 24),
      escalation(partnerA1.id, 'critical', '2026-10-05T00:00:00Z', 72),
      escalation(partnerB1.id, 'medium', '2026-11-02T00:00:00Z', 48),
    ])
  for (const [i, answer] of ['very_satisfied', 'very_satisfied', 'very_dissatisfied'].entries()) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/partners/${partnerA1.id}/nsat/responses`,
      headers: { cookie },
      payload: {
        respondentName: `R${i}`,
        respondedOn: `2026-10-1${i}`,
        source: 'partner_survey',
        scale: 'msit4',
        answer,
      },
    })
    expect(res.statusCode, res.body).toBe(201)
  }
  await t.database.db.insert(insights).values({
    partnerId: partnerA1.id,
    type: 'product',
    title: 'Teams rooms',
    description: 'Room licences',
    status: 'submitted',
    submittedBy: users.fpmA1.id,
    submittedAt: new Date('2026-11-03T10:00:00Z'),
  })
  await t.database.db
    .insert(offboardingRecommendations)
    .values({ partnerId: partnerA2.id, reason: 'No rhythm', flags: [], proposedBy: users.fpmA2.id })
})
afterAll(() => t.close())

describe('role scorecard', () => {
  it('computes every metric per FPM and for everyone in view as Σ totals', async () => {
    const s = await get<Scorecard>('admin', '/api/scorecard?period=2026-Q4')
    expect(s.periods).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'])
    expect(s.period).toEqual({ key: '2026-Q4', from: '2026-10-01', to: '2027-01-01' })
    const { fpmA1, fpmA2, fpmB1 } = t.fx.users
    const a1 = fpmRow(s, fpmA1.id)
    expect(metric(a1, 'rhythm_in_place')).toMatchObject({
      numerator: 1,
      denominator: 1,
      value: 1,
      status: 'on_target',
    })
    expect(metric(fpmRow(s, fpmA2.id), 'rhythm_in_place')).toMatchObject({
      numerator: 0,
      denominator: 1,
      value: 0,
    })
    expect(metric(s.total, 'rhythm_in_place')).toMatchObject({ numerator: 1, denominator: 3 })
    expect(metric(a1, 'adoption_milestone')).toMatchObject({ numerator: 1, denominator: 1, value: 1 })
    expect(a1.metrics.adoption_milestone!.trend).toEqual([
      { period: '2026-Q1', value: null },
      { period: '2026-Q2', value: null },
      { period: '2026-Q3', value: 0 },
      { period: '2026-Q4', value: 1 },
    ])
    expect(metric(a1, 'issue_closure')).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 0.5,
      status: 'below_target',
    })
    expect(metric(fpmRow(s, fpmB1.id), 'issue_closure')).toMatchObject({ numerator: 1, denominator: 1 })
    expect(metric(s.total, 'issue_closure')).toMatchObject({ numerator: 2, denominator: 3 })
    expect(metric(a1, 'not_progressing_raised')).toMatchObject({
      denominator: 0,
      value: null,
      status: 'no_data',
    })
    expect(metric(fpmRow(s, fpmA2.id), 'not_progressing_raised')).toMatchObject({
      numerator: 1,
      denominator: 1,
    })
    expect(metric(s.total, 'not_progressing_raised')).toMatchObject({ numerator: 1, denominator: 2 })
    expect(metric(a1, 'nsat_partner')).toMatchObject({
      numerator: 1,
      denominator: 3,
      value: 133,
      lowN: true,
      status: 'on_target',
    })
    expect(a1.metrics.nsat_partner!.trend.map((p) => p.value)).toEqual([null, null, null, 133])
    expect(metric(s.total, 'nsat_customer')).toMatchObject({ denominator: 0, value: null, status: 'no_data' })
    expect(metric(s.total, 'insights_spotlights')).toMatchObject({ numerator: 1, denominator: 3 })
    expect(metric(a1, 'insights_spotlights')).toMatchObject({ numerator: 1, denominator: 1, value: 1 })
    // Metrics of today have no trend.
    expect(a1.metrics.rhythm_in_place!.trend).toEqual([])
  })

  it('counts the cadence of a past quarter, with its trend', async () => {
    const s = await get<Scorecard>('admin', '/api/scorecard?period=2026-Q3')
    const a1 = fpmRow(s, t.fx.users.fpmA1.id)
    expect(metric(a1, 'cadence_compliance')).toMatchObject({
      numerator: 1,
      denominator: 3,
      status: 'below_target',
    })
    expect(a1.metrics.cadence_compliance!.trend.map((p) => p.value)).toEqual([null, null, null, 1 / 3])
    expect(metric(a1, 'adoption_milestone')).toMatchObject({ numerator: 0, denominator: 1, value: 0 })
  })

  it('says which metrics it cannot compute instead of showing 0', async () => {
    const s = await get<Scorecard>('leadA', '/api/scorecard?period=2026-Q4')
    const training = s.metrics.find((m) => m.code === 'training_on_time')!
    expect(training.notTracked).toContain('trainings')
    expect(metric(s.total, 'training_on_time')).toMatchObject({ value: null, status: 'not_tracked' })
    expect(s.metrics.find((m) => m.code === 'issue_closure')).toMatchObject({ target: 0.8, notTracked: null })
    expect(s.metrics.find((m) => m.code === 'cadence_compliance')!.target).toBe(0.8)
  })

  it('shows each reader only the FPMs and partners in their scope', async () => {
    const names = async (key: string) =>
      (await get<Scorecard>(key, '/api/scorecard?period=2026-Q4')).fpms.map((f) => f.fpmUserId)
    const { fpmA1, fpmA2, fpmB1 } = t.fx.users
    expect(await names('fpmA1')).toEqual([fpmA1.id])
    expect((await names('leadA')).sort()).toEqual([fpmA1.id, fpmA2.id].sort())
    expect(await names('leadB')).toEqual([fpmB1.id])
    const lead = await get<Scorecard>('leadB', '/api/scorecard?period=2026-Q4')
    expect(metric(lead.total, 'issue_closure')).toMatchObject({ numerator: 1, denominator: 1 })
  })

  it('drills down to the partners behind a number, worst first, with where to fix it', async () => {
    const d = await get<ScorecardDrilldown>(
      'leadA',
      '/api/scorecard/drilldown?metric=issue_closure&period=2026-Q4',
    )
    expect(d.rows).toEqual([
      {
        partnerId: t.fx.partnerA1.id,
        name: t.fx.partnerA1.name,
        fpmName: expect.any(String),
        numerator: 1,
        denominator: 2,
        value: 0.5,
        link: `/escalations?partnerId=${t.fx.partnerA1.id}`,
      },
    ])
    const one = await get<ScorecardDrilldown>(
      'admin',
      `/api/scorecard/drilldown?metric=rhythm_in_place&fpmUserId=${t.fx.users.fpmA2.id}`,
    )
    expect(one.rows.map((r) => [r.partnerId, r.value])).toEqual([[t.fx.partnerA2.id, 0]])
  })

  it('rejects a period it cannot read', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/scorecard?period=2026-13',
      headers: { cookie: await t.cookieFor(as('admin')) },
    })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('A period is a month (2026-11) or a quarter (2026-Q4)')
  })
})
