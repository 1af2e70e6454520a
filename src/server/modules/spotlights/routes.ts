import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { exportSpotlights } from '#server/modules/insights/export'
import { idParam } from '#shared/contracts/common'
import {
  createSpotlightBody,
  patchSpotlightBody,
  spotlight,
  spotlightExportQuery,
  spotlightListQuery,
  spotlightPage,
} from '#shared/contracts/insights'
import { spotlightsService } from './service'

export const spotlightsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = spotlightsService(app.ctx.database)
  const tags = ['insights and spotlights']

  app.get(
    '/spotlights',
    {
      schema: {
        tags,
        summary: 'Spotlights (success stories) of the partners you may see, newest first',
        querystring: spotlightListQuery,
        response: { 200: spotlightPage },
      },
    },
    async (req) => service.list(req.actor(), req.query),
  )
  app.post(
    '/spotlights',
    {
      schema: {
        tags,
        summary: 'Write a spotlight with a partner',
        body: createSpotlightBody,
        response: { 201: spotlight },
      },
    },
    async (req, reply) => reply.code(201).send(await service.create(req.actor(), req.body)),
  )
  app.get(
    '/spotlights/export',
    {
      schema: {
        tags,
        summary: 'The spotlights register as CSV or XLSX (text cells never evaluate as formulas)',
        querystring: spotlightExportQuery,
        response: { 200: z.unknown().describe('text/csv or an XLSX workbook') },
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query
      const f = await exportSpotlights(await service.all(req.actor(), filters), format)
      return reply
        .header('content-type', f.contentType)
        .header('content-disposition', `attachment; filename="${f.fileName}"`)
        .send(f.body)
    },
  )
  app.get(
    '/spotlights/:id',
    { schema: { tags, summary: 'One spotlight', params: idParam, response: { 200: spotlight } } },
    async (req) => service.get(req.actor(), req.params.id),
  )
  app.patch(
    '/spotlights/:id',
    {
      schema: {
        tags,
        summary: 'Edit a spotlight, submit it, or (lead, admin) approve it to share or reject it',
        params: idParam,
        body: patchSpotlightBody,
        response: { 200: spotlight },
      },
    },
    async (req) => service.patch(req.actor(), req.params.id, req.body),
  )
}
