import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insights, spotlights } from '#db/schema/index'
import type { Actor } from '#server/modules/access/actor'
import { insightsService } from '#server/modules/insights/service'
import { createAccessTestApp } from '#test/helpers/app'
import { readXlsx } from '#test/helpers/xlsx'

let t: Awaited<ReturnType<typeof createAccessTestApp>>
let tmp = ''
const FPM = 'fpma1@test.example'
const LEAD = 'leada@test.example'

async function call(email: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: { cookie: await t.cookieFor(email) } })
}
const actorOf = (key: 'admin' | 'fpmA1' | 'leadB'): Actor => {
  const u = t.fx.users[key]
  return { id: u.id, role: u.role as Actor['role'], regionId: u.regionId, email: u.email }
}

beforeAll(async () => {
  t = await createAccessTestApp()
  tmp = mkdtempSync(join(tmpdir(), 'insights-'))
})
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true })
  await t.close()
})

describe('insights', () => {
  let id = 0
  it('raises an insight; the raising customer is its first +1', async () => {
    const res = await call(FPM, 'POST', '/api/insights', {
      partnerId: t.fx.partnerA1.id,
      customerId: t.fx.customerA1.id,
      workloadCode: 'EXO',
      type: 'product',
      title: 'Shared mailbox migration batches',
      description: 'Batches above 500 mailboxes time out.',
    })
    expect(res.statusCode).toBe(201)
    const body = res.json()
    id = body.id
    expect(body).toMatchObject({
      status: 'new',
      submittedAt: null,
      partnerName: 'Alpha One',
      customerName: 'Customer A1',
      submittedByName: 'fpmA1',
      plusOnes: 1,
    })
    expect(body.plusOneList.map((p: { customerTpid: string }) => p.customerTpid)).toEqual(['1001'])
  })

  it('names the field of bad input', async () => {
    const res = await call(FPM, 'POST', '/api/insights', {
      partnerId: t.fx.partnerA1.id,
      type: 'nonsense',
      title: ' ',
      description: 'x',
      workloadCode: 'NOPE',
    })
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.issues.map((i: { path: string[] }) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['type', 'title', 'workloadCode']))
    const foreign = await call(FPM, 'POST', '/api/insights', {
      partnerId: t.fx.partnerA1.id,
      customerId: t.fx.customerB1.id,
      type: 'process',
      title: 'x',
      description: 'y',
    })
    expect(foreign.statusCode).toBe(400)
    expect(foreign.json().error.issues[0].path).toEqual(['customerId'])
  })

  it('takes one +1 per customer, enforced by the database', async () => {
    // The FPM of A1 cannot see customer A2; the lead of region A can.
    const hidden = await call(FPM, 'POST', `/api/insights/${id}/plus-ones`, {
      customerId: t.fx.customerA2.id,
    })
    expect(hidden.statusCode).toBe(400)
    expect(hidden.json().error.issues[0].path).toEqual(['customerId'])
    const added = await call(LEAD, 'POST', `/api/insights/${id}/plus-ones`, {
      customerId: t.fx.customerA2.id,
      note: 'Same at Customer A2',
    })
    expect(added.statusCode).toBe(201)
    expect(added.json().plusOnes).toBe(2)
    const again = await call(LEAD, 'POST', `/api/insights/${id}/plus-ones`, {
      customerId: t.fx.customerA2.id,
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('CONFLICT')
    const own = await call(FPM, 'POST', `/api/insights/${id}/plus-ones`, { customerId: t.fx.customerA1.id })
    expect(own.statusCode).toBe(409)
    const [{ n }] = (
      await t.database.sql.query<{ n: number }>(
        'select count(*)::int as n from insight_plus_ones where insight_id = $1',
        [id],
      )
    ).rows as [{ n: number }]
    expect(n).toBe(2)
    expect((await call(FPM, 'GET', `/api/insights/${id}`)).json().plusOnes).toBe(2)
  })

  it('follows new → submitted → acknowledged → addressed, and refuses a skipped step', async () => {
    const skip = await call(FPM, 'PATCH', `/api/insights/${id}`, { status: 'acknowledged' })
    expect(skip.statusCode).toBe(400)
    expect(skip.json().error.issues[0].path).toEqual(['status'])
    const submitted = (await call(FPM, 'PATCH', `/api/insights/${id}`, { status: 'submitted' })).json()
    expect(submitted.status).toBe('submitted')
    expect(submitted.submittedAt).not.toBeNull()
    await call(FPM, 'PATCH', `/api/insights/${id}`, { status: 'acknowledged' })
    const done = (await call(FPM, 'PATCH', `/api/insights/${id}`, { status: 'addressed' })).json()
    expect(done.status).toBe('addressed')
    expect(done.closedAt).not.toBeNull()
    const reopen = await call(FPM, 'PATCH', `/api/insights/${id}`, { status: 'declined' })
    expect(reopen.statusCode).toBe(400)
  })

  it('lists within scope and by filter', async () => {
    expect((await call('fpmb1@test.example', 'GET', '/api/insights')).json().total).toBe(0)
    expect((await call('fpmb1@test.example', 'GET', `/api/insights/${id}`)).statusCode).toBe(404)
    const filtered = (await call(FPM, 'GET', '/api/insights?type=product&status=addressed')).json()
    expect(filtered.items.map((i: { id: number }) => i.id)).toEqual([id])
    expect((await call(FPM, 'GET', '/api/insights?type=process')).json().total).toBe(0)
  })
})

describe('spotlights', () => {
  let id = 0
  it('goes from draft to submitted; only a lead or an admin approves it to share', async () => {
    const created = await call(FPM, 'POST', '/api/spotlights', {
      partnerId: t.fx.partnerA1.id,
      customerId: t.fx.customerA1.id,
      workloadCodes: ['EXO', 'TEAMS'],
      title: 'From stuck to live in 6 weeks',
      situation: 'The tenant migration had **stalled**.',
      actions: '- Weekly triage\n- A pilot wave',
      outcome: '4,000 mailboxes moved.',
    })
    expect(created.statusCode).toBe(201)
    id = created.json().id
    expect(created.json()).toMatchObject({
      status: 'draft',
      workloadCodes: ['EXO', 'TEAMS'],
      decidedAt: null,
    })
    expect(
      (await call(FPM, 'PATCH', `/api/spotlights/${id}`, { status: 'approved_public' })).statusCode,
    ).toBe(400)
    await call(FPM, 'PATCH', `/api/spotlights/${id}`, { status: 'submitted' })
    const self = await call(FPM, 'PATCH', `/api/spotlights/${id}`, { status: 'approved_public' })
    expect(self.statusCode).toBe(403)
    const approved = await call(LEAD, 'PATCH', `/api/spotlights/${id}`, {
      status: 'approved_internal',
      decisionNote: 'Customer consent for internal use only',
    })
    expect(approved.statusCode).toBe(200)
    expect(approved.json()).toMatchObject({
      status: 'approved_internal',
      decidedByName: 'leadA',
      decisionNote: 'Customer consent for internal use only',
    })
    expect(approved.json().decidedAt).not.toBeNull()
    const edit = await call(LEAD, 'PATCH', `/api/spotlights/${id}`, { title: 'Changed' })
    expect(edit.statusCode).toBe(400)
    expect(edit.json().error.issues[0].path).toEqual(['title'])
  })

  it('names the missing story fields', async () => {
    const res = await call(FPM, 'POST', '/api/spotlights', {
      partnerId: t.fx.partnerA1.id,
      title: 'x',
      situation: '',
      workloadCodes: ['EXO', 'EXO'],
    })
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.issues.map((i: { path: string[] }) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['situation', 'actions', 'outcome', 'workloadCodes']))
  })
})

