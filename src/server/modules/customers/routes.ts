import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { idParam } from '#shared/contracts/common'
import {
  createCustomerBody,
  customerDetail,
  customerListQuery,
  customerPage,
  engagementBody,
  updateCustomerBody,
  updateEngagementBody,
} from '#shared/contracts/customers'
import { customersService } from './service'

export const customersRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = customersService(app.ctx.database)
  const tags = ['customers']

  app.get(
    '/customers',
    {
      schema: {
        tags,
        summary: 'List the customers you may see, with their latest usage',
        querystring: customerListQuery,
        response: { 200: customerPage },
      },
    },
    async (req) => service.list(req.actor(), req.query),
  )
  app.post(
    '/customers',
    {
      schema: {
        tags,
        summary: 'Create a customer',
        body: createCustomerBody,
        response: { 201: customerDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(req.actor(), req.body)),
  )
  app.get(
    '/customers/:id',
    {
      schema: {
        tags,
        summary: 'A customer with its workloads and usage history',
        params: idParam,
        response: { 200: customerDetail },
      },
    },
    async (req) => service.get(req.actor(), req.params.id),
  )
  app.patch(
    '/customers/:id',
    {
      schema: {
        tags,
        summary: 'Change a customer',
        params: idParam,
        body: updateCustomerBody,
        response: { 200: customerDetail },
      },
    },
    async (req) => service.update(req.actor(), req.params.id, req.body),
  )
  app.post(
    '/customers/:id/archive',
    { schema: { tags, summary: 'Archive a customer', params: idParam, response: { 200: customerDetail } } },
    async (req) => service.setArchived(req.actor(), req.params.id, true),
  )
  app.post(
    '/customers/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore an archived customer',
        params: idParam,
        response: { 200: customerDetail },
      },
    },
    async (req) => service.setArchived(req.actor(), req.params.id, false),
  )
  app.post(
    '/customers/:id/engagements',
    {
      schema: {
        tags,
        summary: 'Add a workload engagement to a customer',
        params: idParam,
        body: engagementBody,
        response: { 201: customerDetail },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.addEngagement(req.actor(), req.params.id, req.body)),
  )
  app.patch(
    '/engagements/:id',
    {
      schema: {
        tags,
        summary: 'Change an engagement: intent status, phase, claim, archived',
        params: idParam,
        body: updateEngagementBody,
        response: { 200: customerDetail },
      },
    },
    async (req) => service.updateEngagement(req.actor(), req.params.id, req.body),
  )
}
