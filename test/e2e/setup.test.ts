import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2E, startE2E, visible } from './harness'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E({ seed: false })
})
afterAll(() => e2e?.close())

describe('first run', () => {
  it('creates the first admin on /setup, then shows empty lists that say what to do', async () => {
    const page = await e2e.newPage()
    await page.goto('/partners')
    // Not signed in → sign-in page → no users yet → setup.
    await page.waitForURL('**/setup')
    await visible(page.getByRole('heading', { name: 'Set up Trellis' }))

    await page.getByRole('button', { name: 'Create admin and sign in' }).click()
    await visible(page.getByText('Enter a name'))
    await visible(page.getByText('Enter a valid e-mail address'))
    await visible(page.getByText('Use at least 10 characters'))

    await page.getByLabel('Your name').fill('Ada Admin')
    await page.getByLabel('E-mail').fill('ada@example.com')
    await page.getByLabel('Password', { exact: true }).fill('a-long-password')
    await page.getByLabel('Repeat the password').fill('a-different-one')
    await page.getByRole('button', { name: 'Create admin and sign in' }).click()
    await visible(page.getByText('The passwords do not match'))
    await page.getByLabel('Repeat the password').fill('a-long-password')
    await page.getByRole('button', { name: 'Create admin and sign in' }).click()

    await page.waitForURL('**/dashboard')
    await visible(page.getByText('No portfolio data yet'))
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partners' }).click()
    await visible(page.getByText('No partners yet'))
    await visible(page.getByTestId('user-menu').getByText('Ada Admin'))
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click()
    await visible(page.getByText('No customers yet'))

    // Setup is closed once a user exists.
    await page.goto('/setup')
    await page.waitForURL((url) => !url.pathname.startsWith('/setup'))
    expect(await page.getByRole('heading', { name: 'Set up Trellis' }).count()).toBe(0)
    await page.context().close()
  })
})
