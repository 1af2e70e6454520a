import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  escalationEvents,
  escalations,
  meetingOccurrences,
  meetingSeries,
  stakeholders,
  touchpoints,
  usageSnapshots,
} from '#db/schema/index'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import { complianceService } from '#server/modules/compliance/service'
import type {
  ComplianceFailures,
  ComplianceOverview,
  CompliancePartner,
  PartnerCompliance,
} from '#shared/contracts/compliance'
import { defaultProgramSettings } from '#shared/contracts/settings'
import { addDays } from '#shared/domain/periods'
import { createAccessTestApp } from '#test/helpers/app'

let t: Awaited<ReturnType<typeof createAccessTestApp>>
const as = (key: string) => `${key.toLowerCase()}@test.example`
async function get<T>(key: string, url: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: await t.cookieFor(as(key)) } })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
const now = new Date()
const today = now.toISOString().slice(0, 10)
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000)
const row = (o: ComplianceOverview, id: number) =>
  o.partners.find((p) => p.partnerId === id) as CompliancePartner
const tally = (applicable: number, passed: number) => ({
  applicable,
  passed,
  compliance: applicable ? passed / applicable : null,
})

let staleEscalation: number
let bSeries: number
let bOriginalStart: Date

/**
 * By hand, with the default checks (notes 14 days, next meeting within 35, usage 31, escalation update 7):
 * - A1 (fpmA1): sponsor + delivery lead, a touchpoint 3 days ago, a weekly ROB, its customer's usage 3 days
 *   old, two open escalations — one raised 10 days ago and never updated (fails), one raised 20 days ago and
 *   updated yesterday (passes) — and a closed one (not applicable). 5 of 6.
 * - A2 (fpmA2, onboarding): no stakeholders, a touchpoint 20 days ago but minutes of a meeting held 5 days ago
 *   (notes pass), its only series ended yesterday, its customer without usage. 1 of 4.
 * - B1 (fpmB1): a sponsor only, no notes, its only meeting (tomorrow) cancelled, its customer without usage.
 *   0 of 4.
 */
beforeAll(async () => {
  t = await createAccessTestApp()
  const { db } = t.database
  const { partnerA1, partnerA2, partnerB1, customerA1, users: u } = t.fx
  await db.insert(stakeholders).values([
    { partnerId: partnerA1.id, side: 'partner', role: 'delivery_lead', name: 'Lead A1' },
    // An archived delivery lead does not count.
    {
      partnerId: partnerB1.id,
      side: 'partner',
      role: 'delivery_lead',
      name: 'Gone B1',
      archivedAt: daysAgo(30),
    },
  ])
  await db.insert(touchpoints).values([
    {
      partnerId: partnerA1.id,
      occurredOn: addDays(today, -3),
      kind: 'call',
      summary: 'Weekly',
      loggedBy: u.fpmA1.id,
    },
    {
      partnerId: partnerA2.id,
      occurredOn: addDays(today, -20),
      kind: 'email',
      summary: 'Old',
      loggedBy: u.fpmA2.id,
    },
  ])
  await db.insert(usageSnapshots).values({
    customerId: customerA1.id,
    workloadCode: 'EXO',
    asOf: addDays(today, -3),
    licensedUsers: 400,
    activeUsers: 200,
    source: 'portfolio',
  })
  const series = (
    partnerId: number,
    ownerUserId: number,
    rest: { kind: string; rrule: string; startLocal: string; endsAt?: Date },
  ) => ({
    partnerId,
    ownerUserId,
    title: 'Rhythm',
    timeZone: 'UTC',
    durationMinutes: 30,
    ...rest,
  })
  const [, a2Series, b1Series] = await db
    .insert(meetingSeries)
    .values([
      series(partnerA1.id, u.fpmA1.id, { kind: 'rob', rrule: 'FREQ=WEEKLY', startLocal: '2026-01-06T09:00' }),
      series(partnerA2.id, u.fpmA2.id, {
        kind: 'mbr',
        rrule: 'FREQ=DAILY',
        startLocal: '2026-01-01T10:00',
        endsAt: daysAgo(1),
      }),
      series(partnerB1.id, u.fpmB1.id, {
        kind: 'mbr',
        rrule: 'FREQ=DAILY;COUNT=1',
        startLocal: `${addDays(today, 1)}T10:00`,
      }),
    ])
    .returning()
  bSeries = b1Series!.id
  bOriginalStart = new Date(`${addDays(today, 1)}T10:00:00Z`)
  await db.insert(meetingOccurrences).values([
    {
      seriesId: a2Series!.id,
      originalStart: new Date(`${addDays(today, -5)}T10:00:00Z`),
      status: 'held',
      minutes: 'Agreed the plan',
      heldAt: new Date(`${addDays(today, -5)}T10:30:00Z`),
    },
    // Held more recently but without minutes: not a note.
    { seriesId: a2Series!.id, originalStart: new Date(`${addDays(today, -2)}T10:00:00Z`), status: 'held' },
    { seriesId: bSeries, originalStart: bOriginalStart, status: 'cancelled' },
  ])
  const escalation = (title: string, raisedAt: Date, status = 'open') => ({
    partnerId: partnerA1.id,
    title,
    severity: 'high',
    category: 'product',
    status,
    ownerUserId: u.fpmA1.id,
    raisedBy: u.fpmA1.id,
    raisedAt,
  })
  const [stale, updated] = await db
    .insert(escalations)
    .values([
      escalation('Stale', daysAgo(10)),
      escalation('Updated', daysAgo(20), 'in_progress'),
      escalation('Closed', daysAgo(40), 'closed'),
    ])
    .returning()
  staleEscalation = stale!.id
  await db.insert(escalationEvents).values([
    { escalationId: stale!.id, kind: 'raised', toStatus: 'open', createdAt: daysAgo(10) },
    { escalationId: updated!.id, kind: 'raised', toStatus: 'open', createdAt: daysAgo(20) },
    { escalationId: updated!.id, kind: 'status', toStatus: 'in_progress', createdAt: daysAgo(1) },
  ])
  await analyticsRefresher(t.database).refresh()
})
afterAll(async () => {
  await t?.close()
})

