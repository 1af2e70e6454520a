import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccessTestApp } from '#test/helpers/app'

let t: Awaited<ReturnType<typeof createAccessTestApp>>
let admin: string
let fpm: string
const get = (url: string, cookie = admin) => t.app.inject({ method: 'GET', url, headers: { cookie } })
const send = (method: 'POST' | 'PATCH', url: string, payload: object, cookie = admin) =>
  t.app.inject({ method, url, payload, headers: { cookie } })

beforeAll(async () => {
  t = await createAccessTestApp()
  admin = await t.cookieFor('admin@test.example')
  fpm = await t.cookieFor('fpma1@test.example')
  for (let i = 0; i < 30; i++) {
    await send('POST', '/api/partners', {
      programId: `LIST${String(i).padStart(2, '0')}`,
      name: `Zeta ${String(i).padStart(2, '0')}`,
      status: i % 3 === 0 ? 'at_risk' : 'active',
      regionId: t.fx.regionB.id,
    })
  }
})
afterAll(() => t.close())

describe('partner list', () => {
  it('pages, counts and sorts', async () => {
    const first = (await get('/api/partners?q=zeta&pageSize=10&sort=name&order=desc')).json()
    expect(first.total).toBe(30)
    expect(first.items).toHaveLength(10)
    expect(first.items[0].name).toBe('Zeta 29')
    const third = (await get('/api/partners?q=zeta&pageSize=10&page=3&sort=name&order=desc')).json()
    expect(third.items.at(-1).name).toBe('Zeta 00')
  })

  it('filters by status, region and FPM, and searches the partner ID', async () => {
    expect((await get('/api/partners?q=zeta&status=at_risk&pageSize=100')).json().total).toBe(10)
    expect(
      (await get(`/api/partners?regionId=${t.fx.regionA.id}`))
        .json()
        .items.map((p: { programId: string }) => p.programId)
        .sort(),
    ).toEqual(['PA1', 'PA2'])
    expect(
      (await get(`/api/partners?fpmUserId=${t.fx.users.fpmB1.id}`))
        .json()
        .items.map((p: { programId: string }) => p.programId),
    ).toEqual(['PB1'])
    expect((await get('/api/partners?q=LIST07')).json().items.map((p: { name: string }) => p.name)).toEqual([
      'Zeta 07',
    ])
  })

  it('treats search text literally (no LIKE wildcards)', async () => {
    expect((await get('/api/partners?q=%25')).json().total).toBe(0)
  })

  it('rejects an unknown sort with a clear error', async () => {
    const res = await get('/api/partners?sort=secret')
    expect(res.statusCode).toBe(400)
    expect(res.json().error.message).toMatch(/sort/)
  })
})

