import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccessTestApp } from '#test/helpers/app'

let t: Awaited<ReturnType<typeof createAccessTestApp>>
let admin: string
beforeAll(async () => {
  t = await createAccessTestApp()
  admin = await t.cookieFor('admin@test.example')
})
afterAll(() => t.close())

const send = (method: 'POST' | 'PATCH', url: string, payload: object, cookie = admin) =>
  t.app.inject({ method, url, payload, headers: { cookie } })

describe('users (admin)', () => {
  it('creates a user who can then sign in; e-mails are unique and case-insensitive', async () => {
    const res = await send('POST', '/api/users', {
      email: 'New.FPM@Test.example',
      displayName: 'New FPM',
      role: 'fpm',
      regionId: t.fx.regionA.id,
      password: 'long-enough-pass',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      email: 'new.fpm@test.example',
      role: 'fpm',
      regionName: 'Region A',
      active: true,
    })
    expect(await t.cookieFor('new.fpm@test.example', 'long-enough-pass')).toMatch(/^trellis_session=/)
    const dup = await send('POST', '/api/users', {
      email: 'NEW.fpm@test.example',
      displayName: 'Again',
      role: 'fpm',
      password: 'long-enough-pass',
    })
    expect(dup.statusCode).toBe(409)
    expect(dup.json().error.issues[0].path).toEqual(['email'])
  })

  it('validates password length, role and region', async () => {
    const res = await send('POST', '/api/users', {
      email: 'x@test.example',
      displayName: 'X',
      role: 'boss',
      password: 'short',
    })
    expect(res.statusCode).toBe(400)
    expect(
      res
        .json()
        .error.issues.map((i: { path: string[] }) => i.path[0])
        .sort(),
    ).toEqual(['password', 'role'])
    const region = await send('POST', '/api/users', {
      email: 'y@test.example',
      displayName: 'Y',
      role: 'lead',
      regionId: 999,
      password: 'long-enough-pass',
    })
    expect(region.statusCode).toBe(400)
    expect(region.json().error.issues[0].path).toEqual(['regionId'])
  })

  it('deactivating a user ends their access', async () => {
    const cookie = await t.cookieFor('viewerb@test.example')
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      200,
    )
    await send('PATCH', `/api/users/${t.fx.users.viewerB.id}`, { active: false })
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      401,
    )
  })

  it('an admin cannot remove their own admin access', async () => {
    const res = await send('PATCH', `/api/users/${t.fx.users.admin.id}`, { role: 'viewer' })
    expect(res.statusCode).toBe(409)
  })
})
