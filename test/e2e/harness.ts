import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { type Browser, chromium, type Locator, type Page } from 'playwright-core'
import type { Database } from '#db/client'
import { buildApp } from '#server/app'
import { loadEnv } from '#server/env'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import { DEMO_PASSWORD, seedDemoIfEmpty } from '#server/seed/demo'
import { sessionCookie } from '#test/helpers/app'
import { createTestDatabase } from '#test/helpers/db'
import { seededTemplate } from '#test/helpers/seeded-template'

export const VIEWPORT = { width: 1440, height: 900 }
const webIndex = fileURLToPath(new URL('../../dist/web/index.html', import.meta.url))

export type E2E = {
  baseUrl: string
  app: FastifyInstance
  database: Database
  browser: Browser
  /** A fresh browser context (own cookies) with one page. */
  newPage(): Promise<Page>
  /** Opens the sign-in page and signs in as a demo user (who lands on the dashboard); resolves on `landing`. */
  signIn(email: string, landing?: string): Promise<Page>
  /** Signs a demo user in through the API: the Cookie header for `api` and `get`. */
  cookieFor(email: string): Promise<string>
  /** An API call as that user (`app.inject`); fails unless the status is below 300; the JSON body. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read the JSON body in their own shape
  api<T = any>(cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object): Promise<T>
  get<T>(cookie: string, url: string): Promise<T>
  close(): Promise<void>
}

/**
 * The whole product in one process: the API on a random port over an in-memory database seeded
 * with the demo region, serving the built web app (dist/web, made by `npm run test:e2e`),
 * and a headless Chromium.
 */
export async function startE2E({ seed = true }: { seed?: boolean } = {}): Promise<E2E> {
  if (!existsSync(webIndex)) throw new Error('dist/web is missing: run `npm run build:web` first')
  // The demo seeded and scored once per run (as main.ts does at start-up), copied for this file.
  const template = seed ? seededTemplate() : undefined
  const database = await createTestDatabase(template ? { template } : {})
  if (seed && !template) {
    await seedDemoIfEmpty(database)
    await analyticsRefresher(database).ensureComputed()
  }
  const app = await buildApp({ env: loadEnv({ LOG_LEVEL: 'silent' }), database, logger: false })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as { port: number }
  const baseUrl = `http://127.0.0.1:${port}`
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })

  const pageErrors: string[] = []
  async function newPage() {
    const context = await browser.newContext({ viewport: VIEWPORT, baseURL: baseUrl })
    context.setDefaultTimeout(15_000)
    const page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(e.message))
    return page
  }

  async function api<T>(cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
    const res = await app.inject({ method, url, payload, headers: { cookie } })
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`)
    return res.json() as T
  }

  return {
    baseUrl,
    app,
    database,
    browser,
    newPage,
    cookieFor: (email) => sessionCookie(app, email, DEMO_PASSWORD),
    api,
    get: (cookie, url) => api(cookie, 'GET', url),
    async signIn(email, landing = '/partners') {
      const page = await newPage()
      await page.goto('/login')
      await page.getByLabel('E-mail').fill(email)
      await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.waitForURL('**/dashboard')
      if (landing !== '/dashboard') await page.goto(landing)
      return page
    },
    async close() {
      await browser.close()
      await app.close()
      await database.close()
      if (pageErrors.length) throw new Error(`Uncaught errors in the page:\n${pageErrors.join('\n')}`)
    },
  }
}

/** Waits until the locator is visible (playwright-core has no auto-retrying expect). */
export async function visible(locator: Locator, timeout = 15_000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout })
  return locator
}

export async function hidden(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.first().waitFor({ state: 'hidden', timeout })
}

/** Rows of a table by its accessible name, once it has loaded. */
export async function tableRows(page: Page, name: string): Promise<Locator> {
  const table = page.getByRole('table', { name, exact: true })
  await visible(table.locator('tbody tr a'))
  return table.locator('tbody tr')
}

/** Saves a 1440×900 screenshot under /tmp/shots (or $SHOTS_DIR) when SHOTS=1. */
export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  if (!process.env.SHOTS) return
  await page.waitForTimeout(400)
  await page.screenshot({ path: `${process.env.SHOTS_DIR ?? '/tmp/shots'}/${name}.png`, fullPage })
}

/** Retries an assertion until it passes (lists re-render when their data arrives). */
export async function eventually(assertion: () => Promise<void>, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout
  for (;;) {
    try {
      await assertion()
      return
    } catch (error) {
      if (Date.now() > until) throw error
      await new Promise((r) => setTimeout(r, 150))
    }
  }
}
