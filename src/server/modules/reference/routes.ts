import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { workloadList } from '#shared/contracts/users'
import { listWorkloads } from './service'

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/workloads',
    { schema: { tags: ['reference'], summary: 'The workload catalogue', response: { 200: workloadList } } },
    async (req) => {
      req.actor()
      return { items: await listWorkloads(app.ctx.database) }
    },
  )
}
