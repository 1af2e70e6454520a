import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { idParam } from '#shared/contracts/common'
import { createStakeholderBody, stakeholder, updateStakeholderBody } from '#shared/contracts/partners'
import { stakeholdersService } from './service'

export const stakeholdersRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = stakeholdersService(app.ctx.database)
  const tags = ['stakeholders']

  app.get(
    '/partners/:id/stakeholders',
    {
      schema: {
        tags,
        summary: "A partner's stakeholders on both sides",
        params: idParam,
        response: { 200: z.object({ items: z.array(stakeholder) }) },
      },
    },
    async (req) => ({ items: await service.list(req.actor(), req.params.id) }),
  )
  app.post(
    '/partners/:id/stakeholders',
    {
      schema: {
        tags,
        summary: 'Add a stakeholder to a partner',
        params: idParam,
        body: createStakeholderBody,
        response: { 201: stakeholder },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(req.actor(), req.params.id, req.body)),
  )
  app.patch(
    '/stakeholders/:id',
    {
      schema: {
        tags,
        summary: 'Change a stakeholder',
        params: idParam,
        body: updateStakeholderBody,
        response: { 200: stakeholder },
      },
    },
    async (req) => service.update(req.actor(), req.params.id, req.body),
  )
  app.post(
    '/stakeholders/:id/archive',
    { schema: { tags, summary: 'Archive a stakeholder', params: idParam, response: { 200: stakeholder } } },
    async (req) => service.setArchived(req.actor(), req.params.id, true),
  )
  app.post(
    '/stakeholders/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore an archived stakeholder',
        params: idParam,
        response: { 200: stakeholder },
      },
    },
    async (req) => service.setArchived(req.actor(), req.params.id, false),
  )
}
