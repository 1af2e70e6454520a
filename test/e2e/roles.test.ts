import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2E, startE2E, tableRows, visible } from './harness'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

const count = (page: Page, role: 'button' | 'link', name: string) =>
  page.getByRole(role, { name, exact: true }).count()
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' })

/** What a role may change; the server enforces it, the UI only hides what the role cannot do. */
const cases = [
  { role: 'admin', email: 'admin@trellis.example', writes: true },
  { role: 'lead', email: 'lead@trellis.example', writes: true },
  { role: 'fpm', email: 'fpm@trellis.example', writes: true },
  { role: 'sme', email: 'sme@trellis.example', writes: false },
  { role: 'viewer', email: 'viewer@trellis.example', writes: false },
] as const

describe.each(cases)('as $role', ({ email, writes, role }) => {
  it(writes ? 'sees the create and edit actions' : 'sees no create or edit action anywhere', async () => {
    const page = await e2e.signIn(email)
    const partners = await tableRows(page, 'Partners')
    expect(await count(page, 'button', 'New partner')).toBe(writes ? 1 : 0)
    expect(await nav(page).getByRole('link', { name: 'Import' }).count()).toBe(writes ? 1 : 0)
    expect(await nav(page).getByRole('link', { name: 'Users' }).count()).toBe(role === 'admin' ? 1 : 0)
    expect(await nav(page).getByRole('link', { name: 'Settings' }).count()).toBe(role === 'admin' ? 1 : 0)

    await partners.first().locator('a').click()
    await visible(page.getByRole('heading', { name: 'Stakeholders' }))
    await visible(page.getByRole('table', { name: 'Customers' }).locator('tbody tr a'))
    expect(await count(page, 'button', 'Edit partner')).toBe(writes ? 1 : 0)
    expect(await count(page, 'button', 'More actions')).toBe(writes ? 1 : 0)
    expect(await count(page, 'button', 'Add')).toBe(writes ? 2 : 0)
    expect(await count(page, 'button', 'Add customer')).toBe(writes ? 1 : 0)
    expect((await page.getByRole('button', { name: /^Actions for/ }).count()) > 0).toBe(writes)
    expect(await page.getByRole('switch', { name: 'Referral ready' }).isDisabled()).toBe(!writes)

    await page.getByRole('table', { name: 'Customers' }).locator('tbody tr a').first().click()
    await visible(page.getByRole('heading', { name: 'Licensed vs active users' }))
    expect(await count(page, 'button', 'Edit customer')).toBe(writes ? 1 : 0)
    expect(await count(page, 'button', 'Add workload')).toBe(writes ? 1 : 0)
    expect((await page.getByRole('button', { name: /^Actions for/ }).count()) > 0).toBe(writes)

    await nav(page).getByRole('link', { name: 'Customers' }).click()
    await tableRows(page, 'Customers')
    expect(await count(page, 'button', 'New customer')).toBe(writes ? 1 : 0)

    if (!writes) {
      // Typing the address does not help either.
      await page.goto('/import')
      await visible(page.getByText('Your role cannot import'))
      expect(await page.locator('input[type=file]').count()).toBe(0)
    }
    await page.context().close()
  })
})
