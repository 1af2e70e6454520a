import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { idParam } from '#shared/contracts/common'
import {
  complianceFailures,
  complianceFailuresQuery,
  complianceOverview,
  complianceQuery,
  partnerCompliance,
} from '#shared/contracts/compliance'
import { complianceService } from './service'

export const complianceRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = complianceService(app.ctx.database)
  const tags = ['compliance']

  app.get(
    '/compliance',
    {
      schema: {
        tags,
        summary: 'Data compliance now, per partner, FPM and region, with per-check tallies',
        querystring: complianceQuery,
        response: { 200: complianceOverview },
      },
    },
    async (req) => service.overview(req.actor(), req.query),
  )
  app.get(
    '/compliance/failures',
    {
      schema: {
        tags,
        summary: 'The records failing a data compliance check, each with the page where it is fixed',
        querystring: complianceFailuresQuery,
        response: { 200: complianceFailures },
      },
    },
    async (req) => service.failures(req.actor(), req.query),
  )
  app.get(
    '/partners/:id/compliance',
    {
      schema: {
        tags,
        summary: "A partner's data compliance and what to fix",
        params: idParam,
        response: { 200: partnerCompliance },
      },
    },
    async (req) => service.partner(req.actor(), req.params.id),
  )
}
