import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { clearSessionCookie, setSessionCookie } from '#server/plugins/auth'
import { loginBody, meResponse, setupBody, setupStatus } from '#shared/contracts/auth'
import { okBody } from '#shared/contracts/common'
import { AppError } from '#shared/errors'
import { SESSION_COOKIE } from './service'

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { auth, env } = app.ctx

  app.post(
    '/auth/login',
    { schema: { tags: ['auth'], summary: 'Sign in', body: loginBody, response: { 200: meResponse } } },
    async (req, reply) => {
      const session = await auth.login(req.body)
      setSessionCookie(reply, session.token, session.expiresAt, env.COOKIE_SECURE)
      const user = await auth.userForToken(session.token)
      return { user: user! }
    },
  )
  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out', response: { 200: okBody } } },
    async (req, reply) => {
      await auth.logout(req.cookies[SESSION_COOKIE])
      clearSessionCookie(reply)
      return { ok: true as const }
    },
  )
  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: meResponse } } },
    async (req) => {
      if (!req.user) throw new AppError('UNAUTHENTICATED', 'Sign in first')
      return { user: req.user }
    },
  )
  app.get(
    '/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Whether the first admin still has to be created',
        response: { 200: setupStatus },
      },
    },
    async () => ({ needed: await auth.setupNeeded() }),
  )
  app.post(
    '/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create the first admin (only while there are no users)',
        body: setupBody,
        response: { 200: meResponse },
      },
    },
    async (req, reply) => {
      const session = await auth.setup(req.body)
      setSessionCookie(reply, session.token, session.expiresAt, env.COOKIE_SECURE)
      return { user: (await auth.userForToken(session.token))! }
    },
  )
}
