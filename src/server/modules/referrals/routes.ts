import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { idParam } from '#shared/contracts/common'
import {
  createReferralBody,
  partnerReferralsQuery,
  patchReferralBody,
  referral,
  referralListQuery,
  referralPage,
} from '#shared/contracts/referrals'
import { referralsService } from './service'

export const referralsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = referralsService(app.ctx.database)
  const tags = ['referrals']

  app.get(
    '/referrals',
    {
      schema: {
        tags,
        summary: 'Referrals sent to the partners you may see, newest first, with the unanswered ones flagged',
        querystring: referralListQuery,
        response: { 200: referralPage },
      },
    },
    async (req) => service.list(req.actor(), req.query),
  )
  app.post(
    '/referrals',
    {
      schema: {
        tags,
        summary: 'Record a referral sent to a partner',
        body: createReferralBody,
        response: { 201: referral },
      },
    },
    async (req, reply) => reply.code(201).send(await service.create(req.actor(), req.body)),
  )
  app.get(
    '/referrals/:id',
    { schema: { tags, summary: 'One referral', params: idParam, response: { 200: referral } } },
    async (req) => service.get(req.actor(), req.params.id),
  )
  app.patch(
    '/referrals/:id',
    {
      schema: {
        tags,
        summary: 'Record the answer (accepted, declined) or the reassignment of a pending referral',
        params: idParam,
        body: patchReferralBody,
        response: { 200: referral },
      },
    },
    async (req) => service.patch(req.actor(), req.params.id, req.body),
  )
  app.get(
    '/partners/:id/referrals',
    {
      schema: {
        tags,
        summary: 'The referrals of one partner',
        params: idParam,
        querystring: partnerReferralsQuery,
        response: { 200: referralPage },
      },
    },
    async (req) => service.listOfPartner(req.actor(), req.params.id, req.query),
  )
}
