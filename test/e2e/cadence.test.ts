import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CadenceOverview } from '#shared/contracts/cadence'
import { addMonths, today } from '#shared/domain/periods'
import { type E2E, eventually, shot, startE2E, visible } from './harness'

let e2e: E2E
const PARTNER = 'Rhythm Check Partner'
/** Last month: always over, so every meeting in it is due. */
const lastMonth = addMonths(today(), -1).slice(0, 7)
const monthLabel = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
}).format(new Date(`${lastMonth}-01T00:00:00Z`))

/**
 * Farah's new partner, last month, by hand: ROBs on the 5th and the 20th (the 5th held) and an MBR on the
 * 10th (held) → ROB 1 of 2 (50 %), MBR 1 of 1 (100 %), together 2 of 3 (67 %). No sponsor yet.
 */
beforeAll(async () => {
  e2e = await startE2E()
  const fpm = await e2e.cookieFor('fpm@trellis.example')
  const partner = await e2e.api(fpm, 'POST', '/api/partners', { programId: 'E2E-RHYTHM', name: PARTNER })
  const series = async (kind: string, rrule: string, day: string) =>
    (
      await e2e.api(fpm, 'POST', `/api/partners/${partner.id}/meeting-series`, {
        kind,
        title: kind.toUpperCase(),
        rrule,
        startLocal: `${lastMonth}-${day}T10:00`,
        timeZone: 'UTC',
        durationMinutes: 30,
      })
    ).id as number
  const rob = await series('rob', 'FREQ=MONTHLY;BYMONTHDAY=5,20', '05')
  const mbr = await series('mbr', 'FREQ=MONTHLY;BYMONTHDAY=10', '10')
  const held = (id: number, day: string) =>
    e2e.api(fpm, 'PATCH', `/api/meeting-series/${id}/occurrences/${lastMonth}-${day}T10:00:00.000Z`, {
      status: 'held',
    })
  await held(rob, '05')
  await held(mbr, '10')
})
afterAll(() => e2e?.close())

describe('business rhythm on the dashboards', () => {
  it("a lead sees the region's compliance and drills from a partner manager to the partner rows", async () => {
    const page = await e2e.signIn('lead@trellis.example', '/dashboard')
    await visible(page.getByRole('heading', { name: 'Region', level: 1 }))
    const card = page.getByTestId('rhythm-card')
    await visible(card.getByRole('table', { name: 'Business rhythm by partner manager' }))
    await card.getByRole('combobox', { name: 'Rhythm period' }).click()
    await page.getByRole('option', { name: monthLabel, exact: true }).click()

    // The tiles show the region's totals as the API counts them for the same scope and period.
    const lead = await e2e.cookieFor('lead@trellis.example')
    const me = await e2e.api(lead, 'GET', '/api/auth/me')
    const expected: CadenceOverview = await e2e.api(
      lead,
      'GET',
      `/api/cadence?period=${lastMonth}&regionId=${me.user.regionId}`,
    )
    const all = expected.totals.meetings.all
    expect(all.scheduled).toBeGreaterThanOrEqual(3)
    await eventually(async () => {
      const text = await card.getByText('Combined').locator('..').textContent()
      expect(text).toContain(`${Math.round(all.compliance! * 100)} %`)
      expect(text).toContain(`${all.held}/${all.scheduled}`)
    })

    await card.getByRole('button', { name: 'Partners of Farah Manager' }).click()
    const rows = card
      .getByRole('table', { name: "Business rhythm of Farah Manager's partners" })
      .locator('tbody tr')
    const mine = rows.filter({ hasText: PARTNER })
    await visible(mine)
    await eventually(async () => {
      const text = (await mine.textContent()) ?? ''
      expect(text).toContain('50 %1/2')
      expect(text).toContain('100 %1/1')
      expect(text).toContain('67 %2/3')
      expect(text).toContain('No sponsor identified')
    })
    await card.scrollIntoViewIfNeeded()
    await shot(page, 'rhythm-region')
  })

  it('a partner manager sees the partners without a rhythm and opens one of them', async () => {
    const page = await e2e.signIn('fpm@trellis.example', '/dashboard')
    await visible(page.getByRole('heading', { name: 'My portfolio', level: 1 }))
    const list = page.getByTestId('no-rhythm-list')
    await visible(list.getByText(PARTNER))
    await list.scrollIntoViewIfNeeded()
    await shot(page, 'rhythm-my-portfolio')
    await list.getByRole('link', { name: PARTNER }).click()
    await page.waitForURL(/\/partners\/\d+#meetings/)
    const card = page.getByTestId('partner-rhythm')
    await visible(card.getByRole('table', { name: 'Business rhythm per month' }))
    await card.scrollIntoViewIfNeeded()
    await shot(page, 'rhythm-partner')
  })
})
