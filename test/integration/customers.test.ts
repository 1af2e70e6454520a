import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccessTestApp } from '#test/helpers/app'

let t: Awaited<ReturnType<typeof createAccessTestApp>>
let admin: string
const get = (url: string, cookie = admin) => t.app.inject({ method: 'GET', url, headers: { cookie } })
const send = (method: 'POST' | 'PATCH', url: string, payload: object, cookie = admin) =>
  t.app.inject({ method, url, payload, headers: { cookie } })

beforeAll(async () => {
  t = await createAccessTestApp()
  admin = await t.cookieFor('admin@test.example')
})
afterAll(() => t.close())

describe('customers', () => {
  it('shows licensed vs active users, their trend and eligibility', async () => {
    const res = await get(`/api/customers/${t.fx.customerA1.id}`)
    expect(res.statusCode).toBe(200)
    const c = res.json()
    expect(c).toMatchObject({
      tpid: '1001',
      seats: 500,
      eligible: true,
      primaryPartnerName: 'Alpha One',
      licensedUsers: 400,
      activeUsers: 160,
      activePct: 40,
    })
    expect(c.engagements).toHaveLength(1)
    expect(c.engagements[0]).toMatchObject({
      workloadCode: 'EXO',
      intentStatus: 'in_progress',
      phase: 'enable',
      licensedUsers: 400,
      activeUsers: 160,
      activePct: 40,
      activePctDelta: 15,
    })
    expect(c.engagements[0].usage.map((u: { asOf: string }) => u.asOf)).toEqual(['2026-09-30', '2026-10-31'])
    expect((await get(`/api/customers/${t.fx.customerA2.id}`)).json()).toMatchObject({
      eligible: false,
      activePct: null,
    })
  })

  it('prefers the measured Microsoft 365 report over the portfolio file on the same date', async () => {
    await t.database.sql.query(
      `insert into usage_snapshots (customer_id, workload_code, as_of, licensed_users, active_users, source) values ($1, 'EXO', '2026-10-31', 410, 205, 'graph_csv')`,
      [t.fx.customerA1.id],
    )
    const c = (await get(`/api/customers/${t.fx.customerA1.id}`)).json()
    expect(c).toMatchObject({ licensedUsers: 410, activeUsers: 205, activePct: 50 })
    expect(c.engagements[0].usage.at(-1)).toMatchObject({ source: 'graph_csv', activeUsers: 205 })
  })

  it('lists with search, filters and sort by active %', async () => {
    const byPct = (await get('/api/customers?sort=activePct&order=desc')).json()
    expect(byPct.items[0].tpid).toBe('1001')
    expect(
      (await get('/api/customers?eligible=false')).json().items.map((c: { tpid: string }) => c.tpid),
    ).toEqual(['1002'])
    expect(
      (await get('/api/customers?workload=SPO')).json().items.map((c: { tpid: string }) => c.tpid),
    ).toEqual(['2001'])
    expect(
      (await get(`/api/customers?partnerId=${t.fx.partnerB1.id}`))
        .json()
        .items.map((c: { tpid: string }) => c.tpid),
    ).toEqual(['2001'])
    expect((await get('/api/customers?q=a2')).json().items.map((c: { tpid: string }) => c.tpid)).toEqual([
      '1002',
    ])
    // The dashboard's region and partner-manager filters carry into its drill-downs.
    const tpids = async (q: string, cookie = admin) =>
      (await get(`/api/customers?${q}`, cookie)).json().items.map((c: { tpid: string }) => c.tpid)
    expect(await tpids(`regionId=${t.fx.regionA.id}`)).toEqual(['1001', '1002'])
    expect(await tpids(`regionId=${t.fx.regionB.id}`)).toEqual(['2001'])
    expect(await tpids(`fpmUserId=${t.fx.users.fpmA2.id}`)).toEqual(['1002'])
    expect(await tpids(`regionId=${t.fx.regionA.id}&fpmUserId=${t.fx.users.fpmB1.id}`)).toEqual([])
    // A filter never widens the scope: a lead of region A asking for region B sees nothing.
    expect(await tpids(`regionId=${t.fx.regionB.id}`, await t.cookieFor('leadA@test.example'))).toEqual([])
  })

  it('creates with field validation and refuses a duplicate TPID', async () => {
    const bad = await send('POST', '/api/customers', {
      tpid: '',
      name: 'X',
      seats: -4,
      primaryPartnerId: t.fx.partnerA1.id,
    })
    expect(bad.statusCode).toBe(400)
    expect(
      bad
        .json()
        .error.issues.map((i: { path: string[] }) => i.path[0])
        .sort(),
    ).toEqual(['seats', 'tpid'])
    const dup = await send('POST', '/api/customers', {
      tpid: '1001',
      name: 'X',
      primaryPartnerId: t.fx.partnerA1.id,
    })
    expect(dup.statusCode).toBe(409)
    const ok = await send('POST', '/api/customers', {
      tpid: '3001',
      name: 'Gamma',
      seats: 151,
      country: 'Norway',
      primaryPartnerId: t.fx.partnerA1.id,
    })
    expect(ok.statusCode).toBe(201)
    expect(ok.json()).toMatchObject({ tpid: '3001', eligible: true, engagements: [], workloads: 0 })
  })

  it('adds and edits engagements; a duplicate workload for the same partner is refused', async () => {
    const add = await send('POST', `/api/customers/${t.fx.customerA2.id}/engagements`, {
      partnerId: t.fx.partnerA2.id,
      workloadCode: 'INTUNE',
      intentStatus: 'blocked',
      phase: 'assess',
      claimed: true,
    })
    expect(add.statusCode).toBe(201)
    const added = add.json().engagements.find((e: { workloadCode: string }) => e.workloadCode === 'INTUNE')
    expect(added).toMatchObject({
      intentStatus: 'blocked',
      phase: 'assess',
      claimed: true,
      licensedUsers: null,
    })
    const dup = await send('POST', `/api/customers/${t.fx.customerA2.id}/engagements`, {
      partnerId: t.fx.partnerA2.id,
      workloadCode: 'INTUNE',
    })
    expect(dup.statusCode).toBe(409)
    const edit = await send('PATCH', `/api/engagements/${added.id}`, {
      intentStatus: 'in_progress',
      archived: true,
    })
    expect(edit.json().engagements.find((e: { id: number }) => e.id === added.id)).toMatchObject({
      intentStatus: 'in_progress',
      archived: true,
    })
  })
})
