import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2E, shot, startE2E, visible } from './harness'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

describe('signing in', () => {
  it('sends a visitor to the sign-in page and back where they wanted to go', async () => {
    const page = await e2e.newPage()
    await page.goto('/customers?q=adatum')
    await page.waitForURL('**/login?next=*')
    await visible(page.getByRole('heading', { name: 'Sign in' }))
    await shot(page, 'login')
    await page.getByLabel('E-mail').fill('fpm@trellis.example')
    await page.getByLabel('Password', { exact: true }).fill('trellis-demo')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL('**/customers?q=adatum')
    await page.context().close()
  })

  it('shows the validation message next to the field and a wrong password as an alert', async () => {
    const page = await e2e.newPage()
    await page.goto('/login')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await visible(page.getByText('Enter a valid e-mail address'))
    expect(await page.getByLabel('E-mail').getAttribute('aria-invalid')).toBe('true')

    await page.getByLabel('E-mail').fill('fpm@trellis.example')
    await page.getByLabel('Password', { exact: true }).fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await visible(page.getByRole('alert').filter({ hasText: 'E-mail or password is not right' }))
    expect(page.url()).toContain('/login')
    await page.context().close()
  })

  it('shows who is signed in, and signs out', async () => {
    const page = await e2e.signIn('fpm@trellis.example')
    const menu = page.getByTestId('user-menu')
    await visible(menu.getByText('Farah Manager'))
    await visible(menu.getByText('Partner manager'))
    await menu.click()
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await page.waitForURL('**/login')
    await page.goto('/partners')
    await page.waitForURL('**/login?next=*')
    await page.context().close()
  })
})
