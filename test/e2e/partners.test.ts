import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2E, eventually, hidden, shot, startE2E, tableRows, visible } from './harness'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

describe('partner list', () => {
  it('lists only the partner manager’s own partners, and searches, filters and sorts them', async () => {
    const page = await e2e.signIn('fpm@trellis.example')
    const rows = await tableRows(page, 'Partners')
    const count = await rows.count()
    expect(count).toBeGreaterThan(2)
    // Every row is managed by the signed-in partner manager.
    for (const text of await rows.allTextContents()) expect(text).toContain('Farah Manager')
    await visible(page.getByText(`1–${count} of ${count} partners`))
    await shot(page, 'partners')

    // Search by name.
    const first = (await rows.first().locator('a').textContent())?.trim() ?? ''
    await page.getByRole('searchbox', { name: 'Search partners' }).fill(first)
    await page.waitForURL(/q=/)
    await visible(page.getByText('1–1 of 1 partner'))
    await eventually(async () => expect(await rows.count()).toBe(1))

    // "/" focuses the search box; Escape clears it.
    await page.locator('body').click({ position: { x: 5, y: 300 } })
    await page.keyboard.press('/')
    await page.keyboard.press('Escape')
    await visible(page.getByText(`1–${count} of ${count} partners`))

    // Filter by status with the status tabs, which count the partners of each status.
    const tabs = page.getByRole('group', { name: 'Partners by status' })
    await visible(tabs.getByRole('button', { name: new RegExp(`^All\\s*${count}$`) }))
    const activeTab = tabs.getByRole('button', { name: /^Active\s*\d+$/ })
    const activeCount = Number((await activeTab.textContent())?.replace(/\D+/g, ''))
    await activeTab.click()
    await page.waitForURL(/status=active/)
    await eventually(async () => {
      expect(await rows.count()).toBe(activeCount)
      for (const text of await rows.allTextContents()) expect(text).toContain('Active')
    })
    expect(await activeTab.getAttribute('aria-pressed')).toBe('true')

    // Sort by customers, descending.
    await page.getByRole('button', { name: 'Customers' }).click()
    await page.waitForURL(/sort=customers/)
    await eventually(async () => {
      const numbers = (await rows.locator('td.numeric').allTextContents()).map((t) =>
        Number(t.replace(/,/g, '')),
      )
      expect(numbers).toEqual([...numbers].sort((a, b) => b - a))
    })
    await eventually(async () =>
      expect(await page.getByRole('columnheader', { name: 'Customers' }).getAttribute('aria-sort')).toBe(
        'descending',
      ),
    )
    await page.context().close()
  })
})

