import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  createTouchpointBody,
  touchpoint,
  touchpointListQuery,
  touchpointMonthly,
  touchpointMonthlyQuery,
  touchpointPage,
} from '#shared/contracts/touchpoints'
import { touchpointsService } from './service'

export const touchpointsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = touchpointsService(app.ctx.database)
  const tags = ['engagement log']

  app.get(
    '/touchpoints',
    {
      schema: {
        tags,
        summary: 'The engagement log of the partners you may see, newest first',
        querystring: touchpointListQuery,
        response: { 200: touchpointPage },
      },
    },
    async (req) => service.list(req.actor(), req.query),
  )
  app.post(
    '/touchpoints',
    {
      schema: {
        tags,
        summary: 'Log a call, e-mail, workshop, meeting or other touchpoint with a partner',
        body: createTouchpointBody,
        response: { 201: touchpoint },
      },
    },
    async (req, reply) => reply.code(201).send(await service.create(req.actor(), req.body)),
  )
  app.get(
    '/touchpoints/monthly',
    {
      schema: {
        tags,
        summary: 'Touchpoints per partner per month (the last 12 months by default)',
        querystring: touchpointMonthlyQuery,
        response: { 200: touchpointMonthly },
      },
    },
    async (req) => service.monthly(req.actor(), req.query),
  )
}
