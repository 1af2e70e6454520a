import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, monthStart, today } from '#shared/domain/periods'
import { createAccessTestApp } from '#test/helpers/app'

let t: Awaited<ReturnType<typeof createAccessTestApp>>
const FPM = 'fpma1@test.example'

async function call(email: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: { cookie: await t.cookieFor(email) } })
}

beforeAll(async () => {
  t = await createAccessTestApp()
})
afterAll(() => t.close())

describe('engagement log', () => {
  it('logs a touchpoint dated today by default, with who logged it', async () => {
    const res = await call(FPM, 'POST', '/api/touchpoints', {
      partnerId: t.fx.partnerA1.id,
      kind: 'call',
      summary: 'Weekly sync',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      occurredOn: today(),
      kind: 'call',
      summary: 'Weekly sync',
      notes: null,
      customerId: null,
      partnerName: 'Alpha One',
      loggedByName: 'fpmA1',
      meetingOccurrenceRef: null,
    })
  })

  it('lists newest first, filtered by partner and customer', async () => {
    await call(FPM, 'POST', '/api/touchpoints', {
      partnerId: t.fx.partnerA1.id,
      customerId: t.fx.customerA1.id,
      kind: 'workshop',
      summary: 'Intune workshop',
      occurredOn: addDays(today(), -40),
    })
    await call(FPM, 'POST', '/api/touchpoints', {
      partnerId: t.fx.partnerA1.id,
      kind: 'email',
      summary: 'Sent the claim checklist',
      occurredOn: addDays(today(), -1),
    })
    const all = (await call(FPM, 'GET', `/api/touchpoints?partnerId=${t.fx.partnerA1.id}`)).json()
    expect(all.items.map((i: { summary: string }) => i.summary)).toEqual([
      'Weekly sync',
      'Sent the claim checklist',
      'Intune workshop',
    ])
    const forCustomer = (await call(FPM, 'GET', `/api/touchpoints?customerId=${t.fx.customerA1.id}`)).json()
    expect(forCustomer.items.map((i: { summary: string }) => i.summary)).toEqual(['Intune workshop'])
    expect((await call('fpmb1@test.example', 'GET', '/api/touchpoints')).json().total).toBe(0)
  })

  it('names the field: empty summary, future date, customer of another partner', async () => {
    const empty = await call(FPM, 'POST', '/api/touchpoints', {
      partnerId: t.fx.partnerA1.id,
      kind: 'call',
      summary: '',
    })
    expect(empty.statusCode).toBe(400)
    expect(empty.json().error.issues[0].path).toEqual(['summary'])
    const future = await call(FPM, 'POST', '/api/touchpoints', {
      partnerId: t.fx.partnerA1.id,
      kind: 'call',
      summary: 'x',
      occurredOn: addDays(today(), 2),
    })
    expect(future.statusCode).toBe(400)
    expect(future.json().error.issues[0].path).toEqual(['occurredOn'])
    const other = await call(FPM, 'POST', '/api/touchpoints', {
      partnerId: t.fx.partnerA1.id,
      customerId: t.fx.customerB1.id,
      kind: 'call',
      summary: 'x',
    })
    expect(other.statusCode).toBe(400)
    expect(other.json().error.issues[0].path).toEqual(['customerId'])
  })

  it('counts touchpoints per partner per month', async () => {
    const res = (await call('leada@test.example', 'GET', '/api/touchpoints/monthly')).json()
    const byMonth = Object.fromEntries(
      res.rows
        .filter((r: { partnerId: number }) => r.partnerId === t.fx.partnerA1.id)
        .map((r: { month: string; count: number }) => [r.month, r.count]),
    )
    const expected: Record<string, number> = {}
    for (const d of [today(), addDays(today(), -1), addDays(today(), -40)])
      expected[monthStart(d)] = (expected[monthStart(d)] ?? 0) + 1
    expect(byMonth).toEqual(expected)
    expect(res.to).toBe(monthStart(today()))
    const hidden = (await call('leadb@test.example', 'GET', '/api/touchpoints/monthly')).json()
    expect(hidden.rows).toEqual([])
  })
})
