import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { partnerEndorsements, usageSnapshots } from '#db/schema/index'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import type { ImportRecord } from '#shared/contracts/imports'
import type { OpportunityItem } from '#shared/contracts/opportunities'
import { addDays, today } from '#shared/domain/periods'
import { workloadName } from '#shared/domain/workloads'
import { createAccessTestApp } from '#test/helpers/app'
import { multipart } from '#test/helpers/imports-multipart'

let t: Awaited<ReturnType<typeof createAccessTestApp>>
const TODAY = today()

async function call(email: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: { cookie: await t.cookieFor(email) } })
}
const ADMIN = 'admin@test.example'
const FPM = 'fpma1@test.example'

async function list(query = '', email = ADMIN): Promise<OpportunityItem[]> {
  const res = await call(email, 'GET', `/api/opportunities?pageSize=200${query}`)
  expect(res.statusCode).toBe(200)
  return res.json().items
}
const find = (items: OpportunityItem[], rule: string, customerId: number) =>
  items.find((o) => o.rule === rule && o.customerId === customerId)

beforeAll(async () => {
  t = await createAccessTestApp()
  const { db } = t.database
  // Customer A1 (500 seats, EXO, in progress, not claimed): usage past 10 % for 200 days.
  await db.insert(usageSnapshots).values([
    {
      customerId: t.fx.customerA1.id,
      workloadCode: 'EXO',
      asOf: addDays(TODAY, -200),
      licensedUsers: 400,
      activeUsers: 60,
      source: 'portfolio',
    },
    {
      customerId: t.fx.customerA1.id,
      workloadCode: 'EXO',
      asOf: addDays(TODAY, -3),
      licensedUsers: 400,
      activeUsers: 130,
      source: 'portfolio',
    },
  ])
  // Customer B1 (SPO): past 10 %, then a dip, then past again 120 days ago → the success date is the last rise.
  await db.insert(usageSnapshots).values(
    [
      [-300, 200],
      [-200, 50],
      [-120, 200],
      [-5, 300],
    ].map(([days, active]) => ({
      customerId: t.fx.customerB1.id,
      workloadCode: 'SPO',
      asOf: addDays(TODAY, days!),
      licensedUsers: 1000,
      activeUsers: active!,
      source: 'portfolio',
    })),
  )
  await db.insert(partnerEndorsements).values({ partnerId: t.fx.partnerA1.id, workloadCode: 'TEAMS' })
  await analyticsRefresher(t.database).refresh()
})
afterAll(() => t.close())

