import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  actionIdParam,
  actionItem,
  actionList,
  actionListQuery,
  createActionBody,
  patchActionBody,
} from '#shared/contracts/meetings'
import { actionsService } from './service'

export const actionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = actionsService(app.ctx.database)
  const tags = ['action items']

  app.get(
    '/action-items',
    {
      schema: {
        tags,
        summary: 'Action items you can see (filters: partner, owner=me, status, overdue, meeting)',
        querystring: actionListQuery,
        response: { 200: actionList },
      },
    },
    async (req) => service.list(req.actor(), req.query),
  )
  app.post(
    '/action-items',
    {
      schema: { tags, summary: 'Add an action item', body: createActionBody, response: { 201: actionItem } },
    },
    async (req, reply) => reply.status(201).send(await service.create(req.actor(), req.body)),
  )
  app.patch(
    '/action-items/:id',
    {
      schema: {
        tags,
        summary: 'Change an action item (done or cancelled closes it)',
        params: actionIdParam,
        body: patchActionBody,
        response: { 200: actionItem },
      },
    },
    async (req) => service.patch(req.actor(), req.params.id, req.body),
  )
}
