import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '#server/seed/demo'
import type { NsatOverview } from '#shared/contracts/nsat'
import { type E2E, eventually, shot, startE2E, visible } from './harness'

let e2e: E2E
const PARTNER = 'Survey Check Partner'

async function api(cookie: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await e2e.app.inject({ method, url, payload, headers: { cookie } })
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300)
  return res.json()
}
async function cookieOf(email: string) {
  const res = await e2e.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: DEMO_PASSWORD },
  })
  const set = res.cookies.find((c) => c.name === 'trellis_session')
  if (!set) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`)
  return `trellis_session=${set.value}`
}

let partnerId: number
beforeAll(async () => {
  e2e = await startE2E()
  const fpm = await cookieOf('fpm@trellis.example')
  partnerId = (await api(fpm, 'POST', '/api/partners', { programId: 'E2E-NSAT', name: PARTNER })).id
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
    const fpm = await cookieOf('fpm@trellis.example')
    const o: NsatOverview = await api(fpm, 'GET', '/api/nsat')
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
    const expected: NsatOverview = await api(await cookieOf('lead@trellis.example'), 'GET', '/api/nsat')
    const total = table.locator('tbody tr').filter({ hasText: 'All partners' })
    await eventually(async () => {
      const text = (await total.textContent()) ?? ''
      expect(text).toContain(`${expected.totals.customer.nsat}n=${expected.totals.customer.valid}`)
      expect(text).toContain(`${expected.totals.partner.nsat}n=${expected.totals.partner.valid}`)
    })
    await shot(page, 'nsat-page', true)
  })
})
