import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import cookie from '@fastify/cookie'
import multipart from '@fastify/multipart'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance } from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type { Database } from '#db/client'
import { authService } from '#server/modules/auth/service'
import type { AppContext } from './context'
import type { Env } from './env'
import { apiModules } from './modules/index'
import { registerAuth } from './plugins/auth'
import { registerErrorHandler } from './plugins/errors'
import { version } from './version'

export type BuildOptions = { env: Env; database: Database; logger?: boolean }

const webDist = fileURLToPath(new URL('../../dist/web', import.meta.url))

/** Builds the Fastify app: external plugins → app plugins → API modules → the web app. */
export async function buildApp({ env, database, logger = true }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: env.LOG_LEVEL } : false,
    bodyLimit: 5 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  const ctx: AppContext = { env, database, auth: authService(database, env.SESSION_TTL_HOURS) }
  app.decorate('ctx', ctx)

  await app.register(cookie)
  await app.register(multipart, { limits: { fileSize: 2 * 1024 * 1024 * 1024, files: 1, fields: 10 } })
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Trellis API',
        version,
        description:
          'The partner manager cockpit. Sign in with POST /api/auth/login; the session cookie authorises every other call. Errors answer `{ "error": { "code", "message", "issues"? } }`.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'trellis_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })

  const hasWeb = existsSync(webDist)
  registerErrorHandler(app, { spaFallback: hasWeb })
  registerAuth(app, ctx.auth)

  await app.register(
    async (api) => {
      for (const mod of apiModules) await api.register(mod)
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
    },
    { prefix: '/api' },
  )

  // The built web app; files are looked up per request, so a rebuild needs no restart.
  if (hasWeb) await app.register(fastifyStatic, { root: webDist })
  return app
}
