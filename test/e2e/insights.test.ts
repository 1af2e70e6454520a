import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2E, eventually, shot, startE2E, visible } from './harness'

let e2e: E2E
let partner = { id: 0, name: '' }

beforeAll(async () => {
  e2e = await startE2E()
  const fpm = await e2e.cookieFor('fpm@trellis.example')
  partner = (
    await e2e.get<{ items: (typeof partner)[] }>(
      fpm,
      '/api/partners?pageSize=1&sort=name&order=asc&status=active',
    )
  ).items[0]!
})
afterAll(() => e2e?.close())

describe('insights and spotlights', () => {
  it('a partner manager raises an insight from the partner page, with errors next to the fields', async () => {
    const page = await e2e.signIn('fpm@trellis.example', `/partners/${partner.id}`)
    const card = page.getByRole('region', { name: 'Insights & Spotlights' })
    await visible(card)
    await card.getByRole('button', { name: 'New insight' }).click()
    const dialog = page.getByRole('dialog', { name: 'New insight' })
    await visible(dialog)
    await dialog.getByRole('button', { name: 'Raise insight' }).click()
    await visible(dialog.getByText('Give the insight a title'))
    await visible(dialog.getByText('Describe the feedback'))
    await visible(dialog.getByText('Choose a type'))
    await shot(page, 'insights-new-errors')
    await dialog.getByRole('combobox', { name: 'Type' }).click()
    await page.getByRole('option', { name: 'Product', exact: true }).click()
    await dialog.getByLabel('Title').fill('E2E: Teams Premium trial cannot be extended')
    await dialog
      .getByRole('textbox', { name: 'Description' })
      .fill('Pilots need 60 days, the trial gives 30.')
    await dialog.getByRole('button', { name: 'Raise insight' }).click()
    await visible(card.getByText('E2E: Teams Premium trial cannot be extended'))
    const referrals = page.getByRole('region', { name: 'Referrals' })
    await visible(referrals)
    await card.scrollIntoViewIfNeeded()
    await shot(page, 'insights-partner-cards')
  })

  it('a lead sees the counts per partner manager and partner, the registers and a spotlight rendered from Markdown', async () => {
    const page = await e2e.signIn('lead@trellis.example', '/insights')
    await visible(page.getByRole('heading', { name: 'Insights & Spotlights', level: 1 }))
    const counts = page.getByRole('region', { name: 'Submissions per partner' })
    await visible(counts.getByRole('table', { name: 'Per partner manager' }))
    await eventually(async () => {
      expect(await counts.getByText('none submitted').count()).toBeGreaterThan(0)
    })
    await visible(
      page.getByRole('table', { name: 'Insights' }).getByText('E2E: Teams Premium trial cannot be extended'),
    )
    await expect(page.getByRole('link', { name: 'CSV' }).first().getAttribute('href')).resolves.toContain(
      '/api/insights/export?',
    )
    await shot(page, 'insights-page', true)
    await page.getByRole('tab', { name: 'Spotlights' }).click()
    const table = page.getByRole('table', { name: 'Spotlights' })
    await visible(table)
    await table.locator('tbody tr').first().getByRole('button').click()
    const dialog = page.getByRole('dialog')
    await visible(dialog.getByRole('heading', { name: 'What was done' }))
    // Markdown lists are rendered as lists, not as raw text.
    await visible(dialog.locator('li').first())
    await shot(page, 'insights-spotlight')
  })
})
