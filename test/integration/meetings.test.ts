import ICAL from 'ical.js'
import { DateTime } from 'luxon'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { partnerHealth } from '#db/schema/index'
import type { ActionItem, MeetingPage, MeetingSeries, Occurrence } from '#shared/contracts/meetings'
import { addDays, monthStart, today } from '#shared/domain/periods'
import { createAccessTestApp } from '#test/helpers/app'

let t: Awaited<ReturnType<typeof createAccessTestApp>>
const FPM = 'fpma1@test.example'
const FPM2 = 'fpma2@test.example'
const SME = 'smea@test.example'
const VIEWER = 'viewer@test.example'
const ZONE = 'Europe/Berlin'

async function call(email: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  const headers = email ? { cookie: await t.cookieFor(email) } : {}
  return t.app.inject({ method, url, payload, headers })
}
const occUrl = (seriesId: number, start: string) =>
  `/api/meeting-series/${seriesId}/occurrences/${encodeURIComponent(start)}`

// A bi-weekly Tuesday 09:00 Berlin series that began about eight weeks ago.
const now = DateTime.now().setZone(ZONE)
const firstTuesday = now.minus({ weeks: 8 }).startOf('week').plus({ days: 1 })
const startLocal = `${firstTuesday.toISODate()}T09:00`
let series: MeetingSeries
let past: Occurrence
let future: Occurrence
let later: Occurrence

beforeAll(async () => {
  t = await createAccessTestApp()
})
afterAll(async () => t?.close())

describe('meeting series', () => {
  it('the routes are in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    for (const path of [
      '/api/partners/{id}/meeting-series',
      '/api/meeting-series/{id}/occurrences/{originalStart}',
      '/api/meetings',
      '/api/action-items',
      '/api/my-week',
      '/api/calendar/{token}',
    ])
      expect(Object.keys(doc.paths)).toContain(path)
  })

  it('an FPM creates a bi-weekly ROB on their partner with a stakeholder and a user invited', async () => {
    const res = await call(FPM, 'POST', `/api/partners/${t.fx.partnerA1.id}/meeting-series`, {
      kind: 'rob',
      title: 'Weekly ROB',
      rrule: 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
      startLocal,
      timeZone: ZONE,
      durationMinutes: 45,
      attendeeUserIds: [t.fx.users.smeA.id],
      attendeeStakeholderIds: [t.fx.stakeholderA1.id],
    })
    expect(res.statusCode).toBe(201)
    series = res.json()
    expect(series).toMatchObject({
      partnerId: t.fx.partnerA1.id,
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
      owner: { id: t.fx.users.fpmA1.id },
      canEdit: true,
      endsAt: null,
    })
    expect(series.attendees.map((a) => [a.kind, a.name])).toEqual([
      ['user', 'smeA'],
      ['stakeholder', 'Sponsor A1'],
    ])
  })

  it.each([
    [{ rrule: 'FREQ=SOMETIMES' }, ['rrule']],
    [{ rrule: 'BYDAY=TU' }, ['rrule']],
    [{ timeZone: 'Mars/Olympus' }, ['timeZone']],
    [{ startLocal: '2026-13-01T09:00' }, ['startLocal']],
    [{ durationMinutes: 0 }, ['durationMinutes']],
    [{ title: '' }, ['title']],
    [{ attendeeStakeholderIds: [-1] }, ['attendeeStakeholderIds', 0]],
  ])('rejects %o naming the field', async (over, path) => {
    const stakeholderB1 = t.fx.stakeholderB1.id
    const body: Record<string, unknown> = {
      kind: 'rob',
      title: 'x',
      rrule: 'FREQ=WEEKLY',
      startLocal,
      timeZone: ZONE,
      durationMinutes: 30,
      ...over,
    }
    if ((body.attendeeStakeholderIds as number[] | undefined)?.[0] === -1)
      body.attendeeStakeholderIds = [stakeholderB1]
    const res = await call(FPM, 'POST', `/api/partners/${t.fx.partnerA1.id}/meeting-series`, body)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.issues.map((i: { path: unknown }) => i.path)).toContainEqual(path)
  })

  it('lists the series for those who see the partner; 404 for those who do not', async () => {
    const url = `/api/partners/${t.fx.partnerA1.id}/meeting-series`
    const sme = await call(SME, 'GET', url)
    expect(sme.statusCode).toBe(200)
    expect(sme.json().items).toHaveLength(1)
    expect(sme.json().items[0].canEdit).toBe(false)
    expect((await call(FPM2, 'GET', url)).statusCode).toBe(404)
    expect((await call(FPM2, 'GET', `/api/meeting-series/${series.id}`)).statusCode).toBe(404)
    expect((await call(VIEWER, 'PATCH', `/api/meeting-series/${series.id}`, { title: 'x' })).statusCode).toBe(
      403,
    )
  })

  it('expands occurrences every other Tuesday at 09:00 Berlin, anchored on the start', async () => {
    const from = firstTuesday.startOf('day').toUTC().toISO()
    const to = now.plus({ weeks: 6 }).toUTC().toISO()
    const res = await call(FPM, 'GET', `/api/meetings?partnerId=${t.fx.partnerA1.id}&from=${from}&to=${to}`)
    expect(res.statusCode).toBe(200)
    const items: Occurrence[] = res.json().items
    expect(items.length).toBeGreaterThanOrEqual(6)
    items.forEach((o, i) => {
      const local = DateTime.fromISO(o.start, { zone: ZONE })
      expect(local.toFormat('ccc HH:mm')).toBe('Tue 09:00')
      expect(local.diff(firstTuesday.startOf('day'), 'days').days).toBeCloseTo(14 * i + 0.375, 1)
      expect(o.status).toBe('scheduled')
    })
    past = items.filter((o) => Date.parse(o.start) < Date.now()).at(-1)!
    ;[future, later] = items.filter((o) => Date.parse(o.start) > Date.now())
    expect(past && future && later).toBeTruthy()
    // Everyone's scope: fpmA2 sees none of A1's meetings.
    const other = await call(FPM2, 'GET', `/api/meetings?from=${from}&to=${to}`)
    expect(other.json().items).toEqual([])
  })
})

