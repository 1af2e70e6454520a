import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { idParam } from '#shared/contracts/common'
import {
  createUserBody,
  regionList,
  updateUserBody,
  user,
  userList,
  userListQuery,
} from '#shared/contracts/users'
import { usersService } from './service'

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = usersService(app.ctx.database)

  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'List users (admin: all; lead: own region)',
        querystring: userListQuery,
        response: { 200: userList },
      },
    },
    async (req) => ({ items: await service.list(req.actor(), req.query.role) }),
  )
  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user (admin)',
        body: createUserBody,
        response: { 201: user },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(req.actor(), req.body)),
  )
  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change a user (admin)',
        params: idParam,
        body: updateUserBody,
        response: { 200: user },
      },
    },
    async (req) => service.update(req.actor(), req.params.id, req.body),
  )
  app.get(
    '/regions',
    { schema: { tags: ['reference'], summary: 'List regions', response: { 200: regionList } } },
    async (req) => {
      req.actor()
      return { items: await service.regions() }
    },
  )
}
