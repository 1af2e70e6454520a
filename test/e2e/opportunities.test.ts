import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import { type E2E, eventually, hidden, shot, startE2E, visible } from './harness'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
  // As at start-up (main.ts): the demo data gets its scores and opportunities.
  await analyticsRefresher(e2e.database).ensureComputed()
})
afterAll(() => e2e?.close())

describe('opportunities', () => {
  it('opens the ranked list from the navigation and dismisses one with a reason', async () => {
    const page = await e2e.signIn('fpm@trellis.example')
    await page.getByRole('link', { name: 'Opportunities' }).click()
    await page.waitForURL('**/opportunities')
    const table = page.getByRole('table', { name: 'Opportunities', exact: true })
    const rows = table.locator('tbody tr[data-testid^="opportunity-"]')
    await visible(rows)
    expect(await rows.count()).toBeGreaterThan(0)
    await visible(page.getByRole('columnheader', { name: 'Reason' }))
    await shot(page, 'opportunities')

    const first = rows.first()
    const testId = (await first.getAttribute('data-testid')) ?? ''
    const reason = (await first.locator('td').nth(4).textContent())?.trim() ?? ''
    expect(reason.length).toBeGreaterThan(10)
    await first.getByRole('button', { name: /^Actions for/ }).click()
    await page.getByRole('menuitem', { name: 'Dismiss…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Dismiss opportunity' })
    await visible(dialog)
    // A reason is required.
    await dialog.getByRole('button', { name: 'Dismiss' }).click()
    await visible(dialog.getByText('Give a reason'))
    await dialog.getByLabel('Reason').fill('Customer moved to another partner')
    await dialog.getByRole('button', { name: 'Dismiss' }).click()
    await hidden(dialog)
    await hidden(page.getByTestId(testId))

    // It shows under "Dismissed" with its history.
    await page.getByText('Dismissed', { exact: true }).click()
    await page.waitForURL(/state=dismissed/)
    const dismissed = page.getByTestId(testId)
    await visible(dismissed)
    await dismissed.getByRole('button', { name: /^Actions for/ }).click()
    await page.getByRole('menuitem', { name: 'History' }).click()
    const history = page.getByRole('dialog', { name: 'Opportunity history' })
    await visible(history.getByText('Customer moved to another partner'))
    await eventually(async () => expect(await history.getByText('Dismissed').count()).toBeGreaterThan(0))
    await page.context().close()
  })

  it('turns one into an action item that shows on My week', async () => {
    const page = await e2e.signIn('fpm@trellis.example')
    await page.goto(`${e2e.baseUrl}/opportunities`)
    // Only loaded rows carry a test id (the loading skeleton's rows do not).
    const rows = page
      .getByRole('table', { name: 'Opportunities', exact: true })
      .locator('tbody tr[data-testid^="opportunity-"]')
    await visible(rows.first())
    const first = rows.first()
    const testId = (await first.getAttribute('data-testid')) ?? ''
    const customer = (await first.locator('td').first().textContent())?.trim() ?? ''
    await first.getByRole('button', { name: /^Actions for/ }).click()
    await page.getByRole('menuitem', { name: 'Turn into an action item' }).click()
    await visible(page.getByTestId(testId).getByText(/^Action · due/))
    await page
      .getByTestId(testId)
      .getByText(/^Action · due/)
      .click()
    await page.waitForURL('**/my-week')
    const mine = page.getByRole('region', { name: 'My action items' })
    await visible(mine.getByText(customer, { exact: false }).first())
    await shot(page, 'my-week-action-from-opportunity', true)
    await page.context().close()
  })

  it('shows the top opportunities on a partner page', async () => {
    const page = await e2e.signIn('fpm@trellis.example')
    const row = page.getByRole('table', { name: 'Partners', exact: true }).locator('tbody tr a').first()
    await visible(row)
    await row.click()
    const card = page.getByRole('region', { name: 'Top opportunities' })
    await visible(card)
    await visible(card.getByText(/ users | days /).first())
    await card.scrollIntoViewIfNeeded()
    await shot(page, 'partner-opportunities')
    await page.context().close()
  })
})
