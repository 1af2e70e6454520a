import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { version } from '#server/version'
import { healthResponse } from '#shared/contracts/health'

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: { tags: ['health'], summary: 'Liveness and database kind', response: { 200: healthResponse } },
    },
    async () => {
      await app.ctx.database.sql.query('select 1')
      return {
        status: 'ok' as const,
        database: app.ctx.database.kind,
        version,
        uptimeSeconds: Math.round(process.uptime()),
      }
    },
  )
}
