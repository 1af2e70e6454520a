import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CadenceOverview, CadencePartner, PartnerCadence } from '#shared/contracts/cadence'
import type { Occurrence } from '#shared/contracts/meetings'
import { defaultProgramSettings } from '#shared/contracts/settings'
import { createAccessTestApp } from '#test/helpers/app'

let t: Awaited<ReturnType<typeof createAccessTestApp>>
const ZONE = 'Europe/Berlin'

async function call(email: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: { cookie: await t.cookieFor(email) } })
}
const as = (key: string) => `${key.toLowerCase()}@test.example`
async function overview(key: string, query: string): Promise<CadenceOverview> {
  const res = await call(as(key), 'GET', `/api/cadence?${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
async function createSeries(key: string, partnerId: number, body: object): Promise<number> {
  const res = await call(as(key), 'POST', `/api/partners/${partnerId}/meeting-series`, {
    timeZone: ZONE,
    durationMinutes: 45,
    ...body,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id
}
async function patch(key: string, seriesId: number, originalStart: string, body: object) {
  const url = `/api/meeting-series/${seriesId}/occurrences/${encodeURIComponent(originalStart)}`
  const res = await call(as(key), 'PATCH', url, body)
  expect(res.statusCode, res.body).toBe(200)
}
const partnerRow = (o: CadenceOverview, id: number) =>
  o.partners.find((p) => p.partnerId === id) as CadencePartner
const tally = (scheduled: number, held: number, cancelled: number) => ({
  scheduled,
  held,
  cancelled,
  compliance: scheduled ? held / scheduled : null,
})
const none = tally(0, 0, 0)

let robA1: number
let mbrA1: number
let mbrA2: number

/**
 * January 2026, by hand (Berlin is on UTC+1 in winter):
 * - A1 (fpmA1, region A, sponsor): weekly ROB Tuesdays 09:00 → 6, 13, 20, 27 Jan; 6 held, 13 cancelled,
 *   20 moved to Thursday 22 and held, 27 not marked → 4 scheduled, 2 held. MBR on the 15th → held: 1 of 1.
 * - A2 (fpmA2, region A, no sponsor): MBR on the 10th, cancelled → 0 of 1; the series is ended today.
 * - B1 (fpmB1, region B): no series.
 */
beforeAll(async () => {
  t = await createAccessTestApp()
  const { partnerA1, partnerA2 } = t.fx
  robA1 = await createSeries('fpmA1', partnerA1.id, {
    kind: 'rob',
    title: 'ROB',
    rrule: 'FREQ=WEEKLY;BYDAY=TU',
    startLocal: '2026-01-06T09:00',
  })
  mbrA1 = await createSeries('fpmA1', partnerA1.id, {
    kind: 'mbr',
    title: 'MBR',
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=15',
    startLocal: '2026-01-15T14:00',
  })
  mbrA2 = await createSeries('fpmA2', partnerA2.id, {
    kind: 'mbr',
    title: 'MBR',
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=10',
    startLocal: '2026-01-10T10:00',
  })
  await createSeries('fpmA1', partnerA1.id, {
    kind: 'other',
    title: 'Workshop',
    rrule: 'FREQ=WEEKLY;BYDAY=FR',
    startLocal: '2026-01-02T09:00',
  })
  await patch('fpmA1', robA1, '2026-01-06T08:00:00.000Z', { status: 'held' })
  await patch('fpmA1', robA1, '2026-01-13T08:00:00.000Z', { status: 'cancelled' })
  await patch('fpmA1', robA1, '2026-01-20T08:00:00.000Z', { start: '2026-01-22T08:00:00Z', status: 'held' })
  await patch('fpmA1', mbrA1, '2026-01-15T13:00:00.000Z', { status: 'held' })
  await patch('fpmA2', mbrA2, '2026-01-10T09:00:00.000Z', { status: 'cancelled' })
  const ended = await call(as('fpmA2'), 'POST', `/api/meeting-series/${mbrA2}/end`, {})
  expect(ended.statusCode, ended.body).toBe(200)
  for (const [occurredOn, kind] of [
    ['2026-01-05', 'call'],
    ['2026-01-19', 'call'],
    ['2026-01-30', 'email'],
    ['2026-02-02', 'workshop'],
  ] as const) {
    const res = await call(as('fpmA1'), 'POST', '/api/touchpoints', {
      partnerId: partnerA1.id,
      occurredOn,
      kind,
      summary: `${kind} on ${occurredOn}`,
    })
    expect(res.statusCode, res.body).toBe(201)
  }
})
afterAll(async () => t?.close())

describe('cadence compliance', () => {
  it('counts a partner by hand: moved, cancelled and not marked meetings; other meetings left out', async () => {
    const o = await overview('admin', 'period=2026-01')
    expect(o.period).toEqual({ key: '2026-01', from: '2026-01-01', to: '2026-02-01' })
    const a1 = partnerRow(o, t.fx.partnerA1.id)
    expect(a1.meetings).toEqual({ rob: tally(4, 2, 1), mbr: tally(1, 1, 0), all: tally(5, 3, 1) })
    expect(a1.touchpoints).toEqual({
      total: 3,
      byKind: { call: 2, email: 1, workshop: 0, meeting: 0, other: 0 },
    })
    expect(a1.lastHeldAt).toBeTruthy()
    expect(partnerRow(o, t.fx.partnerA2.id).meetings.mbr).toEqual(tally(1, 0, 1))
    expect(partnerRow(o, t.fx.partnerB1.id).meetings).toEqual({ rob: none, mbr: none, all: none })
  })

  it('rolls up per FPM and region as totals, never as an average of percentages', async () => {
    const o = await overview('admin', 'period=2026-01')
    const regionA = o.byRegion.find((r) => r.id === t.fx.regionA.id)!
    // A1 is 3 of 5 (60 %), A2 0 of 1: the region is 3 of 6 = 50 %, not the mean 30 %.
    expect(regionA).toMatchObject({ name: 'Region A', partners: 2, touchpoints: 3 })
    expect(regionA.meetings).toEqual({ rob: tally(4, 2, 1), mbr: tally(2, 1, 1), all: tally(6, 3, 2) })
    expect(regionA.meetings.all.compliance).toBe(0.5)
    const regionB = o.byRegion.find((r) => r.id === t.fx.regionB.id)!
    expect(regionB.meetings.all).toEqual(none)
    const fpmA2 = o.byFpm.find((r) => r.id === t.fx.users.fpmA2.id)!
    expect(fpmA2).toMatchObject({ name: 'fpmA2', partners: 1 })
    expect(fpmA2.meetings.all).toEqual(tally(1, 0, 1))
    expect(o.totals.meetings.all).toEqual(tally(6, 3, 2))
    expect(o.totals.partners).toBe(3)
  })

  it('counts the weeks of a quarter (13 Tuesdays, 3 MBRs)', async () => {
    const o = await overview('fpmA1', 'period=2026-Q1')
    expect(partnerRow(o, t.fx.partnerA1.id).meetings).toEqual({
      rob: tally(13, 2, 1),
      mbr: tally(3, 1, 0),
      all: tally(16, 3, 1),
    })
    expect(partnerRow(o, t.fx.partnerA1.id).touchpoints.total).toBe(4)
  })

  it('gives a partner its last six months', async () => {
    const res = await call(as('smeA'), 'GET', `/api/partners/${t.fx.partnerA1.id}/cadence?to=2026-02`)
    expect(res.statusCode, res.body).toBe(200)
    const p: PartnerCadence = res.json()
    expect(p.months.map((m) => m.month)).toEqual([
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ])
    expect(p.months[0]!.meetings.all).toEqual(none)
    expect(p.months[4]!.meetings).toEqual({ rob: tally(4, 2, 1), mbr: tally(1, 1, 0), all: tally(5, 3, 1) })
    expect(p.months[5]!.meetings).toEqual({ rob: tally(4, 0, 0), mbr: tally(1, 0, 0), all: tally(5, 0, 0) })
    expect(p.months[5]!.touchpoints.byKind.workshop).toBe(1)
  })

  it('lists partners without a business rhythm, with every reason', async () => {
    const o = await overview('admin', 'period=2026-01')
    // A1 has series and a sponsor, but nothing held since January.
    expect(partnerRow(o, t.fx.partnerA1.id).noRhythm).toEqual(['nothing_held'])
    expect(partnerRow(o, t.fx.partnerA1.id).activeSeries).toBe(2)
    expect(partnerRow(o, t.fx.partnerA2.id).noRhythm).toEqual(['no_series', 'no_sponsor', 'nothing_held'])
    expect(partnerRow(o, t.fx.partnerB1.id).noRhythm).toEqual(['no_series', 'nothing_held'])
    expect(o.byRegion.find((r) => r.id === t.fx.regionA.id)!.noRhythm).toBe(2)
  })

  it('a ROB held two weeks ago puts the rhythm in place, until the silent weeks setting is shorter', async () => {
    const now = Date.now()
    const from = new Date(now - 21 * 86_400_000).toISOString()
    const to = new Date(now - 14 * 86_400_000).toISOString()
    const res = await call(
      as('fpmA1'),
      'GET',
      `/api/meetings?partnerId=${t.fx.partnerA1.id}&from=${from}&to=${to}`,
    )
    const recent = (res.json().items as Occurrence[]).find((o) => o.seriesId === robA1)!
    await patch('fpmA1', robA1, recent.originalStart, { status: 'held' })
    const inPlace = await overview('fpmA1', 'period=2026-01')
    expect(partnerRow(inPlace, t.fx.partnerA1.id).noRhythm).toEqual([])
    expect(partnerRow(inPlace, t.fx.partnerA1.id).lastHeldAt).toBe(recent.start)

    const month = `${new Date().toISOString().slice(0, 7)}-01`
    const values = { ...defaultProgramSettings, cadence: { silentWeeks: 2, complianceTarget: 0.9 } }
    const saved = await call(as('admin'), 'PUT', `/api/settings/${month}`, { values })
    expect(saved.statusCode, saved.body).toBe(200)
    const shorter = await overview('fpmA1', 'period=2026-01')
    expect(shorter.settings.silentWeeks).toBe(2)
    expect(partnerRow(shorter, t.fx.partnerA1.id).noRhythm).toEqual(['nothing_held'])
  })

  it('rejects a bad period naming the field, and a bad silent-weeks setting', async () => {
    const res = await call(as('admin'), 'GET', '/api/cadence?period=2026-13')
    expect(res.statusCode).toBe(400)
    expect(res.json().error.issues[0].path).toEqual(['period'])
    const values = { ...defaultProgramSettings, cadence: { silentWeeks: 0, complianceTarget: 0.8 } }
    const bad = await call(as('admin'), 'PUT', '/api/settings/2026-01-01', { values })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.issues[0].path).toEqual(['values', 'cadence', 'silentWeeks'])
  })
})

describe('cadence access', () => {
  const visible: Record<string, string[]> = {
    admin: ['PA1', 'PA2', 'PB1'],
    leadA: ['PA1', 'PA2'],
    leadB: ['PB1'],
    fpmA1: ['PA1'],
    fpmA2: ['PA2'],
    smeA: ['PA1'],
    viewer: ['PA1', 'PA2', 'PB1'],
    viewerB: ['PB1'],
  }
  it('each role sees exactly its partners, and its filters only narrow them', async () => {
    const names = { PA1: 'Alpha One', PA2: 'Alpha Two', PB1: 'Beta One' } as Record<string, string>
    for (const [key, ids] of Object.entries(visible)) {
      const o = await overview(key, 'period=2026-01')
      expect(o.partners.map((p) => p.name).sort(), key).toEqual(ids.map((id) => names[id]).sort())
    }
    const narrowed = await overview('leadA', `period=2026-01&fpmUserId=${t.fx.users.fpmA2.id}`)
    expect(narrowed.partners.map((p) => p.name)).toEqual(['Alpha Two'])
    expect((await overview('leadA', `regionId=${t.fx.regionB.id}`)).partners).toEqual([])
  })

  it('a partner out of scope answers 404 like a missing one; viewers read', async () => {
    const url = `/api/partners/${t.fx.partnerA1.id}/cadence`
    expect((await call(as('fpmA2'), 'GET', url)).statusCode).toBe(404)
    expect((await call(as('fpmA2'), 'GET', '/api/partners/999999/cadence')).json()).toEqual(
      (await call(as('fpmA2'), 'GET', url)).json(),
    )
    expect((await call(as('viewer'), 'GET', url)).statusCode).toBe(200)
  })
})