describe('counts per partner, FPM and region', () => {
  it('counts by submission date in [from, to), approvals by decision date, in the actor’s scope', async () => {
    const { db } = t.database
    const base = { type: 'product', title: 'c', description: 'd', submittedBy: t.fx.users.fpmA1.id }
    await db.insert(insights).values([
      {
        ...base,
        partnerId: t.fx.partnerA1.id,
        status: 'submitted',
        submittedAt: new Date('2025-03-01T00:00:00Z'),
      },
      {
        ...base,
        partnerId: t.fx.partnerA1.id,
        status: 'submitted',
        submittedAt: new Date('2025-03-31T23:59:59Z'),
      },
      {
        ...base,
        partnerId: t.fx.partnerA1.id,
        status: 'submitted',
        submittedAt: new Date('2025-04-01T00:00:00Z'),
      },
      {
        ...base,
        partnerId: t.fx.partnerB1.id,
        status: 'acknowledged',
        submittedAt: new Date('2025-03-10T00:00:00Z'),
      },
      // Never submitted: not counted.
      { ...base, partnerId: t.fx.partnerB1.id, status: 'new', submittedAt: null },
    ])
    const story = {
      title: 's',
      situation: 's',
      actions: 'a',
      outcome: 'o',
      createdBy: t.fx.users.fpmB1.id,
      partnerId: t.fx.partnerB1.id,
    }
    await db.insert(spotlights).values([
      // Submitted in February, approved in March: a spotlight of February, an approval of March.
      {
        ...story,
        status: 'approved_public',
        submittedAt: new Date('2025-02-20T00:00:00Z'),
        decidedAt: new Date('2025-03-02T00:00:00Z'),
        decidedBy: t.fx.users.leadB.id,
      },
      { ...story, status: 'submitted', submittedAt: new Date('2025-03-05T00:00:00Z') },
      {
        ...story,
        status: 'rejected',
        submittedAt: new Date('2025-03-06T00:00:00Z'),
        decidedAt: new Date('2025-03-07T00:00:00Z'),
      },
    ])
    const march = { from: '2025-03-01', to: '2025-04-01' }
    const rows = await insightsService(t.database).totalsByPartner(actorOf('admin'), {}, march)
    const by = Object.fromEntries(rows.map((r) => [r.partnerId, r]))
    expect(by[t.fx.partnerA1.id]).toEqual({
      partnerId: t.fx.partnerA1.id,
      fpmUserId: t.fx.users.fpmA1.id,
      regionId: t.fx.regionA.id,
      insights: 2,
      spotlights: 0,
      spotlightsApproved: 0,
    })
    expect(by[t.fx.partnerB1.id]).toMatchObject({ insights: 1, spotlights: 2, spotlightsApproved: 1 })
    expect(by[t.fx.partnerA2.id]).toMatchObject({ insights: 0, spotlights: 0, spotlightsApproved: 0 })
    const mine = await insightsService(t.database).totalsByPartner(actorOf('fpmA1'), {}, march)
    expect(mine.map((r) => r.partnerId)).toEqual([t.fx.partnerA1.id])
    const regionB = await insightsService(t.database).totalsByPartner(
      actorOf('admin'),
      { regionId: t.fx.regionB.id },
      march,
    )
    expect(regionB.map((r) => r.partnerId)).toEqual([t.fx.partnerB1.id])

    const counts = (
      await call('admin@test.example', 'GET', '/api/insights/counts?from=2025-03-01&to=2025-04-01')
    ).json()
    const regionA = counts.regions.find((r: { regionId: number }) => r.regionId === t.fx.regionA.id)
    expect(regionA).toMatchObject({ partners: 2, partnersWithNone: 1, insights: 2, spotlights: 0 })
    const fpmB = counts.fpms.find((f: { fpmUserId: number }) => f.fpmUserId === t.fx.users.fpmB1.id)
    expect(fpmB).toMatchObject({ fpmName: 'fpmB1', partners: 1, partnersWithNone: 0, spotlights: 2 })
  })
})