describe('a meeting', () => {
  it('404s a time the rule does not give', async () => {
    const wrong = new Date(Date.parse(past.originalStart) + 3_600_000).toISOString()
    expect((await call(FPM, 'GET', occUrl(series.id, wrong))).statusCode).toBe(404)
    expect((await call(FPM2, 'GET', occUrl(series.id, past.originalStart))).statusCode).toBe(404)
  })

  it('refuses to mark a future meeting held, naming the field', async () => {
    const res = await call(FPM, 'PATCH', occUrl(series.id, future.originalStart), { status: 'held' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.issues[0].path).toEqual(['status'])
  })

  it('marks a past meeting held with minutes and decisions, freezing the proposed agenda', async () => {
    const res = await call(FPM, 'PATCH', occUrl(series.id, past.originalStart), {
      status: 'held',
      minutes: '# Minutes\n\nAgreed the plan.',
      decisions: ['Go with the pilot'],
    })
    expect(res.statusCode).toBe(200)
    const page: MeetingPage = res.json()
    expect(page.occurrence).toMatchObject({
      status: 'held',
      minutes: '# Minutes\n\nAgreed the plan.',
      decisions: ['Go with the pilot'],
    })
    expect(page.occurrence.heldAt).not.toBeNull()
    expect(page.occurrence.agendaFrozenAt).not.toBeNull()
    expect(page.occurrence.agenda).toContain('## Next meetings and deadlines')
    // Read-only roles may not change it.
    expect(
      (await call(SME, 'PATCH', occUrl(series.id, past.originalStart), { minutes: 'x' })).statusCode,
    ).toBe(403)
  })

  it('moves the next meeting and cancels the one after', async () => {
    const moved = DateTime.fromISO(future.originalStart).plus({ days: 1, hours: 2 }).toUTC().toISO()!
    const m = await call(FPM, 'PATCH', occUrl(series.id, future.originalStart), { start: moved })
    expect(m.statusCode).toBe(200)
    expect(m.json().occurrence).toMatchObject({ moved: true, start: new Date(moved).toISOString() })
    const c = await call(FPM, 'PATCH', occUrl(series.id, later.originalStart), { status: 'cancelled' })
    expect(c.json().occurrence.status).toBe('cancelled')
    const from = now.minus({ days: 1 }).toUTC().toISO()
    const to = now.plus({ weeks: 6 }).toUTC().toISO()
    const items: Occurrence[] = (
      await call(FPM, 'GET', `/api/meetings?partnerId=${t.fx.partnerA1.id}&from=${from}&to=${to}`)
    ).json().items
    const first = items.find((o) => o.originalStart === future.originalStart)!
    expect(first.start).toBe(new Date(moved).toISOString())
    expect(items.find((o) => o.originalStart === later.originalStart)!.status).toBe('cancelled')
  })
})

describe('action items', () => {
  let fromMeeting: ActionItem
  it('adds an item from a meeting, owned by a user; overdue when its date has passed', async () => {
    const res = await call(FPM, 'POST', '/api/action-items', {
      partnerId: t.fx.partnerA1.id,
      title: 'Send the adoption plan',
      ownerUserId: t.fx.users.fpmA1.id,
      dueOn: addDays(today(), -2),
      meeting: { seriesId: series.id, originalStart: past.originalStart },
    })
    expect(res.statusCode).toBe(201)
    fromMeeting = res.json()
    expect(fromMeeting).toMatchObject({
      source: 'meeting',
      status: 'open',
      overdue: true,
      owner: { kind: 'user', name: 'fpmA1' },
      meeting: { seriesId: series.id, originalStart: past.originalStart },
    })
  })

  it('owned by a stakeholder of the partner; exactly one owner', async () => {
    const ok = await call(FPM, 'POST', '/api/action-items', {
      partnerId: t.fx.partnerA1.id,
      title: 'Share the customer list',
      ownerStakeholderId: t.fx.stakeholderA1.id,
      dueOn: addDays(today(), 1),
    })
    expect(ok.statusCode).toBe(201)
    expect(ok.json()).toMatchObject({
      owner: { kind: 'stakeholder', name: 'Sponsor A1' },
      overdue: false,
      source: 'manual',
    })
    const both = await call(FPM, 'POST', '/api/action-items', {
      partnerId: t.fx.partnerA1.id,
      title: 'x',
      ownerUserId: t.fx.users.fpmA1.id,
      ownerStakeholderId: t.fx.stakeholderA1.id,
    })
    expect(both.statusCode).toBe(400)
    expect(both.json().error.issues[0].path).toEqual(['ownerUserId'])
    const none = await call(FPM, 'POST', '/api/action-items', { partnerId: t.fx.partnerA1.id, title: 'x' })
    expect(none.statusCode).toBe(400)
    const foreign = await call(FPM, 'POST', '/api/action-items', {
      partnerId: t.fx.partnerA1.id,
      title: 'x',
      ownerStakeholderId: t.fx.stakeholderB1.id,
    })
    expect(foreign.json().error.issues[0].path).toEqual(['ownerStakeholderId'])
    const hidden = await call(FPM2, 'POST', '/api/action-items', {
      partnerId: t.fx.partnerA1.id,
      title: 'x',
      ownerUserId: t.fx.users.fpmA2.id,
    })
    expect(hidden.statusCode).toBe(404)
  })

  it('filters: owner=me, overdue, partner; others do not see them', async () => {
    const mine = (await call(FPM, 'GET', '/api/action-items?owner=me')).json().items as ActionItem[]
    expect(mine.map((a) => a.title)).toEqual(['Send the adoption plan'])
    const overdue = (await call(FPM, 'GET', '/api/action-items?overdue=true')).json().items as ActionItem[]
    expect(overdue.map((a) => a.title)).toEqual(['Send the adoption plan'])
    const all = (await call(FPM, 'GET', `/api/action-items?partnerId=${t.fx.partnerA1.id}`)).json().items
    expect(all).toHaveLength(2)
    expect((await call(FPM2, 'GET', '/api/action-items')).json().items).toEqual([])
  })

  it('open items of earlier meetings carry over to the next meeting, and the agenda draft lists them', async () => {
    const page: MeetingPage = (await call(FPM, 'GET', occUrl(series.id, future.originalStart))).json()
    expect(page.carriedOver.map((a) => a.title).sort()).toEqual([
      'Send the adoption plan',
      'Share the customer list',
    ])
    expect(page.actions).toEqual([])
    const earlier: MeetingPage = (await call(FPM, 'GET', occUrl(series.id, past.originalStart))).json()
    expect(earlier.actions.map((a) => a.title)).toEqual(['Send the adoption plan'])
    expect(earlier.carriedOver.map((a) => a.title)).toEqual(['Share the customer list'])
    const draft = (await call(FPM, 'GET', `${occUrl(series.id, future.originalStart)}/agenda-draft`)).json()
    expect(draft.sections.map((s: { key: string }) => s.key)).toContain('actions')
    expect(draft.markdown).toContain('Send the adoption plan — fpmA1')
    expect(draft.markdown).toContain('**(overdue)**')
  })

  it('the agenda shows the health change since the last held meeting', async () => {
    const thenPeriod = monthStart(past.originalStart.slice(0, 10))
    const nowPeriod = monthStart(today())
    const values = [
      { period: thenPeriod, score: 50 },
      ...(nowPeriod !== thenPeriod ? [{ period: nowPeriod, score: 62 }] : []),
    ]
    await t.database.db.insert(partnerHealth).values(
      values.map((v) => ({
        partnerId: t.fx.partnerA1.id,
        period: v.period,
        score: v.score,
        band: 'watch',
        inputs: {},
      })),
    )
    const draft = (await call(FPM, 'GET', `${occUrl(series.id, future.originalStart)}/agenda-draft`)).json()
    const health = draft.sections.find((s: { key: string }) => s.key === 'health')
    expect(health.markdown).toContain(
      nowPeriod !== thenPeriod ? '+12 since the last meeting (50' : 'No change since the last meeting (50',
    )
  })

  it('done closes an item; it no longer carries over', async () => {
    const res = await call(FPM, 'PATCH', `/api/action-items/${fromMeeting.id}`, { status: 'done' })
    expect(res.statusCode).toBe(200)
    expect(res.json().closedAt).not.toBeNull()
    expect(res.json().overdue).toBe(false)
    const page: MeetingPage = (await call(FPM, 'GET', occUrl(series.id, future.originalStart))).json()
    expect(page.carriedOver.map((a) => a.title)).toEqual(['Share the customer list'])
    const back = await call(FPM, 'PATCH', `/api/action-items/${fromMeeting.id}`, { status: 'open' })
    expect(back.json().closedAt).toBeNull()
  })
})

describe('my week', () => {
  it('lists my meetings of the week and my due and overdue items', async () => {
    const res = await call(FPM, 'GET', '/api/my-week')
    expect(res.statusCode).toBe(200)
    const week = res.json()
    expect(week.overdue.map((a: ActionItem) => a.title)).toEqual(['Send the adoption plan'])
    for (const m of week.meetings as Occurrence[]) {
      expect(m.start >= week.from && m.start < week.to).toBe(true)
      expect(m.seriesId).toBe(series.id)
    }
    // The SME attends; fpmA2 neither owns nor attends.
    const from = now.minus({ weeks: 10 }).toUTC().toISO()
    const to = now.plus({ weeks: 10 }).toUTC().toISO()
    const sme = await call(SME, 'GET', `/api/my-week?from=${from}&to=${to}`)
    expect(sme.json().meetings.length).toBeGreaterThan(5)
    const other = await call(FPM2, 'GET', `/api/my-week?from=${from}&to=${to}`)
    expect(other.json().meetings).toEqual([])
  })

  it("an open escalation is on its owner's week and on the partner's next agenda, until it is closed", async () => {
    const raised = await call(FPM, 'POST', '/api/escalations', {
      title: 'Tenant migration blocked',
      severity: 'critical',
      category: 'technical',
      partnerId: t.fx.partnerA1.id,
    })
    expect(raised.statusCode).toBe(201)
    const id = raised.json().id
    const mine = (await call(FPM, 'GET', '/api/my-week')).json()
    expect(mine.escalations.map((e: { title: string }) => e.title)).toEqual(['Tenant migration blocked'])
    expect((await call(FPM2, 'GET', '/api/my-week')).json().escalations).toEqual([])
    const draft = (await call(FPM, 'GET', `${occUrl(series.id, future.originalStart)}/agenda-draft`)).json()
    expect(draft.sections[0].key).toBe('escalations')
    expect(draft.markdown).toContain('**Critical** Tenant migration blocked — fpmA1')

    const closed = await call(FPM, 'POST', `/api/escalations/${id}/transition`, {
      status: 'closed',
      evidence: 'Migration unblocked by the CSU',
      link: 'https://example.com/ticket/1',
    })
    expect(closed.statusCode).toBe(200)
    expect((await call(FPM, 'GET', '/api/my-week')).json().escalations).toEqual([])
    const after = (await call(FPM, 'GET', `${occUrl(series.id, future.originalStart)}/agenda-draft`)).json()
    expect(after.sections.map((s: { key: string }) => s.key)).not.toContain('escalations')
  })
})

type IcsEvent = {
  uid: string
  start: Date
  recurrenceId: string | null
  exdates: string[]
  tzid: string | null
}
function parseIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text))
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz)
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v)
    return {
      event: e,
      info: {
        uid: e.uid,
        start: e.startDate.toJSDate(),
        recurrenceId: e.recurrenceId ? e.recurrenceId.toJSDate().toISOString() : null,
        exdates: v
          .getAllProperties('exdate')
          .flatMap((p) => p.getValues().map((x) => (x as ICAL.Time).toJSDate().toISOString())),
        tzid: v.getFirstProperty('dtstart')?.getParameter('tzid') as string | null,
      } satisfies IcsEvent,
    }
  })
}
function expandIcs(event: ICAL.Event, until: Date) {
  const it = event.iterator()
  const out: string[] = []
  for (let next = it.next(); next && next.toJSDate() < until && out.length < 200; next = it.next())
    out.push(next.toJSDate().toISOString())
  return out
}

