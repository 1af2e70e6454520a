import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { idParam } from '#shared/contracts/common'
import { mbrMime, mbrQuery } from '#shared/contracts/mbr'
import { mbrService } from './service'

export const mbrRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = mbrService(app.ctx.database)

  app.get(
    '/partners/:id/mbr',
    {
      schema: {
        tags: ['reports'],
        summary:
          'MBR pack of a partner and month: the PowerPoint deck (format=pptx) or its Excel appendix (format=xlsx)',
        params: idParam,
        querystring: mbrQuery,
        response: {
          200: z.unknown().describe(`${mbrMime.pptx} or ${mbrMime.xlsx}`),
        },
      },
    },
    async (req, reply) => {
      const { month, format } = req.query
      const file = await service.file(req.actor(), req.params.id, month, format)
      return reply
        .header('content-type', mbrMime[format])
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body)
    },
  )
}
