import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { idParam } from '#shared/contracts/common'
import {
  createPartnerBody,
  partnerDetail,
  partnerListQuery,
  partnerPage,
  updatePartnerBody,
} from '#shared/contracts/partners'
import { partnersService } from './service'

export const partnersRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = partnersService(app.ctx.database)
  const tags = ['partners']

  app.get(
    '/partners',
    {
      schema: {
        tags,
        summary: 'List the partners you may see: search, filter, sort, page',
        querystring: partnerListQuery,
        response: { 200: partnerPage },
      },
    },
    async (req) => service.list(req.actor(), req.query),
  )
  app.post(
    '/partners',
    {
      schema: {
        tags,
        summary: 'Create a partner',
        body: createPartnerBody,
        response: { 201: partnerDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(req.actor(), req.body)),
  )
  app.get(
    '/partners/:id',
    {
      schema: {
        tags,
        summary: 'A partner with its stakeholders',
        params: idParam,
        response: { 200: partnerDetail },
      },
    },
    async (req) => service.get(req.actor(), req.params.id),
  )
  app.patch(
    '/partners/:id',
    {
      schema: {
        tags,
        summary: 'Change a partner',
        params: idParam,
        body: updatePartnerBody,
        response: { 200: partnerDetail },
      },
    },
    async (req) => service.update(req.actor(), req.params.id, req.body),
  )
  app.post(
    '/partners/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a partner (kept, hidden from lists)',
        params: idParam,
        response: { 200: partnerDetail },
      },
    },
    async (req) => service.setArchived(req.actor(), req.params.id, true),
  )
  app.post(
    '/partners/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore an archived partner',
        params: idParam,
        response: { 200: partnerDetail },
      },
    },
    async (req) => service.setArchived(req.actor(), req.params.id, false),
  )
}