describe('data compliance', () => {
  it('counts every check per partner as computed by hand', async () => {
    const o = await get<ComplianceOverview>('admin', '/api/compliance')
    const { partnerA1, partnerA2, partnerB1 } = t.fx
    expect(row(o, partnerA1.id).byCheck).toEqual({
      notes: tally(1, 1),
      stakeholders: tally(1, 1),
      nextMeeting: tally(1, 1),
      usage: tally(1, 1),
      escalations: tally(2, 1),
    })
    expect(row(o, partnerA1.id).overall).toEqual(tally(6, 5))
    expect(row(o, partnerA2.id).byCheck).toEqual({
      notes: tally(1, 1),
      stakeholders: tally(1, 0),
      nextMeeting: tally(1, 0),
      usage: tally(1, 0),
      escalations: tally(0, 0),
    })
    expect(row(o, partnerA2.id).lastNoteOn).toBe(addDays(today, -5))
    expect(row(o, partnerB1.id).overall).toEqual(tally(4, 0))
    expect(row(o, partnerB1.id).deliveryLeadIdentified).toBe(false)
    // Totals add passed and applicable: (5 + 1 + 0) ÷ (6 + 4 + 4), not the mean of 83 %, 25 % and 0 %.
    expect(o.totals.overall).toEqual(tally(14, 6))
    expect(o.byRegion.map((r) => [r.name, r.overall.passed, r.overall.applicable])).toEqual([
      ['Region A', 6, 10],
      ['Region B', 0, 4],
    ])
    expect(o.byFpm.find((f) => f.id === t.fx.users.fpmA2.id)?.byCheck.notes).toEqual(tally(1, 1))
  })

  it('a cancelled meeting is not a next meeting; the same one scheduled is', async () => {
    const { db } = t.database
    const before = await get<PartnerCompliance>('fpmB1', `/api/partners/${t.fx.partnerB1.id}/compliance`)
    expect(before.partner.nextMeetingAt).toBeNull()
    const onlyB = eq(meetingOccurrences.seriesId, bSeries)
    await db.update(meetingOccurrences).set({ status: 'scheduled' }).where(onlyB)
    try {
      const after = await get<PartnerCompliance>('fpmB1', `/api/partners/${t.fx.partnerB1.id}/compliance`)
      expect(after.partner.nextMeetingAt).toBe(bOriginalStart.toISOString())
      expect(after.partner.byCheck.nextMeeting).toEqual(tally(1, 1))
      expect(after.failures.map((f) => f.check)).not.toContain('nextMeeting')
    } finally {
      await db.update(meetingOccurrences).set({ status: 'cancelled' }).where(onlyB)
    }
  })

  it('lists the failing records with where each is fixed', async () => {
    const usage = await get<ComplianceFailures>('admin', '/api/compliance/failures?check=usage')
    expect(usage.total).toBe(2)
    expect(usage.items.map((f) => [f.subject.kind, f.subject.id, f.fixPath, f.lastOn]).sort()).toEqual(
      [
        ['customer', t.fx.customerA2.id, `/customers/${t.fx.customerA2.id}`, null],
        ['customer', t.fx.customerB1.id, `/customers/${t.fx.customerB1.id}`, null],
      ].sort(),
    )
    const esc = await get<ComplianceFailures>('admin', '/api/compliance/failures?check=escalations')
    expect(esc.items).toHaveLength(1)
    expect(esc.items[0]).toMatchObject({
      partnerId: t.fx.partnerA1.id,
      subject: { kind: 'escalation', id: staleEscalation, name: 'Stale' },
      fixPath: `/escalations/${staleEscalation}`,
      detail: 'No update for 10 days',
    })
    const all = await get<ComplianceFailures>('admin', '/api/compliance/failures')
    // The failures are exactly applicable − passed over every check.
    expect(all.total).toBe(14 - 6)
    const b1 = await get<ComplianceFailures>(
      'admin',
      `/api/compliance/failures?partnerId=${t.fx.partnerB1.id}`,
    )
    expect(b1.items.map((f) => f.check).sort()).toEqual(['nextMeeting', 'notes', 'stakeholders', 'usage'])
    expect(b1.items.find((f) => f.check === 'stakeholders')?.fixPath).toBe(
      `/partners/${t.fx.partnerB1.id}#stakeholders`,
    )
    const limited = await get<ComplianceFailures>('admin', '/api/compliance/failures?limit=3')
    expect(limited.total).toBe(8)
    expect(limited.items).toHaveLength(3)
  })

  it('shows each role only its partners and their records', async () => {
    const lead = await get<ComplianceOverview>('leadA', '/api/compliance')
    expect(lead.partners.map((p) => p.name).sort()).toEqual(['Alpha One', 'Alpha Two'])
    expect(lead.totals.overall).toEqual(tally(10, 6))
    const narrowed = await get<ComplianceOverview>(
      'leadA',
      `/api/compliance?fpmUserId=${t.fx.users.fpmA2.id}`,
    )
    expect(narrowed.partners.map((p) => p.name)).toEqual(['Alpha Two'])
    // A filter never widens: fpmA1 asking for region B sees nothing.
    const outside = await get<ComplianceOverview>('fpmA1', `/api/compliance?regionId=${t.fx.regionB.id}`)
    expect(outside.partners).toEqual([])
    const failures = await get<ComplianceFailures>('fpmA1', '/api/compliance/failures')
    expect(new Set(failures.items.map((f) => f.partnerId))).toEqual(new Set([t.fx.partnerA1.id]))
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/partners/${t.fx.partnerB1.id}/compliance`,
      headers: { cookie: await t.cookieFor(as('fpmA1')) },
    })
    expect(hidden.statusCode).toBe(404)
  })

  it('gives the scorecard raw totals per partner that add up to the overview', async () => {
    const service = complianceService(t.database)
    const actor = {
      id: t.fx.users.leadA.id,
      role: 'lead' as const,
      regionId: t.fx.regionA.id,
      email: as('leadA'),
    }
    const totals = await service.totalsByPartner(actor, {}, { from: '2026-01-01', to: '2026-02-01' })
    expect(totals.map((r) => r.partnerId).sort()).toEqual([t.fx.partnerA1.id, t.fx.partnerA2.id].sort())
    const a1 = totals.find((r) => r.partnerId === t.fx.partnerA1.id)!
    expect(a1).toMatchObject({
      fpmUserId: t.fx.users.fpmA1.id,
      regionId: t.fx.regionA.id,
      applicable: 6,
      passed: 5,
    })
    expect(a1.byCheck.escalations).toEqual({ applicable: 2, passed: 1 })
    expect(totals.reduce((s, r) => s + r.passed, 0)).toBe(6)
  })

  it('follows the dated settings: a check switched off applies nowhere, days move the cut-off', async () => {
    const month = `${today.slice(0, 7)}-01`
    const values = {
      ...defaultProgramSettings,
      compliance: {
        ...defaultProgramSettings.compliance,
        usage: { enabled: false, days: 31 },
        notes: { enabled: true, days: 2 },
        escalations: { enabled: true, days: 12 },
      },
    }
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/settings/${month}`,
      payload: { values },
      headers: { cookie: await t.cookieFor(as('admin')) },
    })
    expect(saved.statusCode, saved.body).toBe(200)
    const o = await get<ComplianceOverview>('admin', '/api/compliance')
    expect(o.settings.usage.enabled).toBe(false)
    expect(o.totals.byCheck.usage).toEqual(tally(0, 0))
    expect(row(o, t.fx.partnerA1.id).byCheck.notes).toEqual(tally(1, 0))
    expect(row(o, t.fx.partnerA1.id).byCheck.escalations).toEqual(tally(2, 2))
    const usage = await get<ComplianceFailures>('admin', '/api/compliance/failures?check=usage')
    expect(usage.total).toBe(0)
  })

  it('rejects bad input naming the field', async () => {
    const cookie = await t.cookieFor(as('admin'))
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/compliance/failures?check=bogus',
      headers: { cookie },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.issues[0].path).toEqual(['check'])
    const values = {
      ...defaultProgramSettings,
      compliance: { ...defaultProgramSettings.compliance, notes: { enabled: true, days: 0 } },
    }
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/settings/2026-01-01',
      payload: { values },
      headers: { cookie },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.issues[0].path).toEqual(['values', 'compliance', 'notes', 'days'])
  })
})