describe('exports are safe against formula injection', () => {
  const evil = '=HYPERLINK("http://evil.example","x")'
  beforeAll(async () => {
    await call(FPM, 'POST', '/api/insights', {
      partnerId: t.fx.partnerA1.id,
      type: 'other',
      title: evil,
      description: '@SUM(A1:A9), then "quoted"\nnext line',
      submit: true,
    })
    await call(FPM, 'POST', '/api/spotlights', {
      partnerId: t.fx.partnerA1.id,
      title: '+cmd|" /C calc"!A0',
      situation: '-2+3',
      actions: '=1+1',
      outcome: 'Plain outcome',
    })
  })

  it('writes CSV with a quote before a formula start, read back by csv-parse', async () => {
    const res = await call(FPM, 'GET', '/api/insights/export?format=csv')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/csv')
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="insights-\d{4}-\d{2}-\d{2}\.csv"/,
    )
    const rows: Record<string, string>[] = parse(res.rawPayload, { columns: true, bom: true })
    const row = rows.find((r) => r.Title?.includes('HYPERLINK'))!
    expect(row.Title).toBe(`'${evil}`)
    expect(row.Description).toBe(`'@SUM(A1:A9), then "quoted"\nnext line`)
    expect(row.Partner).toBe('Alpha One')
    // Every insight the FPM can see, and none of partner B1.
    const listed = (await call(FPM, 'GET', '/api/insights?pageSize=200')).json()
    expect(rows).toHaveLength(listed.total)
    expect(rows.some((r) => r.Partner === 'Beta One')).toBe(false)
    for (const r of rows) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/)

    const stories = parse((await call(FPM, 'GET', '/api/spotlights/export?format=csv')).rawPayload, {
      columns: true,
      bom: true,
    }) as Record<string, string>[]
    const s = stories.find((r) => r.Outcome === 'Plain outcome')!
    expect([s.Title, s.Situation, s['What was done']]).toEqual(['\'+cmd|" /C calc"!A0', "'-2+3", "'=1+1"])
  })

  it('writes XLSX string cells, read back by openpyxl (a formula cell would read as no value)', async () => {
    const res = await call(FPM, 'GET', '/api/insights/export?format=xlsx')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    const path = join(tmp, 'insights.xlsx')
    writeFileSync(path, res.rawPayload)
    const sheets = await readXlsx(path)
    const [header, ...rows] = sheets.Insights!
    const title = header!.indexOf('Title')
    expect(rows.map((r) => r[title])).toContain(evil)
    const desc = header!.indexOf('Description')
    expect(rows.map((r) => r[desc])).toContain('@SUM(A1:A9), then "quoted"\nnext line')

    const sres = await call(FPM, 'GET', '/api/spotlights/export?format=xlsx')
    writeFileSync(join(tmp, 'spotlights.xlsx'), sres.rawPayload)
    const ss = await readXlsx(join(tmp, 'spotlights.xlsx'))
    const [sh, ...srows] = ss.Spotlights!
    const r = srows.find((x) => x[sh!.indexOf('Outcome')] === 'Plain outcome')!
    expect([r[sh!.indexOf('Title')], r[sh!.indexOf('Situation')]]).toEqual(['+cmd|" /C calc"!A0', '-2+3'])
  })
})

