import { describe, expect, it } from 'vitest'
import { loadEnv } from '#server/env'
import type { DigestContent } from '#server/modules/digest/content'
import { hasNews } from '#server/modules/digest/content'
import { digestSubject, escapeHtml, renderDigest } from '#server/modules/digest/render'
import type { Escalation } from '#shared/contracts/escalations'
import type { ActionItem } from '#shared/contracts/meetings'

describe('digest configuration (fails fast, naming the variable)', () => {
  it('accepts smtp:// and smtps:// URLs, defaults the rest', () => {
    const env = loadEnv({ SMTP_URL: 'smtps://u:p@mail.example.com:465' })
    expect(env).toMatchObject({
      SMTP_URL: 'smtps://u:p@mail.example.com:465',
      MAIL_FROM: 'Trellis <trellis@localhost>',
      DIGEST_HOUR: 7,
      TRELLIS_TIME_ZONE: 'UTC',
    })
    expect(env.TRELLIS_PUBLIC_URL).toBeUndefined()
    expect(loadEnv({ SMTP_URL: '' }).SMTP_URL).toBeUndefined()
    expect(loadEnv({ TRELLIS_PUBLIC_URL: 'https://t.example/' }).TRELLIS_PUBLIC_URL).toBe('https://t.example')
  })

  it.each([
    [{ SMTP_URL: 'http://mail.example.com' }, /SMTP_URL: SMTP_URL must be a URL like smtp:\/\//],
    [{ SMTP_URL: 'mail.example.com:587' }, /SMTP_URL: /],
    [{ MAIL_FROM: 'not an address' }, /MAIL_FROM: MAIL_FROM must be an address/],
    [{ DIGEST_HOUR: '24' }, /DIGEST_HOUR: DIGEST_HOUR is an hour from 0 to 23/],
    [{ TRELLIS_TIME_ZONE: 'Mars/Olympus' }, /TRELLIS_TIME_ZONE: .*IANA time zone/],
    [{ TRELLIS_PUBLIC_URL: 'ftp://x' }, /TRELLIS_PUBLIC_URL: /],
  ])('rejects %o', (env, message) => {
    expect(() => loadEnv(env)).toThrow(message)
  })
})

const action = (title: string, dueOn: string): ActionItem =>
  ({ id: 1, partnerId: 5, partnerName: 'P & Co', title, dueOn, meeting: null }) as ActionItem
const escalation = (title: string, state: 'breached' | 'at_risk'): Escalation =>
  ({
    id: 9,
    title,
    severity: 'critical',
    partnerName: 'P & Co',
    sla: { hours: 24, dueAt: '2026-11-25T10:00:00.000Z', elapsedShare: 1.2, state },
  }) as Escalation
const empty: DigestContent = {
  localDate: '2026-11-26',
  timeZone: 'UTC',
  overdue: [],
  dueToday: [],
  dueThisWeek: [],
  breached: [],
  atRisk: [],
  meetingsToday: [],
}

describe('digest rendering', () => {
  it('nothing to act on → no news, even with items later this week', () => {
    expect(hasNews({ ...empty, dueThisWeek: [action('Later', '2026-11-28')] })).toBe(false)
    expect(hasNews({ ...empty, atRisk: [escalation('Soon', 'at_risk')] })).toBe(true)
  })

  it('the subject counts what needs attention, in the plural where it must', () => {
    const c = {
      ...empty,
      overdue: [action('a', '2026-11-20'), action('b', '2026-11-21')],
      breached: [escalation('x', 'breached')],
    }
    expect(digestSubject(c)).toBe('Trellis — Thu 26 Nov: 2 overdue actions, 1 SLA breach')
  })

  it('escapes every value in the HTML and links with the public URL', () => {
    const title = `<img src=x onerror="alert('1')">`
    const { html, text } = renderDigest(
      { ...empty, overdue: [action(title, '2026-11-20')] },
      'Ann <b>',
      'https://t.example',
    )
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>')
    expect(html).toContain(escapeHtml(title))
    expect(html).toContain('P &amp; Co')
    expect(html).toContain('href="https://t.example/partners/5"')
    expect(text).toContain(title)
    expect(text).toContain('https://t.example/my-week')
  })
})
