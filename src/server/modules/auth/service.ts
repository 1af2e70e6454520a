import { createHash, randomBytes } from 'node:crypto'
import type { Database } from '#db/client'
import { createUser } from '#server/modules/users/service'
import type { LoginBody, SessionUser } from '#shared/contracts/auth'
import { AppError } from '#shared/errors'
import { hashPassword, verifyPassword } from './password'
import { authRepository } from './repository'

export const SESSION_COOKIE = 'trellis_session'

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url')

// Verifying against a fixed hash when the user does not exist keeps the answer time the same.
let dummyHash: Promise<string> | undefined

export function authService(database: Database, ttlHours: number) {
  const repo = authRepository(database.db)

  async function startSession(userId: number) {
    const token = randomBytes(32).toString('base64url')
    const expiresAt = new Date(Date.now() + ttlHours * 3600_000)
    await repo.insertSession(hashToken(token), userId, expiresAt)
    return { token, expiresAt }
  }

  return {
    async login(body: LoginBody) {
      const user = await repo.findUserByEmail(body.email)
      dummyHash ??= hashPassword('not-a-real-password')
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), body.password)
      if (!user || !ok || !user.active) {
        throw new AppError('UNAUTHENTICATED', 'E-mail or password is not right')
      }
      return startSession(user.id)
    },

    async userForToken(token: string | undefined): Promise<SessionUser | null> {
      if (!token) return null
      const row = await repo.findSessionUser(hashToken(token), new Date())
      if (!row?.active) return null
      const { active: _active, ...user } = row
      return user
    },

    async logout(token: string | undefined) {
      if (token) await repo.deleteSession(hashToken(token))
    },

    async setupNeeded() {
      return (await repo.countUsers()) === 0
    },

    /** Creates the first admin; refused once any user exists. */
    async setup(body: { email: string; displayName: string; password: string }) {
      if (!(await this.setupNeeded()))
        throw new AppError('CONFLICT', 'Trellis is already set up: sign in instead')
      const user = await createUser(database, null, { ...body, role: 'admin', regionId: null })
      return startSession(user.id)
    },
  }
}
export type AuthService = ReturnType<typeof authService>
