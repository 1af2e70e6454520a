import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { cadenceOverview, cadenceQuery, partnerCadence, partnerCadenceQuery } from '#shared/contracts/cadence'
import { idParam } from '#shared/contracts/common'
import { cadenceService } from './service'

export const cadenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = cadenceService(app.ctx.database)
  const tags = ['cadence']

  app.get(
    '/cadence',
    {
      schema: {
        tags,
        summary:
          'Cadence compliance of a month or quarter per partner, FPM and region, and partners without a rhythm',
        querystring: cadenceQuery,
        response: { 200: cadenceOverview },
      },
    },
    async (req) => service.overview(req.actor(), req.query),
  )
  app.get(
    '/partners/:id/cadence',
    {
      schema: {
        tags,
        summary: "A partner's cadence compliance and touchpoints per month, the last six months",
        params: idParam,
        querystring: partnerCadenceQuery,
        response: { 200: partnerCadence },
      },
    },
    async (req) => service.partner(req.actor(), req.params.id, req.query),
  )
}
