import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { idParam } from '#shared/contracts/common'
import {
  addPlusOneBody,
  createInsightBody,
  insightDetail,
  insightExportQuery,
  insightListQuery,
  insightPage,
  patchInsightBody,
  voiceCounts,
  voiceCountsQuery,
} from '#shared/contracts/insights'
import { addDays, today } from '#shared/domain/periods'
import { exportInsights } from './export'
import { insightsService } from './service'

export const insightsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = insightsService(app.ctx.database)
  const tags = ['insights and spotlights']

  app.get(
    '/insights',
    {
      schema: {
        tags,
        summary: 'Insights (product and process feedback) of the partners you may see, newest first',
        querystring: insightListQuery,
        response: { 200: insightPage },
      },
    },
    async (req) => service.list(req.actor(), req.query),
  )
  app.post(
    '/insights',
    {
      schema: {
        tags,
        summary: 'Raise an insight with a partner',
        body: createInsightBody,
        response: { 201: insightDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await service.create(req.actor(), req.body)),
  )
  app.get(
    '/insights/counts',
    {
      schema: {
        tags,
        summary:
          'Insights and spotlights submitted per partner, FPM and region in a period (90 days by default)',
        querystring: voiceCountsQuery,
        response: { 200: voiceCounts },
      },
    },
    async (req) => {
      const { from, to, ...filters } = req.query
      const end = to ?? addDays(today(), 1)
      return service.counts(req.actor(), filters, { from: from ?? addDays(end, -90), to: end })
    },
  )
  app.get(
    '/insights/export',
    {
      schema: {
        tags,
        summary: 'The insights register as CSV or XLSX (text cells never evaluate as formulas)',
        querystring: insightExportQuery,
        response: { 200: z.unknown().describe('text/csv or an XLSX workbook') },
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query
      const f = await exportInsights(await service.all(req.actor(), filters), format)
      return reply
        .header('content-type', f.contentType)
        .header('content-disposition', `attachment; filename="${f.fileName}"`)
        .send(f.body)
    },
  )
  app.get(
    '/insights/:id',
    {
      schema: {
        tags,
        summary: 'One insight with its +1 customers',
        params: idParam,
        response: { 200: insightDetail },
      },
    },
    async (req) => service.get(req.actor(), req.params.id),
  )
  app.patch(
    '/insights/:id',
    {
      schema: {
        tags,
        summary: 'Edit an insight or move it along its workflow',
        params: idParam,
        body: patchInsightBody,
        response: { 200: insightDetail },
      },
    },
    async (req) => service.patch(req.actor(), req.params.id, req.body),
  )
  app.post(
    '/insights/:id/plus-ones',
    {
      schema: {
        tags,
        summary: 'Add a customer’s +1 (one per customer per insight)',
        params: idParam,
        body: addPlusOneBody,
        response: { 201: insightDetail },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.addPlusOne(req.actor(), req.params.id, req.body)),
  )
}
