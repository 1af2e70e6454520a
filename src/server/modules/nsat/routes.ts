import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { readUpload } from '#server/modules/imports/routes'
import { removeUpload } from '#server/modules/imports/uploads'
import { idParam } from '#shared/contracts/common'
import {
  nsatImportQuery,
  nsatImportResult,
  nsatOverview,
  nsatQuery,
  nsatResponse,
  nsatResponseListQuery,
  nsatResponsePage,
  partnerNsat,
  partnerNsatQuery,
  recordNsatBody,
} from '#shared/contracts/nsat'
import { nsatService } from './service'

export const nsatRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = nsatService(app.ctx.database)
  const tags = ['nsat']

  app.get(
    '/nsat',
    {
      schema: {
        tags,
        summary:
          'NSAT of a month, quarter or fiscal year per partner, FPM and region, with a quarterly trend',
        querystring: nsatQuery,
        response: { 200: nsatOverview },
      },
    },
    async (req) => service.overview(req.actor(), req.query),
  )
  app.get(
    '/partners/:id/nsat',
    {
      schema: {
        tags,
        summary: "A partner's NSAT (partner and customer surveys) over the last 12 months, and its trend",
        params: idParam,
        querystring: partnerNsatQuery,
        response: { 200: partnerNsat },
      },
    },
    async (req) => service.partner(req.actor(), req.params.id, req.query),
  )
  app.post(
    '/partners/:id/nsat/responses',
    {
      schema: {
        tags,
        summary: 'Record one survey response about a partner',
        params: idParam,
        body: recordNsatBody,
        response: { 201: nsatResponse },
      },
    },
    async (req, reply) => reply.code(201).send(await service.record(req.actor(), req.params.id, req.body)),
  )
  app.get(
    '/nsat/responses',
    {
      schema: {
        tags,
        summary: 'Survey responses of the partners you may see, newest first',
        querystring: nsatResponseListQuery,
        response: { 200: nsatResponsePage },
      },
    },
    async (req) => service.list(req.actor(), req.query),
  )
  app.post(
    '/nsat/import',
    {
      schema: {
        tags,
        summary: 'Import survey responses from a CSV or XLSX file (all rows or none)',
        description:
          'multipart/form-data with a part `file`. Columns by name (docs/imports.md). `?dryRun=true` checks and counts without writing. A response already stored (same respondent, partner, customer, date and source) is updated, never duplicated.',
        consumes: ['multipart/form-data'],
        querystring: nsatImportQuery,
        response: { 200: nsatImportResult },
      },
    },
    async (req) => {
      const actor = req.actor()
      const { file } = await readUpload(req)
      try {
        return await service.importFile(actor, file, { dryRun: req.query.dryRun === 'true' })
      } finally {
        await removeUpload(file.path)
      }
    },
  )
}