describe('partner page', () => {
  it('shows the profile, readiness and stakeholders, and toggles referral-ready in place', async () => {
    const page = await e2e.signIn('fpm@trellis.example')
    const rows = await tableRows(page, 'Partners')
    const name = (await rows.first().locator('a').textContent())?.trim() ?? ''
    await rows.first().locator('a').click()
    await visible(page.getByRole('heading', { name, level: 1 }))
    for (const label of [
      'Partner ID',
      'Program',
      'HQ country',
      'Region',
      'Partner manager',
      'Joined',
      'Website',
    ])
      await visible(page.getByText(label, { exact: true }))
    await visible(page.getByRole('heading', { name: 'Stakeholders' }))
    await visible(page.getByText('Partner side'))
    await visible(page.getByText('Microsoft side'))
    await visible(page.getByRole('table', { name: 'Customers' }).locator('tbody tr a'))
    await shot(page, 'partner', true)

    const toggle = page.getByRole('switch', { name: 'Referral ready' })
    const before = await toggle.isChecked()
    await toggle.click({ force: true })
    await visible(page.getByText(before ? 'Referrals turned off' : 'Marked referral ready'))
    expect(await toggle.isChecked()).toBe(!before)
    // It is saved: a reload shows the new value.
    await page.reload()
    await visible(page.getByRole('heading', { name, level: 1 }))
    expect(await page.getByRole('switch', { name: 'Referral ready' }).isChecked()).toBe(!before)
    await page.context().close()
  })

  it('adds a partner sponsor, which marks the sponsor as identified', async () => {
    const page = await e2e.signIn('fpm@trellis.example')
    // A new partner has no stakeholders yet.
    await page.getByRole('button', { name: 'New partner' }).click()
    const dialog = page.getByRole('dialog', { name: 'New partner' })
    await dialog.getByLabel('Partner name').fill('Sponsorless Ltd')
    await dialog.getByRole('textbox', { name: 'Partner ID', exact: true }).fill('E2E-SPONSOR')
    await dialog.getByRole('button', { name: 'Create partner' }).click()
    await visible(page.getByRole('heading', { name: 'Sponsorless Ltd', level: 1 }))
    await visible(page.getByText('Not identified yet — add them under Stakeholders'))

    await page.getByRole('region', { name: 'Partner side' }).getByRole('button', { name: 'Add' }).click()
    const form = page.getByRole('dialog', { name: 'Add a partner stakeholder' })
    await form.getByRole('button', { name: 'Add stakeholder' }).click()
    await visible(form.getByText('Enter a name'))
    await form.getByLabel('Name').fill('Greta Sponsor')
    await form.getByLabel('E-mail').fill('not-an-email')
    await form.getByRole('button', { name: 'Add stakeholder' }).click()
    await visible(form.getByText('Enter a valid e-mail address'))
    await form.getByLabel('E-mail').fill('greta@sponsorless.example')
    await form.getByRole('button', { name: 'Add stakeholder' }).click()
    await hidden(form)
    await visible(page.getByText('Greta Sponsor'))
    await visible(page.getByText('An executive sponsor is on record'))
    await page.context().close()
  })
})

describe('creating a partner', () => {
  it('shows each validation message next to its field, then creates the partner', async () => {
    const page = await e2e.signIn('fpm@trellis.example')
    await page.getByRole('button', { name: 'New partner' }).click()
    const dialog = page.getByRole('dialog', { name: 'New partner' })
    await dialog.getByRole('button', { name: 'Create partner' }).click()

    const programId = dialog.getByRole('textbox', { name: 'Partner ID', exact: true })
    await visible(dialog.getByText('Enter the partner ID'))
    expect(await programId.getAttribute('aria-invalid')).toBe('true')
    // The message is tied to the field (read out with it), not just somewhere on the page.
    const describedBy = (await programId.getAttribute('aria-describedby')) ?? ''
    const errorIds = await dialog.getByText('Enter the partner ID').evaluate((el) => el.id)
    expect(describedBy.split(' ')).toContain(errorIds)
    await visible(dialog.getByText('Enter the partner name'))
    await shot(page, 'partner-form-errors')

    // A partner ID that is already taken: the server's answer lands next to the field too.
    const rows = await page.getByRole('table', { name: 'Partners' }).locator('tbody tr').all()
    const takenId = (await rows[0].locator('td.mono').textContent())?.trim() ?? ''
    await dialog.getByLabel('Partner name').fill('Northwind Onboarding')
    await programId.fill(takenId)
    await dialog.getByRole('button', { name: 'Create partner' }).click()
    await visible(dialog.getByText('Already used by another partner'))
    expect(await programId.getAttribute('aria-invalid')).toBe('true')

    await programId.fill('E2E-0001')
    await dialog.getByText('Microsoft Teams').click()
    await dialog.getByRole('button', { name: 'Create partner' }).click()
    await visible(page.getByRole('heading', { name: 'Northwind Onboarding', level: 1 }))
    await visible(page.getByText('E2E-0001').first())
    await visible(page.getByText('Farah Manager').first())

    await page.goto('/partners?q=Northwind')
    await visible(page.getByText('1–1 of 1 partner'))
    const found = await page.getByRole('table', { name: 'Partners' }).locator('tbody tr').allTextContents()
    expect(found.join()).toContain('Northwind Onboarding')
    await page.context().close()
  })
})
