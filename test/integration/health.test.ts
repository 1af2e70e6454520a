import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '#test/helpers/app'
import { testDbKind } from '#test/helpers/db'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('health and API docs', () => {
  it('reports the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'ok', database: testDbKind })
  })

  it('serves OpenAPI 3.1 with every API route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.openapi).toBe('3.1.0')
    for (const path of ['/api/partners', '/api/partners/{id}', '/api/auth/login', '/api/health']) {
      expect(Object.keys(doc.paths)).toContain(path)
    }
  })

  it('answers unknown API routes with the error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' })
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('NOT_FOUND')
  })

  it('first start without users: setup creates the first admin and signs them in', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: true })
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { email: 'First@Example.com', displayName: 'First', password: 'long-enough-pass' },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().user).toMatchObject({ email: 'first@example.com', role: 'admin' })
    expect((await t.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: false })
  })
})
