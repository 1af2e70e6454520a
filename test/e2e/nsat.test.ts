import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NsatOverview } from '#shared/contracts/nsat'
import { type E2E, eventually, shot, startE2E, visible } from './harness'

let e2e: E2E
const PARTNER = 'Survey Check Partner'

let partnerId: number
beforeAll(async () => {
  e2e = await startE2E()
  const fpm = await e2e.cookieFor('fpm@trellis.example')
  partnerId = (await e2e.api(fpm, 'POST', '/api/partners', { programId: 'E2E-NSAT', name: PARTNER })).id
})
afterAll(() => e2e?.close())

describe('NSAT', () => {
  it('a partner manager records a response on the partner page; problems show next to the field', async () => {
    const page = await e2e.signIn('fpm@trellis.example', `/partners/${partnerId}`)
    const card = page.getByTestId('partner-nsat')
    await visible(card.getByText('Partner NSAT (partner survey)'))
    await card.scrollIntoViewIfNeeded()
    await card.getByRole('button', { name: 'Record a response' }).click()
    const dialog = page.getByRole('dialog', { name: 'Record a survey response' })
    await dialog.getByText('Partner survey', { exact: true }).click()
    await dialog.getByRole('button', { name: 'Record response' }).click()
    await visible(dialog.getByText('Give the respondent’s name or e-mail'))
    await visible(dialog.getByText('Choose an answer'))
    await shot(page, 'nsat-record-errors')

    await dialog.getByLabel('Respondent name').fill('Pat Partner')
    await dialog.getByRole('combobox', { name: 'Answer' }).click()
    await page.getByRole('option', { name: 'Very satisfied' }).click()
    await dialog.getByRole('button', { name: 'Record response' }).click()
    await eventually(async () => expect(await dialog.isVisible()).toBe(false))

    // One valid answer, very satisfied: NSAT 200 with n = 1, marked low n.
    const tile = card.getByText('Partner NSAT (partner survey)').locator('..')
    await eventually(async () => {
      const text = (await tile.textContent()) ?? ''
      expect(text).toContain('200')
      expect(text).toContain('n=1')
      expect(text).toContain('low n')
    })
  })

  it("a demo partner's card shows both scores and the trend", async () => {
    const fpm = await e2e.cookieFor('fpm@trellis.example')
    const o: NsatOverview = await e2e.api(fpm, 'GET', '/api/nsat')
    const busiest = [...o.partners].sort((a, b) => b.customer.valid - a.customer.valid)[0]!
    const page = await e2e.signIn('fpm@trellis.example', `/partners/${busiest.partnerId}`)
    const card = page.getByTestId('partner-nsat')
    await visible(card.locator('.recharts-line').first())
    await card.scrollIntoViewIfNeeded()
    await shot(page, 'nsat-partner')
  })

  it('a lead sees NSAT per partner manager with the totals the API computes', async () => {
    const page = await e2e.signIn('lead@trellis.example', '/nsat')
    await visible(page.getByRole('heading', { name: 'NSAT', level: 1 }))
    const table = page.getByRole('table', { name: 'Per partner manager' })
    await visible(table.locator('tbody tr').first())
    const expected: NsatOverview = await e2e.api(
      await e2e.cookieFor('lead@trellis.example'),
      'GET',
      '/api/nsat',
    )
    const total = table.locator('tbody tr').filter({ hasText: 'All partners' })
    await eventually(async () => {
      const text = (await total.textContent()) ?? ''
      expect(text).toContain(`${expected.totals.customer.nsat}n=${expected.totals.customer.valid}`)
      expect(text).toContain(`${expected.totals.partner.nsat}n=${expected.totals.partner.valid}`)
    })
    await shot(page, 'nsat-page', true)
  })
})
