import { eq } from 'drizzle-orm'
import { DateTime } from 'luxon'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { escalations } from '#db/schema/index'
import { smtpMailer } from '#server/modules/digest/mailer'
import { type DigestConfig, type DigestOutcome, digestService } from '#server/modules/digest/service'
import { addDays } from '#shared/domain/periods'
import { createAccessTestApp } from '#test/helpers/app'
import { closedPortUrl, startSmtpServer } from '#test/helpers/mail'

let t: Awaited<ReturnType<typeof createAccessTestApp>>
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
const HOUR = 3_600_000
/** UTC+14: its local date differs from UTC's for most of the day, so the digest must use it. */
const TZ = 'Pacific/Kiritimati'
const BASE = 'https://trellis.example'
const FPM = 'fpma1@test.example'
const LEAD = 'leada@test.example'
const SME = 'smea@test.example'
const INJECTION = '<script>alert(1)</script> Send the adoption plan'
const localToday = () => DateTime.now().setZone(TZ).toISODate()!

const config = (url: string): DigestConfig => ({
  mailer: smtpMailer(url, 'Trellis <trellis@test.example>'),
  timeZone: TZ,
  hour: 7,
  publicUrl: BASE,
})

async function call(email: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: { cookie: await t.cookieFor(email) } })
}