let dst: MeetingSeries
describe('calendar feed', () => {
  let feedPath: string
  it('a secret feed URL; the feed needs no session and parses with ical.js in UTC across DST', async () => {
    // A fixed series across the autumn change: 09:00 Berlin is 07:00Z in October and 08:00Z in November.
    dst = (
      await call(FPM, 'POST', `/api/partners/${t.fx.partnerA1.id}/meeting-series`, {
        kind: 'mbr',
        title: 'MBR',
        rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4',
        startLocal: '2026-10-13T09:00',
        timeZone: ZONE,
        durationMinutes: 60,
      })
    ).json()
    const created = await call(FPM, 'POST', '/api/calendar/feed')
    expect(created.statusCode).toBe(200)
    feedPath = created.json().path
    expect(feedPath).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/)
    const res = await call(null, 'GET', feedPath)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/calendar')
    const events = parseIcs(res.body)
    const mbr = events.find((e) => e.info.uid === `meeting-series-${dst.id}@trellis`)!
    expect(mbr.info.tzid).toBe(ZONE)
    expect(res.body).toContain('BEGIN:VTIMEZONE')
    expect(expandIcs(mbr.event, new Date('2027-01-01'))).toEqual([
      '2026-10-13T07:00:00.000Z',
      '2026-10-20T07:00:00.000Z',
      '2026-10-27T08:00:00.000Z',
      '2026-11-03T08:00:00.000Z',
    ])
  })

  it('cancelled occurrences are EXDATEs and moved ones RECURRENCE-ID overrides', async () => {
    const res = await call(null, 'GET', feedPath)
    const events = parseIcs(res.body).filter((e) => e.info.uid === `meeting-series-${series.id}@trellis`)
    const master = events.find((e) => e.info.recurrenceId === null)!
    expect(master.info.exdates).toEqual([later.originalStart])
    const override = events.find((e) => e.info.recurrenceId !== null)!
    expect(override.info.recurrenceId).toBe(future.originalStart)
    expect(override.info.start.toISOString()).toBe(
      DateTime.fromISO(future.originalStart).plus({ days: 1, hours: 2 }).toUTC().toISO(),
    )
    // ical.js's own expansion of the master skips the EXDATE.
    expect(expandIcs(master.event, new Date(Date.parse(later.originalStart) + 86_400_000))).not.toContain(
      later.originalStart,
    )
  })

  it('the SME who attends gets the series; regenerating revokes the old URL; unknown tokens 404', async () => {
    const smeFeed = (await call(SME, 'POST', '/api/calendar/feed')).json().path
    const smeEvents = parseIcs((await call(null, 'GET', smeFeed)).body)
    expect(smeEvents.map((e) => e.info.uid)).toContain(`meeting-series-${series.id}@trellis`)
    expect(smeEvents.map((e) => e.info.uid)).not.toContain(`meeting-series-${dst.id}@trellis`)
    const again = (await call(FPM, 'POST', '/api/calendar/feed')).json().path
    expect((await call(null, 'GET', feedPath)).statusCode).toBe(404)
    expect((await call(null, 'GET', again)).statusCode).toBe(200)
    expect((await call(null, 'GET', `/api/calendar/${'x'.repeat(43)}.ics`)).statusCode).toBe(404)
    expect((await call(FPM, 'POST', '/api/calendar/feed/revoke')).statusCode).toBe(200)
    expect((await call(null, 'GET', again)).statusCode).toBe(404)
    expect((await call(FPM, 'GET', '/api/calendar/feed')).json()).toEqual({ active: false, createdAt: null })
  })

  it('a single meeting downloads as .ics at its moved time', async () => {
    const res = await call(FPM, 'GET', `${occUrl(series.id, future.originalStart)}/ics`)
    expect(res.statusCode).toBe(200)
    const [e] = parseIcs(res.body)
    expect(e!.info.start.toISOString()).toBe(
      DateTime.fromISO(future.originalStart).plus({ days: 1, hours: 2 }).toUTC().toISO(),
    )
  })
})

