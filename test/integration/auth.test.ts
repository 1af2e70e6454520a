import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccessTestApp } from '#test/helpers/app'

let t: Awaited<ReturnType<typeof createAccessTestApp>>
beforeAll(async () => {
  t = await createAccessTestApp()
})
afterAll(() => t.close())

describe('auth', () => {
  it('signs in with the right password and sets an HttpOnly SameSite cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'fpma1@test.example', password: 'correct-horse-battery' },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().user).toMatchObject({
      email: 'fpma1@test.example',
      role: 'fpm',
      regionName: 'Region A',
    })
    const cookie = res.cookies.find((c) => c.name === 'trellis_session')!
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.sameSite).toBe('Lax')
    const stored = await t.database.sql.query<{ id: string }>('select id from sessions')
    expect(stored.rows.map((r) => r.id)).not.toContain(cookie.value)
  })

  it('refuses a wrong password and an unknown user alike', async () => {
    for (const payload of [
      { email: 'fpma1@test.example', password: 'wrong-password' },
      { email: 'nobody@test.example', password: 'correct-horse-battery' },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload })
      expect(res.statusCode).toBe(401)
      expect(res.json()).toEqual({
        error: { code: 'UNAUTHENTICATED', message: 'E-mail or password is not right' },
      })
    }
  })

  it('answers 401 without a session and after logout', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/partners' })).statusCode).toBe(401)
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@test.example', password: 'correct-horse-battery' },
    })
    const cookie = `trellis_session=${login.cookies[0].value}`
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      200,
    )
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      401,
    )
  })

  it('expires sessions', async () => {
    const cookie = await t.cookieFor('viewer@test.example')
    await t.database.sql.query("update sessions set expires_at = now() - interval '1 minute'")
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })
    expect(res.statusCode).toBe(401)
  })

  it('validates the login body with field issues', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'not-an-email', password: '' },
    })
    expect(res.statusCode).toBe(400)
    const body = res.json()
    expect(body.error.code).toBe('VALIDATION')
    expect(body.error.issues.map((i: { path: string[] }) => i.path[0]).sort()).toEqual(['email', 'password'])
  })

  it('offers first-admin setup only while there are no users', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/setup' })
    expect(res.json()).toEqual({ needed: false })
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { email: 'x@test.example', displayName: 'X', password: 'long-enough-pass' },
    })
    expect(post.statusCode).toBe(409)
  })
})