async function action(title: string, ownerUserId: number, dueOn: string, by = FPM) {
  const res = await call(by, 'POST', '/api/action-items', {
    partnerId: t.fx.partnerA1.id,
    title,
    ownerUserId,
    dueOn,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

async function escalation(title: string, severity: string, hoursAgo: number) {
  const res = await call(FPM, 'POST', '/api/escalations', {
    title,
    severity,
    category: 'technical',
    partnerId: t.fx.partnerA1.id,
  })
  expect(res.statusCode, res.body).toBe(201)
  const id = res.json().id as number
  await t.database.db
    .update(escalations)
    .set({ raisedAt: new Date(Date.now() - hoursAgo * HOUR) })
    .where(eq(escalations.id, id))
  return id
}

const by = (outcomes: DigestOutcome[], status: DigestOutcome['status']) =>
  outcomes
    .filter((o) => o.status === status)
    .map((o) => o.email)
    .sort()

let breachedId: number

beforeAll(async () => {
  t = await createAccessTestApp()
  smtp = await startSmtpServer()
  const u = t.fx.users
  // fpmA1: one overdue (a title that tries to inject HTML), one due today, one breached and one at-risk escalation.
  await action(INJECTION, u.fpmA1.id, addDays(localToday(), -2))
  await action('Call the sponsor', u.fpmA1.id, localToday())
  breachedId = await escalation('Tenant migration blocked', 'critical', 30)
  await escalation('Licences not assigned', 'high', 60)
  // Escalated to the lead: on leadA's digest (region A), not leadB's.
  expect(
    (
      await call(FPM, 'POST', `/api/escalations/${breachedId}/escalate`, {
        target: 'lead',
        note: 'Need a decision',
      })
    ).statusCode,
  ).toBe(200)
  // An overdue item of fpmB1 on a partner fpmB1 cannot see; one of the SME, who switches the digest off.
  await action('Hidden partner follow-up', u.fpmB1.id, addDays(localToday(), -5))
  await action('SME review', u.smeA.id, addDays(localToday(), -1))
  const off = await call(SME, 'PUT', '/api/me/digest', { enabled: false })
  expect(off.json()).toMatchObject({ enabled: false })
})
afterAll(async () => {
  await t.close()
  await smtp.close()
})

describe('the daily digest', () => {
  it('a dry run reports who would get what, and sends and records nothing', async () => {
    const outcomes = await digestService(t.database, config(smtp.url)).sendDigests({ dryRun: true })
    expect(by(outcomes, 'would-send')).toEqual([FPM, LEAD])
    expect(outcomes.find((o) => o.email === FPM)).toMatchObject({
      localDate: localToday(),
      counts: { overdue: 1, dueToday: 1, breached: 1, atRisk: 1 },
    })
    expect(smtp.messages).toEqual([])
    expect(await digestService(t.database, config(smtp.url)).deliveries()).toEqual([])
  })

  it('only from DIGEST_HOUR in the user’s time zone when the scheduler asks', async () => {
    // The digest hour is set around the present local hour, so the data (timed from now) is as it is now.
    const now = DateTime.now().setZone(TZ)
    const service = (hour: number) => digestService(t.database, { ...config(smtp.url), hour })
    // Before the hour: the next hour (at 23:xx, an hour earlier against 23:00).
    const early =
      now.hour < 23
        ? await service(now.hour + 1).sendDigests({ now: now.toJSDate(), fromHourOnly: true, dryRun: true })
        : await service(23).sendDigests({
            now: now.minus({ hours: 1 }).toJSDate(),
            fromHourOnly: true,
            dryRun: true,
          })
    expect(by(early, 'would-send')).toEqual([])
    expect(by(early, 'not-yet')).toContain(FPM)
    const later = await service(now.hour).sendDigests({
      now: now.toJSDate(),
      fromHourOnly: true,
      dryRun: true,
    })
    expect(by(later, 'would-send')).toEqual([FPM, LEAD])
  })

  it('SMTP down: every failure is recorded with its error, nothing counts as sent', async () => {
    const outcomes = await digestService(t.database, config(await closedPortUrl())).sendDigests()
    expect(by(outcomes, 'failed')).toEqual([FPM, LEAD])
    const rows = await digestService(t.database, config(smtp.url)).deliveries()
    expect(rows.map((r) => [r.status, r.localDate])).toEqual([
      ['failed', localToday()],
      ['failed', localToday()],
    ])
    expect(rows.every((r) => /ECONNREFUSED/.test(r.error ?? ''))).toBe(true)
  })

  it('e-mails exactly the users with something to act on, escaped, linked, once; a refused one does not stop the others', async () => {
    smtp.reject.add(LEAD)
    const outcomes = await digestService(t.database, config(smtp.url)).sendDigests()
    expect(by(outcomes, 'sent')).toEqual([FPM])
    expect(by(outcomes, 'failed')).toEqual([LEAD])
    expect(by(outcomes, 'opted-out')).toEqual([SME])
    expect(by(outcomes, 'nothing-to-report')).toEqual(
      ['admin', 'leadb', 'fpma2', 'fpmb1', 'viewer', 'viewerb'].map((k) => `${k}@test.example`).sort(),
    )
    expect(smtp.messages.map((m) => m.to)).toEqual([[FPM]])
    const [mail] = smtp.messages
    expect(mail!.from).toBe('trellis@test.example')
    const day = DateTime.fromISO(localToday()).toFormat('ccc d LLL')
    expect(mail!.subject).toBe(`Trellis — ${day}: 1 overdue action, 1 due today, 1 SLA breach, 1 SLA at risk`)
    for (const body of [mail!.text, mail!.html]) {
      expect(body).toContain('Tenant migration blocked')
      expect(body).toContain('Licences not assigned')
      expect(body).toContain('Call the sponsor')
      expect(body).toContain(`${BASE}/escalations/${breachedId}`)
      expect(body).not.toContain('Hidden partner follow-up')
      expect(body).not.toContain('SME review')
    }
    expect(mail!.text).toContain(INJECTION)
    expect(mail!.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Send the adoption plan')
    expect(mail!.html).not.toContain('<script')
    const rows = await digestService(t.database, config(smtp.url)).deliveries(t.fx.users.fpmA1.id)
    expect(rows.at(-1)).toMatchObject({
      status: 'sent',
      localDate: localToday(),
      counts: { overdue: 1, dueToday: 1, dueThisWeek: 0, breached: 1, atRisk: 1, meetingsToday: 0 },
    })
    expect(rows.at(-1)!.messageId).toBe(mail!.headers['message-id'])
    const lead = await digestService(t.database, config(smtp.url)).deliveries(t.fx.users.leadA.id)
    expect(lead.at(-1)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/Mailbox unavailable/),
    })
  })

  it('at most one digest per local day: a second run sends only what failed; the next day sends again', async () => {
    smtp.reject.clear()
    const again = await digestService(t.database, config(smtp.url)).sendDigests()
    expect(by(again, 'already-sent')).toEqual([FPM])
    expect(by(again, 'sent')).toEqual([LEAD])
    expect(smtp.messages.map((m) => m.to[0])).toEqual([FPM, LEAD])
    const lead = smtp.messages[1]!
    expect(lead.subject).toMatch(/: 1 SLA breach$/)
    expect(lead.text).toContain('Tenant migration blocked')
    expect(lead.html).toContain('Tenant migration blocked')

    const third = await digestService(t.database, config(smtp.url)).sendDigests()
    expect(by(third, 'sent')).toEqual([])
    expect(smtp.messages).toHaveLength(2)

    const tomorrow = new Date(Date.now() + 24 * HOUR)
    const next = await digestService(t.database, config(smtp.url)).sendDigests({
      now: tomorrow,
      onlyUserEmail: FPM,
    })
    expect(next).toMatchObject([{ email: FPM, status: 'sent', localDate: addDays(localToday(), 1) }])
    expect(smtp.messages).toHaveLength(3)
  })

  it('--force sends again the same day and is recorded as forced', async () => {
    const forced = await digestService(t.database, config(smtp.url)).sendDigests({
      onlyUserEmail: LEAD,
      force: true,
    })
    expect(forced).toMatchObject([{ email: LEAD, status: 'sent' }])
    const rows = await digestService(t.database, config(smtp.url)).deliveries(t.fx.users.leadA.id)
    expect(rows.map((r) => [r.status, r.forced])).toEqual([
      ['failed', false],
      ['failed', false],
      ['sent', false],
      ['sent', true],
    ])
  })

  it('an unknown user is named; no SMTP means a clear error unless it is a dry run', async () => {
    const service = digestService(t.database, config(smtp.url))
    await expect(service.sendDigests({ onlyUserEmail: 'nobody@test.example' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Active user nobody@test.example not found',
    })
    const off = digestService(t.database, { ...config(smtp.url), mailer: null })
    await expect(off.sendDigests()).rejects.toThrow(/SMTP_URL/)
    expect(by(await off.sendDigests({ dryRun: true }), 'would-send')).toContain(FPM)
  })
})

describe('my digest setting', () => {
  it('is on by default, each user switches their own; a bad body names the field', async () => {
    const mine = await call(FPM, 'GET', '/api/me/digest')
    expect(mine.json()).toEqual({ enabled: true, emailConfigured: false, hour: 7, timeZone: 'UTC' })
    expect((await call(SME, 'GET', '/api/me/digest')).json().enabled).toBe(false)
    const bad = await call(FPM, 'PUT', '/api/me/digest', { enabled: 'yes' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.issues[0].path).toEqual(['enabled'])
    expect((await call(SME, 'PUT', '/api/me/digest', { enabled: true })).json().enabled).toBe(true)
    const outcomes = await digestService(t.database, config(smtp.url)).sendDigests({ dryRun: true })
    expect(by(outcomes, 'would-send')).toContain(SME)
  })
})
