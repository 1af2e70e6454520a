import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { healthQuery, subjectHealth } from '#shared/contracts/analytics'
import { idParam } from '#shared/contracts/common'
import { healthService } from './health/service'

export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const health = healthService(app.ctx.database)
  const tags = ['analytics']

  app.get(
    '/customers/:id/health',
    {
      schema: {
        tags,
        summary: "A customer's health score explained: factors, history, the rows behind it",
        params: idParam,
        querystring: healthQuery,
        response: { 200: subjectHealth },
      },
    },
    async (req) => health.customer(req.actor(), req.params.id, req.query.period),
  )
  app.get(
    '/partners/:id/health',
    {
      schema: {
        tags,
        summary: "A partner's health score explained: factors, history, its lowest-scoring customers' rows",
        params: idParam,
        querystring: healthQuery,
        response: { 200: subjectHealth },
      },
    },
    async (req) => health.partner(req.actor(), req.params.id, req.query.period),
  )
}
