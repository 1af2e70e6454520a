import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2E, eventually, shot, startE2E, tableRows, visible } from './harness'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

describe('dashboards', () => {
  it("shows a partner manager's portfolio and drills from a health band to its customers", async () => {
    const page = await e2e.signIn('fpm@trellis.example', '/dashboard')
    await visible(page.getByRole('heading', { name: 'My portfolio', level: 1 }))
    const dashboard = page.getByTestId('dashboard')
    await visible(dashboard.getByText('Active share').first())
    await visible(page.getByRole('table', { name: 'Partner × workload heat map' }))
    const partners = await tableRows(page, 'Partners by health')
    const own = await partners.count()
    expect(own).toBeGreaterThan(0)
    await shot(page, 'dashboard-fpm', true)

    // The healthy band of the donut's legend opens the customer list filtered to healthy customers.
    await page.getByRole('link', { name: /^Healthy\s*\d+/ }).click()
    await page.waitForURL(/\/customers\?band=healthy/)
    const rows = await tableRows(page, 'Customers')
    await eventually(async () => {
      for (const text of await rows.allTextContents()) expect(text).toContain('Healthy')
    })
  })

  it("shows a lead the region and a partner's strengths and weaknesses", async () => {
    const page = await e2e.signIn('lead@trellis.example', '/dashboard')
    await visible(page.getByRole('heading', { name: 'Region', level: 1 }))
    const partners = await tableRows(page, 'Partners by health')
    expect(await partners.count()).toBeGreaterThan(3)
    await shot(page, 'dashboard-region', true)

    await partners.first().locator('a').first().click()
    await visible(page.getByTestId('partner-analytics'))
    const standings = await tableRows(page, 'Strengths and weaknesses')
    expect(await standings.count()).toBeGreaterThan(0)
    await eventually(async () => {
      const text = (await standings.allTextContents()).join(' ')
      expect(text).toMatch(/Strength|Weakness|On par/)
    })
    await shot(page, 'partner-analytics', true)
  })
})
