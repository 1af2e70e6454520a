import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '#test/helpers/app'

/** The server serves the built web app: files as files, client routes as the app shell, API 404s as JSON. */
const built = existsSync('dist/web/index.html')
let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('web app shell', () => {
  it('has a built web app to serve (npm run build:web)', () => {
    expect(built).toBe(true)
  })

  it('answers client routes with index.html and assets with their type', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/partners/12?tab=customers' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toMatch(/text\/html/)
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1]
    expect(script).toBeDefined()
    const asset = await t.app.inject({ method: 'GET', url: script! })
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['content-type']).toMatch(/javascript/)
  })

  it('answers a missing asset and an unknown API route with 404, never the shell', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/assets/nope.js' })).statusCode).toBe(404)
    const api = await t.app.inject({ method: 'GET', url: '/api/nope' })
    expect(api.statusCode).toBe(404)
    expect(api.json().error.code).toBe('NOT_FOUND')
  })
})
