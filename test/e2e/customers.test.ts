import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2E, eventually, shot, startE2E, tableRows, visible } from './harness'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

describe('customers', () => {
  it('lists, filters by eligibility and opens a customer with its usage chart', async () => {
    const page = await e2e.signIn('fpm@trellis.example')
    await page.getByRole('link', { name: 'Customers' }).click()
    const rows = await tableRows(page, 'Customers')
    expect(await rows.count()).toBeGreaterThan(3)
    await shot(page, 'customers')

    await page.getByRole('combobox', { name: 'Eligibility' }).click()
    await page.getByRole('option', { name: /Below 150 seats/ }).click()
    await page.waitForURL(/eligible=false/)
    await eventually(async () => {
      for (const text of await rows.allTextContents()) expect(text).toContain('Below 150 seats')
    })

    await page.getByRole('combobox', { name: 'Eligibility' }).click()
    await page.getByRole('option', { name: /Eligible/ }).click()
    await page.waitForURL(/eligible=true/)
    await page.getByRole('button', { name: 'Active %' }).click()
    await page.waitForURL(/sort=activePct/)
    await eventually(async () => {
      const pcts = (await rows.locator('td:nth-last-child(2)').allTextContents()).map((t) =>
        Number.parseFloat(t),
      )
      expect(pcts).toEqual([...pcts].sort((a, b) => b - a))
      for (const text of await rows.allTextContents()) expect(text).toContain('Eligible')
    })

    const name = (await rows.first().locator('a').first().textContent())?.trim() ?? ''
    await rows.first().locator('a').first().click()
    await visible(page.getByRole('heading', { name, level: 1 }))
    await visible(page.getByText('Eligible').first())
    await visible(page.getByText('TPID', { exact: false }).first())
    // The chart of licensed vs active users over the snapshots.
    await visible(page.getByRole('heading', { name: 'Licensed vs active users' }))
    const chart = page.getByRole('img', { name: /Licensed and active users over \d+ snapshots/ })
    await visible(chart)
    expect(await chart.locator('.recharts-area').count()).toBeGreaterThanOrEqual(2)
    await visible(chart.getByText('Licensed users'))
    await visible(chart.getByText('Active users'))
    // One row per workload with status, phase, claim and usage.
    const workloads = page.getByRole('table', { name: 'Workloads' }).locator('tbody tr')
    expect(await workloads.count()).toBeGreaterThan(0)
    await visible(page.getByRole('columnheader', { name: 'CPOR claim' }))
    await shot(page, 'customer', true)
    await page.context().close()
  })

  it('edits an engagement’s intent status and phase', async () => {
    const page = await e2e.signIn('fpm@trellis.example')
    await page.goto('/customers')
    const rows = await tableRows(page, 'Customers')
    await rows.first().locator('a').first().click()
    const table = page.getByRole('table', { name: 'Workloads' })
    await visible(table.locator('tbody tr'))
    await table
      .getByRole('button', { name: /^Actions for/ })
      .first()
      .click()
    await page.getByRole('menuitem', { name: 'Edit status and phase' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('combobox', { name: 'Intent status' }).click()
    await page.getByRole('option', { name: 'Blocked' }).click()
    await dialog.getByRole('combobox', { name: 'Lifecycle phase' }).click()
    await page.getByRole('option', { name: '7. Operation' }).click()
    await dialog.getByRole('button', { name: 'Save changes' }).click()
    await visible(table.locator('tbody tr').first().getByText('Blocked'))
    await visible(table.locator('tbody tr').first().getByText('Operation'))
    await page.context().close()
  })
})