describe('referrals', () => {
  it('records a referral, flags it unanswered once the window passed, and takes one answer', async () => {
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString()
    const res = await call(FPM, 'POST', '/api/referrals', {
      partnerId: t.fx.partnerA1.id,
      customerTpid: '555123',
      customerName: 'Contoso Pharma',
      workloadCodes: ['TEAMS'],
      receivedAt: tenDaysAgo,
    })
    expect(res.statusCode).toBe(201)
    const r = res.json()
    expect(r).toMatchObject({ status: 'pending', customerName: 'Contoso Pharma', unanswered: true })
    expect(new Date(r.answerDueAt).getTime() - new Date(r.receivedAt).getTime()).toBe(7 * 86_400_000)
    const list = (
      await call(FPM, 'GET', `/api/partners/${t.fx.partnerA1.id}/referrals?unanswered=true`)
    ).json()
    expect(list).toMatchObject({ total: 1, unansweredTotal: 1, answerWithinDays: 7 })
    expect(
      (await call('fpmb1@test.example', 'GET', `/api/partners/${t.fx.partnerA1.id}/referrals`)).statusCode,
    ).toBe(404)
    const accepted = (await call(FPM, 'PATCH', `/api/referrals/${r.id}`, { status: 'accepted' })).json()
    expect(accepted).toMatchObject({ status: 'accepted', unanswered: false })
    const twice = await call(FPM, 'PATCH', `/api/referrals/${r.id}`, { status: 'declined' })
    expect(twice.statusCode).toBe(400)
    expect(twice.json().error.issues[0].path).toEqual(['status'])
  })

  it('names the field of bad input', async () => {
    const res = await call(FPM, 'POST', '/api/referrals', {
      partnerId: t.fx.partnerA1.id,
      workloadCodes: [],
      receivedAt: 'yesterday',
    })
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.issues.map((i: { path: string[] }) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['workloadCodes', 'receivedAt']))
    const future = await call(FPM, 'POST', '/api/referrals', {
      partnerId: t.fx.partnerA1.id,
      customerName: 'X',
      workloadCodes: ['EXO'],
      receivedAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    })
    expect(future.statusCode).toBe(400)
    expect(future.json().error.issues[0].path).toEqual(['receivedAt'])
  })

  it('totals per partner: received in the period, answered before its end, unanswered as of its end', async () => {
    const { referrals } = await import('#db/schema/index')
    const { referralsService } = await import('#server/modules/referrals/service')
    const { unansweredAsOf } = await import('#shared/domain/referrals')
    const at = (s: string) => new Date(s)
    const base = { partnerId: t.fx.partnerB1.id, customerName: 'T', recordedBy: t.fx.users.fpmB1.id }
    const rows = [
      { ...base, receivedAt: at('2025-06-01T09:00:00Z'), status: 'pending', respondedAt: null },
      {
        ...base,
        receivedAt: at('2025-06-05T09:00:00Z'),
        status: 'accepted',
        respondedAt: at('2025-07-03T00:00:00Z'),
      },
      {
        ...base,
        receivedAt: at('2025-06-10T09:00:00Z'),
        status: 'reassigned',
        respondedAt: at('2025-06-17T09:00:00Z'),
      },
      {
        ...base,
        receivedAt: at('2025-06-20T09:00:00Z'),
        status: 'declined',
        respondedAt: at('2025-06-21T09:00:00Z'),
      },
      // Received 3 days before the end: still within its 7 days.
      { ...base, receivedAt: at('2025-06-27T09:00:00Z'), status: 'pending', respondedAt: null },
      // Outside the period.
      { ...base, receivedAt: at('2025-05-31T09:00:00Z'), status: 'pending', respondedAt: null },
    ] as const
    await t.database.db.insert(referrals).values(rows.map((r) => ({ ...r })))
    const june = { from: '2025-06-01', to: '2025-07-01' }
    const totals = await referralsService(t.database).totalsByPartner(actorOf('admin'), {}, june)
    const b1 = totals.find((r) => r.partnerId === t.fx.partnerB1.id)
    // Hand count: 5 received; answered before 1 July: the decline; unanswered as of 1 July: the 1 June pending,
    // the reassigned one and the one accepted only on 3 July.
    expect(b1).toEqual({
      partnerId: t.fx.partnerB1.id,
      fpmUserId: t.fx.users.fpmB1.id,
      regionId: t.fx.regionB.id,
      received: 5,
      answered: 1,
      unanswered: 3,
    })
    // The SQL agrees with the pure rule row by row.
    const end = at('2025-07-01T00:00:00Z')
    const pure = rows
      .filter((r) => r.receivedAt >= at('2025-06-01T00:00:00Z') && r.receivedAt < end)
      .filter((r) => unansweredAsOf(r, end, 7)).length
    expect(pure).toBe(b1!.unanswered)
    expect(totals.find((r) => r.partnerId === t.fx.partnerA2.id)).toMatchObject({
      received: 0,
      unanswered: 0,
    })
    const scoped = await referralsService(t.database).totalsByPartner(actorOf('leadB'), {}, june)
    expect(scoped.map((r) => r.partnerId)).toEqual([t.fx.partnerB1.id])
  })
})
