import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2E, eventually, shot, startE2E, tableRows, visible } from './harness'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

/** Scrolls a card to the top of the window, for the screenshot. */
async function toTop(page: Page, card: Locator) {
  await card.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await page.evaluate(() => window.scrollBy(0, -72))
}

async function expectHealthCard(page: Page) {
  const card = page.getByRole('region', { name: 'Health score' })
  await visible(card.getByTestId('health-score'))
  expect(Number(await card.getByTestId('health-score').textContent())).toBeGreaterThanOrEqual(0)
  await visible(card.getByText(/^of 100 · as of \w+ \d{4}$/))
  const factors = card.getByRole('list', { name: 'Health factors' }).getByRole('listitem')
  // The card of the page just opened may still be loading its factors: wait for all five.
  await eventually(async () => expect(await factors.count()).toBe(5))
  await visible(card.getByText('Active usage vs the adoption milestone'))
  await visible(card.getByText(/\/ 50 pts/))
  await visible(card.getByRole('img', { name: /health score over \d+ months/ }))
  await visible(card.getByRole('table', { name: 'Rows behind this score' }).locator('tbody tr a'))
  return card
}

describe('health score and settings', () => {
  it('shows the health card on a customer and a partner, and an admin changes the weights', async () => {
    const page = await e2e.signIn('admin@trellis.example')
    await page.getByRole('link', { name: 'Customers' }).click()
    const rows = await tableRows(page, 'Customers')
    await rows.first().locator('a').first().click()
    const card = await expectHealthCard(page)
    // The definition behind the info icon, as in docs/metrics.md.
    await card.getByRole('button', { name: 'About Usage trend' }).hover()
    await visible(page.getByRole('tooltip').getByText(/licensed-weighted change of the active share/))
    await page.mouse.move(0, 0)
    await toTop(page, card)
    await shot(page, 'customer-health')

    // An earlier month from the period picker: its score, as of that month.
    await card.getByRole('combobox', { name: 'Period' }).click()
    const option = page.getByRole('option').nth(1)
    const month = ((await option.textContent()) ?? '').split(' · ')[0]!
    await option.click()
    await visible(card.getByText(`of 100 · as of ${month}`))

    // A partner's card: its customers' rows, linked.
    await card.getByRole('table', { name: 'Rows behind this score' }).locator('tbody tr a').first().click()
    await page.waitForURL(/\/partners\/\d+$/)
    const partnerCard = await expectHealthCard(page)
    await visible(partnerCard.getByText(/Lowest-scoring customers first/))
    await toTop(page, partnerCard)
    await shot(page, 'partner-health')

    await page.getByRole('link', { name: 'Settings' }).click()
    await visible(page.getByRole('heading', { name: 'Settings', level: 1 }))
    const sets = page.getByRole('table', { name: 'Settings sets' })
    await visible(sets.getByText('In force'))
    const form = page.getByRole('form', { name: 'Settings set' })
    await visible(form.getByText('100 / 100'))
    await form.getByLabel('Active usage', { exact: true }).fill('45')
    await visible(form.getByText('95 / 100'))
    await form.getByLabel('Lifecycle phase', { exact: true }).fill('15')
    await visible(form.getByText('100 / 100'))
    await form.getByRole('textbox', { name: 'Note' }).fill('More weight on the lifecycle phase')
    await form.getByRole('button', { name: 'Save and recompute' }).click()
    await visible(page.getByText(/^Saved; \d+ periods? recomputed$/))
    await eventually(async () => {
      expect(await sets.locator('tbody tr').count()).toBe(2)
      expect(await sets.locator('tbody tr').first().textContent()).toContain(
        'More weight on the lifecycle phase',
      )
      expect(await sets.locator('tbody tr').first().textContent()).toContain('In force')
    })
    await page.evaluate(() => window.scrollTo(0, 0))
    await shot(page, 'settings', true)
    await page.context().close()
  })

  it('shows a partner manager the settings read-only, without a link', async () => {
    const page = await e2e.signIn('fpm@trellis.example')
    await visible(page.getByRole('link', { name: 'Customers' }))
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).count()).toBe(0)
    await page.goto('/settings')
    await visible(page.getByText('Only admins can change settings'))
    await visible(page.getByLabel('Active usage', { exact: true }))
    expect(await page.getByLabel('Active usage', { exact: true }).isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: 'Save and recompute' }).count()).toBe(0)
    await page.context().close()
  })
})
