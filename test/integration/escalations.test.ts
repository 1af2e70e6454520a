import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { escalations } from '#db/schema/index'
import type { Actor } from '#server/modules/access/actor'
import { escalationsService } from '#server/modules/escalations/service'
import type { EscalationDetail } from '#shared/contracts/escalations'
import { today } from '#shared/domain/periods'
import { createAccessTestApp } from '#test/helpers/app'

let t: Awaited<ReturnType<typeof createAccessTestApp>>
const ADMIN = 'admin@test.example'
const FPM = 'fpma1@test.example'
const SME = 'smea@test.example'
const HOUR = 3_600_000

async function call(email: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: { cookie: await t.cookieFor(email) } })
}

async function raise(body: Record<string, unknown> = {}, email = FPM): Promise<EscalationDetail> {
  const res = await call(email, 'POST', '/api/escalations', {
    title: 'Tenant migration blocked',
    severity: 'high',
    category: 'technical',
    partnerId: t.fx.partnerA1.id,
    ...body,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

/** Moves an escalation's clock: raised `hours` ago. */
async function raisedHoursAgo(id: number, hours: number) {
  const { eq } = await import('drizzle-orm')
  await t.database.db
    .update(escalations)
    .set({ raisedAt: new Date(Date.now() - hours * HOUR) })
    .where(eq(escalations.id, id))
}

beforeAll(async () => {
  t = await createAccessTestApp()
})
afterAll(() => t.close())

describe('raising an escalation', () => {
  it('records who raised it, owns it by default, starts open with a timeline entry and an SLA clock', async () => {
    const e = await raise({
      customerId: t.fx.customerA1.id,
      workloadCode: 'EXO',
      description: 'DNS cut-over',
    })
    expect(e).toMatchObject({
      status: 'open',
      severity: 'high',
      partnerName: 'Alpha One',
      customerName: 'Customer A1',
      workloadCode: 'EXO',
      ownerName: 'fpmA1',
      raisedByName: 'fpmA1',
      escalatedTo: null,
      canEdit: true,
    })
    expect(e.sla.hours).toBe(72)
    expect(e.sla.state).toBe('on_track')
    expect(Date.parse(e.sla.dueAt) - Date.parse(e.raisedAt)).toBe(72 * HOUR)
    expect(e.timeline.map((v) => [v.kind, v.toStatus, v.userName])).toEqual([['raised', 'open', 'fpmA1']])
  })

  it('rejects a customer of another partner, naming the field', async () => {
    const res = await call(FPM, 'POST', '/api/escalations', {
      title: 'x',
      severity: 'low',
      category: 'process',
      partnerId: t.fx.partnerA1.id,
      customerId: t.fx.customerA2.id,
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.issues).toEqual([
      { path: ['customerId'], message: 'Choose a customer of this partner' },
    ])
  })

  it('rejects a missing title and an unknown severity with the fields named', async () => {
    const res = await call(FPM, 'POST', '/api/escalations', {
      title: ' ',
      severity: 'urgent',
      category: 'technical',
      partnerId: t.fx.partnerA1.id,
    })
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.issues.map((i: { path: string[] }) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['title', 'severity']))
  })

  it('rejects a viewer as owner and a partner outside the scope', async () => {
    const owner = await call(FPM, 'POST', '/api/escalations', {
      title: 'x',
      severity: 'low',
      category: 'process',
      partnerId: t.fx.partnerA1.id,
      ownerUserId: t.fx.users.viewer.id,
    })
    expect(owner.statusCode).toBe(400)
    expect(owner.json().error.issues[0].path).toEqual(['ownerUserId'])
    const hidden = await call(FPM, 'POST', '/api/escalations', {
      title: 'x',
      severity: 'low',
      category: 'process',
      partnerId: t.fx.partnerB1.id,
    })
    expect(hidden.statusCode).toBe(400)
    expect(hidden.json().error.issues[0].path).toEqual(['partnerId'])
  })
})

describe('workflow', () => {
  it('follows the transition table and keeps every step in the timeline', async () => {
    const e = await raise()
    const url = `/api/escalations/${e.id}/transition`
    const start = await call(FPM, 'POST', url, { status: 'in_progress', note: 'On it' })
    expect(start.json().status).toBe('in_progress')
    const resolved = await call(FPM, 'POST', url, { status: 'resolved' })
    expect(resolved.json().status).toBe('resolved')
    expect(resolved.json().resolvedAt).not.toBeNull()
    const illegal = await call(FPM, 'POST', url, { status: 'in_progress' })
    expect(illegal.statusCode).toBe(409)
    expect(illegal.json().error.message).toBe('An escalation that is resolved cannot become in progress')
    const reopened = await call(FPM, 'POST', url, { status: 'open', note: 'Came back' })
    expect(reopened.json()).toMatchObject({ status: 'open', resolvedAt: null })
    const timeline = reopened
      .json()
      .timeline.map((v: EscalationDetail['timeline'][number]) => [v.kind, v.fromStatus, v.toStatus, v.note])
    expect(timeline).toEqual([
      ['raised', null, 'open', null],
      ['status', 'open', 'in_progress', 'On it'],
      ['status', 'in_progress', 'resolved', null],
      ['status', 'resolved', 'open', 'Came back'],
    ])
  })

  it('closing requires evidence and a valid http(s) link, named field by field', async () => {
    const e = await raise()
    const url = `/api/escalations/${e.id}/transition`
    const none = await call(FPM, 'POST', url, { status: 'closed' })
    expect(none.statusCode).toBe(400)
    expect(none.json().error.issues.map((i: { path: string[] }) => i.path[0])).toEqual(['evidence', 'link'])
    const badLink = await call(FPM, 'POST', url, {
      status: 'closed',
      evidence: 'Fixed the connector',
      link: 'javascript:alert(1)',
    })
    expect(badLink.statusCode).toBe(400)
    expect(badLink.json().error.issues).toEqual([
      { path: ['link'], message: 'Use a web address starting with http:// or https://' },
    ])
    expect((await call(FPM, 'GET', `/api/escalations/${e.id}`)).json().status).toBe('open')
    const closed = await call(FPM, 'POST', url, {
      status: 'closed',
      evidence: 'Fixed the connector',
      link: 'https://support.example/case/42',
    })
    expect(closed.statusCode).toBe(200)
    expect(closed.json()).toMatchObject({
      status: 'closed',
      closureEvidence: 'Fixed the connector',
      closureLink: 'https://support.example/case/42',
    })
    expect(closed.json().resolvedAt).not.toBeNull()
    const last = closed.json().timeline.at(-1)
    expect(last).toMatchObject({ kind: 'status', toStatus: 'closed', evidence: 'Fixed the connector' })
    const edit = await call(FPM, 'PATCH', `/api/escalations/${e.id}`, { title: 'Renamed' })
    expect(edit.statusCode).toBe(409)
  })

  it('escalates along the path with a note, each step timestamped with who did it', async () => {
    const e = await raise()
    const url = `/api/escalations/${e.id}/escalate`
    await call(FPM, 'POST', url, { target: 'lead', note: 'Need a decision on credits' })
    const res = await call('leada@test.example', 'POST', url, {
      target: 'program_team',
      note: 'Beyond the region',
    })
    expect(res.json().escalatedTo).toBe('program_team')
    const steps = res.json().timeline.filter((v: { kind: string }) => v.kind === 'escalated')
    expect(steps.map((v: EscalationDetail['timeline'][number]) => [v.target, v.note, v.userName])).toEqual([
      ['lead', 'Need a decision on credits', 'fpmA1'],
      ['program_team', 'Beyond the region', 'leadA'],
    ])
    expect(Date.parse(steps[1].createdAt)).toBeGreaterThanOrEqual(Date.parse(steps[0].createdAt))
    const noNote = await call(FPM, 'POST', url, { target: 'sme', note: '' })
    expect(noNote.statusCode).toBe(400)
    expect(noNote.json().error.issues[0].path).toEqual(['note'])
  })

  it('records field edits in the timeline and validates the customer', async () => {
    const e = await raise()
    const res = await call(FPM, 'PATCH', `/api/escalations/${e.id}`, {
      severity: 'critical',
      title: 'Renamed',
    })
    expect(res.json()).toMatchObject({ severity: 'critical', title: 'Renamed' })
    expect(res.json().sla.hours).toBe(24)
    expect(res.json().timeline.at(-1)).toMatchObject({
      kind: 'edited',
      note: 'Changed title, severity (high → critical)',
    })
    // Handed to someone else: the timeline names them; a viewer cannot be the owner.
    const handed = await call(FPM, 'PATCH', `/api/escalations/${e.id}`, { ownerUserId: t.fx.users.leadA.id })
    expect(handed.json()).toMatchObject({ ownerUserId: t.fx.users.leadA.id, ownerName: 'leadA' })
    expect(handed.json().timeline.at(-1).note).toBe('Changed owner (handed to leadA)')
    const back = await call('leada@test.example', 'PATCH', `/api/escalations/${e.id}`, {
      ownerUserId: t.fx.users.fpmA1.id,
    })
    expect(back.json().ownerName).toBe('fpmA1')
    const toViewer = await call(FPM, 'PATCH', `/api/escalations/${e.id}`, {
      ownerUserId: t.fx.users.viewer.id,
    })
    expect(toViewer.statusCode).toBe(400)
    expect(toViewer.json().error.issues[0].path).toEqual(['ownerUserId'])
    const bad = await call(FPM, 'PATCH', `/api/escalations/${e.id}`, { customerId: t.fx.customerB1.id })
    expect(bad.statusCode).toBe(400)
  })
})

describe('who may change it', () => {
  it('an SME who owns an escalation may work on it; another SME-visible one stays read-only', async () => {
    const owned = await raise({ ownerUserId: t.fx.users.smeA.id })
    const other = await raise()
    const mine = await call(SME, 'POST', `/api/escalations/${owned.id}/transition`, { status: 'in_progress' })
    expect(mine.statusCode).toBe(200)
    expect(mine.json().canEdit).toBe(true)
    const notMine = await call(SME, 'POST', `/api/escalations/${other.id}/transition`, {
      status: 'in_progress',
    })
    expect(notMine.statusCode).toBe(403)
    expect((await call(SME, 'GET', `/api/escalations/${other.id}`)).json().canEdit).toBe(false)
  })

  it('answers 404 for an escalation of a partner you may not see, like a missing one', async () => {
    const e = await raise()
    const hidden = await call('fpmb1@test.example', 'GET', `/api/escalations/${e.id}`)
    const missing = await call('fpmb1@test.example', 'GET', '/api/escalations/999999')
    expect(hidden.statusCode).toBe(404)
    expect(hidden.json()).toEqual(missing.json())
  })
})

describe('lists, SLA and reuse', () => {
  it('filters by status, severity, owner and SLA state, and pages', async () => {
    const breached = await raise({ severity: 'critical', title: 'Breached one' })
    await raisedHoursAgo(breached.id, 30)
    const atRisk = await raise({ severity: 'critical', title: 'At-risk one' })
    await raisedHoursAgo(atRisk.id, 20)
    const get = async (q: string, email = FPM) => (await call(email, 'GET', `/api/escalations?${q}`)).json()
    const b = await get('sla=breached&pageSize=200')
    expect(b.items.map((e: { id: number }) => e.id)).toContain(breached.id)
    expect(b.items.every((e: { sla: { state: string } }) => e.sla.state === 'breached')).toBe(true)
    const r = await get('sla=at_risk&pageSize=200')
    expect(r.items.map((e: { id: number }) => e.id)).toEqual([atRisk.id])
    expect(r.items[0].sla.elapsedShare).toBeCloseTo(20 / 24, 2)
    const crit = await get('severity=critical&status=active&pageSize=200')
    expect(crit.items.every((e: { severity: string }) => e.severity === 'critical')).toBe(true)
    // most urgent first
    expect(crit.items[0].id).toBe(breached.id)
    const page = await get('pageSize=2&page=2&status=all')
    expect(page.items).toHaveLength(2)
    expect(page.total).toBeGreaterThan(4)
    const other = await get('owner=me', 'leada@test.example')
    expect(other.total).toBe(0)
    const lead = await get('pageSize=200', 'leada@test.example')
    expect(lead.total).toBe(page.total)
    const outside = await get('pageSize=200', 'fpmb1@test.example')
    expect(outside.total).toBe(0)
  })

  it('the SLA clock stops at resolution and admins change the hours', async () => {
    const e = await raise({ severity: 'medium' })
    await raisedHoursAgo(e.id, 100)
    await call(FPM, 'POST', `/api/escalations/${e.id}/transition`, { status: 'resolved' })
    const share = (await call(FPM, 'GET', `/api/escalations/${e.id}`)).json().sla.elapsedShare
    expect(share).toBeCloseTo(100 / 168, 2)
    const denied = await call(FPM, 'PUT', '/api/escalations/sla', {
      hours: { critical: 4, high: 8, medium: 50, low: 100 },
    })
    expect(denied.statusCode).toBe(403)
    const saved = await call(ADMIN, 'PUT', '/api/escalations/sla', {
      hours: { critical: 4, high: 8, medium: 50, low: 100 },
    })
    expect(saved.statusCode).toBe(200)
    expect(saved.json().items.find((i: { severity: string }) => i.severity === 'medium')).toMatchObject({
      hours: 50,
      builtIn: false,
      updatedBy: ADMIN,
    })
    const after = (await call(FPM, 'GET', `/api/escalations/${e.id}`)).json().sla
    expect(after).toMatchObject({ hours: 50, state: 'breached' })
    const bad = await call(ADMIN, 'PUT', '/api/escalations/sla', {
      hours: { critical: 0, high: 8, medium: 50, low: 100 },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.issues[0].path).toEqual(['hours', 'critical'])
    await call(ADMIN, 'PUT', '/api/escalations/sla', {
      hours: { critical: 24, high: 72, medium: 168, low: 336 },
    })
  })

  it('gives the service functions other modules reuse', async () => {
    const service = escalationsService(t.database)
    const actor: Actor = { id: t.fx.users.fpmA1.id, role: 'fpm', regionId: t.fx.regionA.id, email: FPM }
    const open = await service.openEscalationsForPartner(actor, t.fx.partnerA1.id)
    expect(open.length).toBeGreaterThan(0)
    expect(
      open.every((e) => e.partnerId === t.fx.partnerA1.id && ['open', 'in_progress'].includes(e.status)),
    ).toBe(true)
    await expect(service.openEscalationsForPartner(actor, t.fx.partnerB1.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    const mine = await service.myOpenEscalations(actor)
    expect(mine.every((e) => e.ownerUserId === actor.id)).toBe(true)
    const breaches = await service.slaBreachesOf(actor)
    expect(breaches.length).toBeGreaterThan(0)
    expect(breaches.every((e) => e.sla.state === 'breached' && e.ownerUserId === actor.id)).toBe(true)
    const sme: Actor = { id: t.fx.users.smeA.id, role: 'sme', regionId: t.fx.regionA.id, email: SME }
    expect((await service.myOpenEscalations(sme)).map((e) => e.ownerName)).toEqual(['smeA'])
  })
})

describe('reports', () => {
  it('time to resolve: count, median and p90 hours per severity in the period', async () => {
    // Three low escalations in partner A2 resolved after 10, 20 and 40 hours.
    const ids: number[] = []
    for (const h of [10, 20, 40]) {
      const e = await raise({ severity: 'low', partnerId: t.fx.partnerA2.id }, 'fpma2@test.example')
      await raisedHoursAgo(e.id, h)
      await call('fpma2@test.example', 'POST', `/api/escalations/${e.id}/transition`, { status: 'resolved' })
      ids.push(e.id)
    }
    const res = await call(
      'leada@test.example',
      'GET',
      `/api/escalations/reports/time-to-resolve?partnerId=${t.fx.partnerA2.id}`,
    )
    const low = res.json().rows.find((r: { severity: string }) => r.severity === 'low')
    expect(low.count).toBe(3)
    expect(low.medianHours).toBeCloseTo(20, 0)
    expect(low.p90Hours).toBeCloseTo(40, 0)
    expect(res.json().to).toBe(today())
    const hidden = await call(
      'fpma1@test.example',
      'GET',
      `/api/escalations/reports/time-to-resolve?partnerId=${t.fx.partnerA2.id}`,
    )
    expect(hidden.json().rows.every((r: { count: number }) => r.count === 0)).toBe(true)
    const past = await call(
      'leada@test.example',
      'GET',
      `/api/escalations/reports/time-to-resolve?partnerId=${t.fx.partnerA2.id}&from=2020-01-01&to=2020-12-31`,
    )
    expect(past.json().rows.find((r: { severity: string }) => r.severity === 'low').count).toBe(0)
  })

  it('open by age: buckets per severity of the open ones in scope', async () => {
    const e1 = await raise({ severity: 'medium', partnerId: t.fx.partnerB1.id }, 'fpmb1@test.example')
    const e2 = await raise({ severity: 'medium', partnerId: t.fx.partnerB1.id }, 'fpmb1@test.example')
    const e3 = await raise({ severity: 'low', partnerId: t.fx.partnerB1.id }, 'fpmb1@test.example')
    await raisedHoursAgo(e1.id, 24 * 10)
    await raisedHoursAgo(e2.id, 24 * 120)
    await raisedHoursAgo(e3.id, 1)
    const res = await call('leadb@test.example', 'GET', '/api/escalations/reports/open-by-age')
    const rows = Object.fromEntries(res.json().rows.map((r: { severity: string }) => [r.severity, r]))
    expect(rows.medium).toMatchObject({ d0_7: 0, d8_30: 1, d31_90: 0, d90_plus: 1, total: 2 })
    expect(rows.low).toMatchObject({ d0_7: 1, total: 1 })
    expect(rows.critical.total).toBe(0)
  })
})
