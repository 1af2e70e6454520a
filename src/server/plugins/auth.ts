import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Actor } from '#server/modules/access/actor'
import { type AuthService, SESSION_COOKIE } from '#server/modules/auth/service'
import type { SessionUser } from '#shared/contracts/auth'
import { AppError } from '#shared/errors'

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null
    /** The signed-in user; throws UNAUTHENTICATED when there is none. */
    actor(): Actor
  }
}

/** Reads the session cookie on every request and attaches the user (or null). */
export function registerAuth(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('user', null)
  app.decorateRequest('actor', function (this: FastifyRequest): Actor {
    if (!this.user) throw new AppError('UNAUTHENTICATED', 'Sign in first')
    const { id, role, regionId, email } = this.user
    return { id, role, regionId, email }
  })
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return
    request.user = await auth.userForToken(request.cookies[SESSION_COOKIE])
  })
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: expiresAt,
  })
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' })
}