describe('changing the rule', () => {
  it('ends the old version now and starts a new one; the held past meeting keeps its minutes', async () => {
    const res = await call(FPM, 'PATCH', `/api/meeting-series/${series.id}`, {
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      title: 'ROB (weekly)',
    })
    expect(res.statusCode).toBe(200)
    const next: MeetingSeries = res.json()
    expect(next.id).not.toBe(series.id)
    expect(next).toMatchObject({
      previousSeriesId: series.id,
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      title: 'ROB (weekly)',
    })
    expect(next.attendees).toHaveLength(2)
    const old: MeetingSeries = (await call(FPM, 'GET', `/api/meeting-series/${series.id}`)).json()
    expect(old.supersededById).toBe(next.id)
    expect(old.endsAt).not.toBeNull()
    const held: MeetingPage = (await call(FPM, 'GET', occUrl(series.id, past.originalStart))).json()
    expect(held.occurrence).toMatchObject({ status: 'held', minutes: '# Minutes\n\nAgreed the plan.' })
    // The moved future meeting is also on the weekly rule: it moved to the new version.
    const moved: MeetingPage = (await call(FPM, 'GET', occUrl(next.id, future.originalStart))).json()
    expect(moved.occurrence.moved).toBe(true)
    // Listing: old bi-weekly ones before now, weekly ones after.
    const from = firstTuesday.startOf('day').toUTC().toISO()
    const to = now.plus({ weeks: 4 }).toUTC().toISO()
    const items: Occurrence[] = (
      await call(FPM, 'GET', `/api/meetings?partnerId=${t.fx.partnerA1.id}&from=${from}&to=${to}`)
    )
      .json()
      .items.filter((o: Occurrence) => o.seriesId !== dst.id)
    const before = items.filter((o) => Date.parse(o.originalStart) < Date.now())
    const after = items.filter((o) => Date.parse(o.originalStart) > Date.now())
    expect(new Set(before.map((o) => o.seriesId))).toEqual(new Set([series.id]))
    expect(new Set(after.map((o) => o.seriesId))).toEqual(new Set([next.id]))
    expect(after.length).toBeGreaterThanOrEqual(4)
    // The list of the partner's series shows the current version only.
    const list = (await call(FPM, 'GET', `/api/partners/${t.fx.partnerA1.id}/meeting-series`)).json().items
    expect(list.map((s: MeetingSeries) => s.id).sort()).toEqual([dst.id, next.id].sort())
  })

  it('ending a series stops its occurrences', async () => {
    const res = await call(FPM, 'POST', `/api/meeting-series/${dst.id}/end`, { at: '2026-10-21T00:00:00Z' })
    expect(res.statusCode).toBe(200)
    const items: Occurrence[] = (
      await call(
        FPM,
        'GET',
        `/api/meetings?partnerId=${t.fx.partnerA1.id}&from=2026-10-01T00:00:00Z&to=2026-11-10T00:00:00Z`,
      )
    )
      .json()
      .items.filter((o: Occurrence) => o.seriesId === dst.id)
    expect(items.map((o) => o.start)).toEqual(['2026-10-13T07:00:00.000Z', '2026-10-20T07:00:00.000Z'])
  })
})
