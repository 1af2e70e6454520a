import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { meetingOccurrenceRef } from '#shared/domain/meetings'
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

  it('logs a touchpoint from a meeting: linked to the occurrence, listed by it, checked against the partner', async () => {
    // A weekly Monday 09:00 UTC series that began three weeks ago.
    const monday = new Date()
    monday.setUTCDate(monday.getUTCDate() - 21 - ((monday.getUTCDay() + 6) % 7))
    const created = await call(FPM, 'POST', `/api/partners/${t.fx.partnerA1.id}/meeting-series`, {
      kind: 'rob',
      title: 'Weekly ROB',
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      startLocal: `${monday.toISOString().slice(0, 10)}T09:00`,
      timeZone: 'UTC',
      durationMinutes: 30,
      attendeeUserIds: [],
      attendeeStakeholderIds: [],
    })
    expect(created.statusCode).toBe(201)
    const seriesId = created.json().id as number
    const originalStart = `${monday.toISOString().slice(0, 10)}T09:00:00.000Z`
    const body = {
      partnerId: t.fx.partnerA1.id,
      kind: 'meeting',
      summary: 'ROB: claims and usage',
      occurredOn: originalStart.slice(0, 10),
      meeting: { seriesId, originalStart },
    }
    const res = await call(FPM, 'POST', '/api/touchpoints', body)
    expect(res.statusCode).toBe(201)
    const ref = meetingOccurrenceRef(seriesId, originalStart)
    expect(res.json().meetingOccurrenceRef).toBe(ref)
    const listed = (await call(FPM, 'GET', `/api/touchpoints?meetingRef=${encodeURIComponent(ref)}`)).json()
    expect(listed.items.map((i: { summary: string }) => i.summary)).toEqual(['ROB: claims and usage'])

    // Not an occurrence of the series (an hour off) → 404, like a missing meeting.
    const off = await call(FPM, 'POST', '/api/touchpoints', {
      ...body,
      meeting: { seriesId, originalStart: `${originalStart.slice(0, 10)}T10:00:00.000Z` },
    })
    expect(off.statusCode).toBe(404)
    // The meeting of one partner cannot be logged against another (an admin may write both).
    const other = await call('admin@test.example', 'POST', '/api/touchpoints', {
      ...body,
      partnerId: t.fx.partnerA2.id,
    })
    expect(other.statusCode).toBe(400)
    expect(other.json().error.issues[0].path).toEqual(['meeting'])
    // Someone who cannot see the series gets 404 (their own partner, someone else's meeting).
    const foreign = await call('fpmb1@test.example', 'POST', '/api/touchpoints', {
      ...body,
      partnerId: t.fx.partnerB1.id,
    })
    expect(foreign.statusCode).toBe(404)
  })
})
