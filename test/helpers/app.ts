import type { FastifyInstance } from 'fastify'
import type { Database } from '#db/client'
import { buildApp } from '#server/app'
import { loadEnv } from '#server/env'
import { createTestDatabase } from './db'
import { seedAccessFixture, TEST_PASSWORD } from './fixtures'

export type TestApp = {
  app: FastifyInstance
  database: Database
  /** Signs in through the API and returns the Cookie header for `app.inject`. */
  cookieFor(email: string, password?: string): Promise<string>
  close(): Promise<void>
}

/** Signs in through the API and returns the Cookie header for `app.inject`. */
export async function sessionCookie(app: FastifyInstance, email: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`)
  const set = res.cookies.find((c) => c.name === 'trellis_session')
  if (!set) throw new Error('no session cookie')
  return `trellis_session=${set.value}`
}

export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase()
  const app = await buildApp({ env: loadEnv({ LOG_LEVEL: 'silent' }), database, logger: false })
  await app.ready()
  const cookies = new Map<string, string>()
  return {
    app,
    database,
    async cookieFor(email, password = TEST_PASSWORD) {
      const cached = cookies.get(email)
      if (cached) return cached
      const cookie = await sessionCookie(app, email, password)
      cookies.set(email, cookie)
      return cookie
    },
    async close() {
      await app.close()
      await database.close()
    },
  }
}

/** A test app with the access fixture loaded. */
export async function createAccessTestApp() {
  const t = await createTestApp()
  const fx = await seedAccessFixture(t.database)
  return { ...t, fx }
}