describe('opportunities found by the refresh', () => {
  it('lists the rules with their unit', async () => {
    const res = await call(FPM, 'GET', '/api/opportunities/rules')
    expect(res.statusCode).toBe(200)
    expect(res.json().items.map((r: { id: string }) => r.id)).toEqual([
      'drive-usage',
      'unclaimed',
      'stalled',
      'near-milestone',
      'survey-contact',
      'success-review',
    ])
  })

  it('finds unclaimed, missing survey contact and an overdue success review, with reasons', async () => {
    const items = await list()
    const a1 = t.fx.customerA1.id
    expect(find(items, 'unclaimed', a1)).toMatchObject({
      value: 400,
      workloadCode: 'EXO',
      partnerName: 'Alpha One',
      reason:
        'Customer A1: Exchange Online (In progress) is not claimed in Partner Center (CPOR); 400 licensed users not credited',
      state: 'open',
      canEdit: true,
    })
    expect(find(items, 'survey-contact', a1)).toMatchObject({ value: 130, workloadCode: null })
    // 60/400 = 15 % since 200 days ago; due after 90 days → 110 days overdue.
    const review = find(items, 'success-review', a1)!
    expect(review.value).toBe(110)
    expect(review.evidence).toMatchObject({ reachedOn: addDays(TODAY, -200), overdueDays: 110 })
    // Customer B1: SPO not claimed, 1,000 licensed; past 10 % again since 120 days ago → 30 days overdue.
    expect(find(items, 'unclaimed', t.fx.customerB1.id)?.value).toBe(1000)
    expect(find(items, 'success-review', t.fx.customerB1.id)?.evidence).toMatchObject({
      reachedOn: addDays(TODAY, -120),
      overdueDays: 30,
    })
    // Customer A2 has 90 seats: not eligible.
    expect(items.some((o) => o.customerId === t.fx.customerA2.id && o.rule === 'unclaimed')).toBe(false)
  })

  it('filters by rule, partner and customer, and ranks by value', async () => {
    const unclaimed = await list('&rule=unclaimed')
    expect(unclaimed.every((o) => o.rule === 'unclaimed')).toBe(true)
    expect(unclaimed.map((o) => o.value)).toEqual([...unclaimed.map((o) => o.value)].sort((a, b) => b - a))
    const rules = (await call(FPM, 'GET', '/api/opportunities/rules'))
      .json()
      .items.map((r: { id: string }) => r.id)
    const byRule = (await list('&sort=rule')).map((o) => rules.indexOf(o.rule))
    expect(byRule).toEqual([...byRule].sort((a, b) => a - b))
    const byPartner = await list(`&partnerId=${t.fx.partnerB1.id}`)
    expect(byPartner.length).toBeGreaterThan(0)
    expect(byPartner.every((o) => o.partnerId === t.fx.partnerB1.id)).toBe(true)
    const byCustomer = await list(`&customerId=${t.fx.customerA1.id}&workload=EXO`)
    expect(byCustomer.map((o) => o.rule).sort()).toEqual(['unclaimed'])
  })

  it('an edit updates the list: claim, survey contact and success review', async () => {
    const a1 = t.fx.customerA1.id
    expect(
      (await call(FPM, 'PATCH', `/api/engagements/${t.fx.engagementA1.id}`, { claimed: true })).statusCode,
    ).toBe(200)
    const res = await call(FPM, 'PATCH', `/api/customers/${a1}`, {
      surveyContactEmail: 'survey@a1.example',
      lastSuccessReviewOn: addDays(TODAY, -10),
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      surveyContactEmail: 'survey@a1.example',
      lastSuccessReviewOn: addDays(TODAY, -10),
    })
    const items = await list(`&customerId=${a1}`)
    expect(items.map((o) => o.rule)).toEqual([])
  })

  it('rejects a survey contact that is not an email', async () => {
    const res = await call(FPM, 'PATCH', `/api/customers/${t.fx.customerA1.id}`, {
      surveyContactEmail: 'nope',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.issues[0].path).toEqual(['surveyContactEmail'])
  })

  it('stalled: days since the phase began; a phase change (trigger) clears it', async () => {
    const { sql } = t.database
    await sql.query(`update engagements set phase_since = now() - interval '100 days' where id = $1`, [
      t.fx.engagementA1.id,
    ])
    await analyticsRefresher(t.database).afterCustomerChange(t.fx.customerA1.id)
    const stalled = find(await list('&rule=stalled'), 'stalled', t.fx.customerA1.id)!
    expect(stalled.value).toBe(100)
    expect(stalled.reason).toBe(
      'Customer A1: Exchange Online has been in Enable for 100 days (stalled from 60)',
    )
    // Same phase again: phase_since stays; a new phase: it restarts.
    await call(FPM, 'PATCH', `/api/engagements/${t.fx.engagementA1.id}`, { phase: 'enable' })
    expect(find(await list('&rule=stalled'), 'stalled', t.fx.customerA1.id)).toBeDefined()
    await call(FPM, 'PATCH', `/api/engagements/${t.fx.engagementA1.id}`, { phase: 'adoption' })
    expect(find(await list('&rule=stalled'), 'stalled', t.fx.customerA1.id)).toBeUndefined()
    const { rows } = await sql.query<{ fresh: boolean }>(
      `select phase_since > now() - interval '1 minute' as fresh from engagements where id = $1`,
      [t.fx.engagementA1.id],
    )
    expect(rows[0]?.fresh).toBe(true)
  })

  it('an import updates the list: an endorsed workload with low usage is worth driving', async () => {
    const csv = [
      'Partner ID,Partner Name,TPID,Customer Name,Seats,Workload,Intent,Claimed,Licensed,Active,As Of',
      `PA1,Alpha One,7001,Imported Co,1500,TEAMS,in_progress,true,1200,98,${addDays(TODAY, -2)}`,
    ].join('\n')
    const up = multipart({}, { name: 'p.csv', content: csv })
    const cookie = await t.cookieFor(FPM)
    const preview = await t.app.inject({
      method: 'POST',
      url: '/api/imports/portfolio',
      payload: up.payload,
      headers: { ...up.headers, cookie },
    })
    expect(preview.statusCode).toBe(201)
    const id = preview.json().id
    expect((await call(FPM, 'POST', `/api/imports/${id}/commit`)).statusCode).toBe(202)
    for (let i = 0; i < 2000; i++) {
      const rec = (await call(FPM, 'GET', `/api/imports/${id}`)).json() as ImportRecord
      if (rec.status !== 'running') {
        expect(rec.status).toBe('done')
        break
      }
      await new Promise((r) => setTimeout(r, 10))
    }
    const drive = (await list('&rule=drive-usage')).find((o) => o.customerName === 'Imported Co')!
    expect(drive).toMatchObject({
      value: 1102,
      workloadCode: 'TEAMS',
      reason:
        'Imported Co: Microsoft Teams 8.2 % active of 1,200 licensed, below the 20 % referral threshold; 1,102 users to win',
    })
  })
})

describe('dismiss, snooze, reopen', () => {
  let id = 0
  beforeAll(async () => {
    id = find(await list('&rule=unclaimed'), 'unclaimed', t.fx.customerB1.id)!.id
  })

  it('needs a reason; snooze needs a date after today', async () => {
    const bad = await call(ADMIN, 'POST', `/api/opportunities/${id}/dismiss`, { reason: ' ' })
    expect(bad.statusCode).toBe(400)
    const past = await call(ADMIN, 'POST', `/api/opportunities/${id}/snooze`, {
      reason: 'later',
      until: TODAY,
    })
    expect(past.statusCode).toBe(400)
    expect(past.json().error.issues[0].path).toEqual(['until'])
  })

  it('dismiss hides it from the open list; reopen brings it back; history keeps all', async () => {
    const res = await call(ADMIN, 'POST', `/api/opportunities/${id}/dismiss`, {
      reason: 'Claimed by another partner',
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ state: 'dismissed', stateReason: 'Claimed by another partner' })
    expect((await list()).some((o) => o.id === id)).toBe(false)
    expect((await list('&state=dismissed')).map((o) => o.id)).toContain(id)

    const snooze = await call(ADMIN, 'POST', `/api/opportunities/${id}/snooze`, {
      reason: 'Customer busy until the new year',
      until: addDays(TODAY, 30),
    })
    expect(snooze.json()).toMatchObject({ state: 'snoozed', snoozedUntil: addDays(TODAY, 30) })
    expect((await list('&state=snoozed')).map((o) => o.id)).toContain(id)

    // Reopen needs no body.
    const reopen = await t.app.inject({
      method: 'POST',
      url: `/api/opportunities/${id}/reopen`,
      headers: { cookie: await t.cookieFor(ADMIN) },
    })
    expect(reopen.json()).toMatchObject({ state: 'open', stateReason: null })

    const history = (await call(ADMIN, 'GET', `/api/opportunities/${id}/history`)).json().items
    expect(history.map((h: { action: string }) => h.action)).toEqual(['reopened', 'snoozed', 'dismissed'])
    expect(history[1]).toMatchObject({ reason: 'Customer busy until the new year', userName: 'admin' })
  })

  it('turns into an action item of its partner: owner me, due in two weeks; on My week and in its history', async () => {
    const o = (await list('', FPM)).find((x) => x.workloadCode !== null && x.actionItem === null)!
    expect(o).toBeDefined()
    const bad = await call(FPM, 'POST', `/api/opportunities/${o.id}/action`, { title: '' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.issues[0].path).toEqual(['title'])

    const res = await call(FPM, 'POST', `/api/opportunities/${o.id}/action`, {})
    expect(res.statusCode).toBe(200)
    const item = res.json() as OpportunityItem
    expect(item.state).toBe('open')
    expect(item.actionItem).toMatchObject({
      title: `${o.ruleTitle}: ${o.customerName} — ${workloadName(o.workloadCode!)}`,
      status: 'open',
      dueOn: addDays(TODAY, 14),
    })
    const actions = (await call(FPM, 'GET', `/api/action-items?partnerId=${t.fx.partnerA1.id}`)).json().items
    const made = actions.find((a: { id: number }) => a.id === item.actionItem!.id)
    expect(made).toMatchObject({
      source: 'opportunity',
      sourceId: String(o.id),
      customerId: o.customerId,
    })
    expect(made.owner.name).toBe('fpmA1')
    // Due after this week: on My week under "later".
    const week = (await call(FPM, 'GET', '/api/my-week')).json()
    expect(week.later.map((a: { id: number }) => a.id)).toContain(item.actionItem!.id)
    const history = (await call(FPM, 'GET', `/api/opportunities/${o.id}/history`)).json().items
    expect(history[0]).toMatchObject({ action: 'actioned', reason: item.actionItem!.title })
    // Read-only roles cannot.
    expect(
      (await call('viewer@test.example', 'POST', `/api/opportunities/${o.id}/action`, {})).statusCode,
    ).toBe(403)
  })

  it('a snoozed one is open again once its date has come', async () => {
    const o = (await list()).find((x) => x.id === id)!
    await t.database.sql.query(
      `insert into opportunity_states (rule, engagement_id, action, until, reason) values ($1, $2, 'snoozed', $3::date, 'old')`,
      [o.rule, o.engagementId, TODAY],
    )
    expect((await list()).find((x) => x.id === id)?.state).toBe('open')
  })

  it('the state survives a refresh; the id stays while the opportunity is found', async () => {
    await call(ADMIN, 'POST', `/api/opportunities/${id}/dismiss`, { reason: 'Not ours' })
    await analyticsRefresher(t.database).refresh()
    const again = (await list('&state=all')).find((o) => o.id === id)
    expect(again?.state).toBe('dismissed')
  })
})

describe('access', () => {
  it('lists only the opportunities of visible partners', async () => {
    const fpmA2 = await list('', 'fpma2@test.example')
    expect(fpmA2.every((o) => o.partnerId === t.fx.partnerA2.id)).toBe(true)
    const leadB = await list('&state=all', 'leadb@test.example')
    expect(leadB.length).toBeGreaterThan(0)
    expect(leadB.every((o) => o.partnerId === t.fx.partnerB1.id)).toBe(true)
    const viewer = await list('&state=all', 'viewer@test.example')
    expect(viewer.every((o) => o.canEdit === false)).toBe(true)
  })

  it('hidden → 404, read-only → 403', async () => {
    const b1 = find(await list('&state=all'), 'unclaimed', t.fx.customerB1.id)!
    const hidden = await call(FPM, 'POST', `/api/opportunities/${b1.id}/reopen`, {})
    expect(hidden.statusCode).toBe(404)
    const missing = await call(FPM, 'POST', '/api/opportunities/999999/reopen', {})
    expect(missing.json()).toEqual(hidden.json())
    const viewer = await call('viewer@test.example', 'POST', `/api/opportunities/${b1.id}/reopen`, {})
    expect(viewer.statusCode).toBe(403)
  })
})
