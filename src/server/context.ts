import type { Database } from '#db/client'
import type { AuthService } from '#server/modules/auth/service'
import type { Env } from './env'

/** What every module may use: built once in app.ts, read through `app.ctx`. */
export type AppContext = {
  env: Env
  database: Database
  auth: AuthService
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext
  }
}