describe('partner create and edit', () => {
  it('shows validation messages per field', async () => {
    const res = await send('POST', '/api/partners', { programId: '', name: '', status: 'sleeping' })
    expect(res.statusCode).toBe(400)
    const fields = res.json().error.issues.map((i: { path: string[] }) => i.path[0])
    expect(fields).toEqual(expect.arrayContaining(['programId', 'name', 'status']))
  })

  it('refuses a duplicate partner ID on the field', async () => {
    const res = await send('POST', '/api/partners', { programId: 'PA1', name: 'Copy' })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.issues[0].path).toEqual(['programId'])
  })

  it('an FPM creates a partner that is assigned to them, in their region', async () => {
    const res = await send(
      'POST',
      '/api/partners',
      { programId: 'FPM-OWN', name: 'Mine', endorsedWorkloads: ['EXO', 'TEAMS'] },
      fpm,
    )
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body).toMatchObject({
      fpmUserId: t.fx.users.fpmA1.id,
      regionId: t.fx.regionA.id,
      endorsedWorkloads: ['EXO', 'TEAMS'],
      canEdit: true,
    })
  })

  it('an FPM cannot hand a partner to someone else', async () => {
    const res = await send(
      'PATCH',
      `/api/partners/${t.fx.partnerA1.id}`,
      { fpmUserId: t.fx.users.fpmA2.id },
      fpm,
    )
    expect(res.statusCode).toBe(403)
  })

  it('assigns only users of the right role', async () => {
    const res = await send('PATCH', `/api/partners/${t.fx.partnerA2.id}`, {
      fpmUserId: t.fx.users.viewer.id,
      smeUserIds: [t.fx.users.fpmA1.id],
    })
    expect(res.statusCode).toBe(400)
    expect(
      res
        .json()
        .error.issues.map((i: { path: string[] }) => i.path[0])
        .sort(),
    ).toEqual(['fpmUserId', 'smeUserIds'])
  })

  it('edits profile, referral readiness and endorsements; archive hides it from the list', async () => {
    const res = await send('PATCH', `/api/partners/${t.fx.partnerA2.id}`, {
      referralReady: true,
      endorsedWorkloads: ['SPO'],
      website: '',
      hqCountry: 'Spain',
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      referralReady: true,
      endorsedWorkloads: ['SPO'],
      website: null,
      hqCountry: 'Spain',
    })
    await send('POST', `/api/partners/${t.fx.partnerA2.id}/archive`, {})
    expect(
      (await get('/api/partners?q=Alpha')).json().items.map((p: { programId: string }) => p.programId),
    ).toEqual(['PA1'])
    expect(
      (await get('/api/partners?q=Alpha&archived=true'))
        .json()
        .items.map((p: { programId: string }) => p.programId),
    ).toEqual(['PA2'])
    await send('POST', `/api/partners/${t.fx.partnerA2.id}/restore`, {})
  })
})

describe('stakeholders', () => {
  it('derives "sponsor identified" and "delivery team identified"', async () => {
    const before = (await get(`/api/partners/${t.fx.partnerA2.id}`)).json()
    expect(before).toMatchObject({ sponsorIdentified: false, deliveryTeamIdentified: false })
    await send('POST', `/api/partners/${t.fx.partnerA2.id}/stakeholders`, {
      side: 'partner',
      role: 'sponsor',
      name: 'Sara Sponsor',
      email: 'sara@partner.example',
    })
    const dl = await send('POST', `/api/partners/${t.fx.partnerA2.id}/stakeholders`, {
      side: 'partner',
      role: 'delivery_lead',
      name: 'Dan Delivery',
    })
    await send('POST', `/api/partners/${t.fx.partnerA2.id}/stakeholders`, {
      side: 'microsoft',
      role: 'atu',
      name: 'Ana ATU',
    })
    const after = (await get(`/api/partners/${t.fx.partnerA2.id}`)).json()
    expect(after).toMatchObject({ sponsorIdentified: true, deliveryTeamIdentified: true })
    expect(after.stakeholders.map((s: { name: string }) => s.name).sort()).toEqual([
      'Ana ATU',
      'Dan Delivery',
      'Sara Sponsor',
    ])
    await send('POST', `/api/stakeholders/${dl.json().id}/archive`, {})
    expect((await get(`/api/partners/${t.fx.partnerA2.id}`)).json().deliveryTeamIdentified).toBe(false)
  })

  it('keeps roles on their side and validates e-mail', async () => {
    const wrongSide = await send('POST', `/api/partners/${t.fx.partnerA2.id}/stakeholders`, {
      side: 'microsoft',
      role: 'sponsor',
      name: 'X',
    })
    expect(wrongSide.statusCode).toBe(400)
    expect(wrongSide.json().error.issues[0].path).toEqual(['role'])
    const badMail = await send('POST', `/api/partners/${t.fx.partnerA2.id}/stakeholders`, {
      side: 'partner',
      role: 'sponsor',
      name: 'X',
      email: 'nope',
    })
    expect(badMail.statusCode).toBe(400)
    expect(badMail.json().error.issues[0].path).toEqual(['email'])
  })
})
