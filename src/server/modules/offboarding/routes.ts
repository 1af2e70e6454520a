import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { idParam } from '#shared/contracts/common'
import {
  offboardingOverview,
  offboardingQuery,
  partnerOffboarding,
  proposeBody,
  recommendationTransitionBody,
} from '#shared/contracts/offboarding'
import { offboardingService } from './service'

export const offboardingRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = offboardingService(app.ctx.database)
  const tags = ['offboarding']

  app.get(
    '/offboarding',
    {
      schema: {
        tags,
        summary:
          'Partners flagged as not progressing, with evidence, and offboarding recommendations in progress',
        querystring: offboardingQuery,
        response: { 200: offboardingOverview },
      },
    },
    async (req) => service.overview(req.actor(), req.query),
  )
  app.get(
    '/partners/:id/offboarding',
    {
      schema: {
        tags,
        summary: "A partner's offboarding flags now and its recommendations with every step",
        params: idParam,
        response: { 200: partnerOffboarding },
      },
    },
    async (req) => service.partner(req.actor(), req.params.id),
  )
  app.post(
    '/partners/:id/offboarding',
    {
      schema: {
        tags,
        summary: 'Recommend offboarding a partner you manage (the current flags are kept with it)',
        params: idParam,
        body: proposeBody,
        response: { 201: partnerOffboarding },
      },
    },
    async (req, reply) => reply.code(201).send(await service.propose(req.actor(), req.params.id, req.body)),
  )
  app.post(
    '/offboarding/:id/transition',
    {
      schema: {
        tags,
        summary: 'Review, accept, reject, reverse or re-propose a recommendation (leads and admins review)',
        params: idParam,
        body: recommendationTransitionBody,
        response: { 200: partnerOffboarding },
      },
    },
    async (req) => service.transition(req.actor(), req.params.id, req.body),
  )
}
