import { PassThrough } from 'node:stream'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { reportQuery } from '#shared/contracts/reports'
import { portfolioFileName, reportsService } from './service'
import { writePortfolioWorkbook } from './workbook'

export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = reportsService(app.ctx.database)

  app.get(
    '/reports/portfolio.xlsx',
    {
      schema: {
        tags: ['reports'],
        summary: 'Portfolio health review as an Excel workbook, for the partners you can see',
        querystring: reportQuery,
        response: {
          200: z.unknown().describe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
        },
      },
    },
    async (req, reply) => {
      const actor = req.actor()
      // The data is gathered first, so that an error (e.g. a filter outside the scope) is a normal error
      // response; the workbook is then streamed.
      const report = await service.portfolioReport(actor, req.query)
      const out = new PassThrough()
      void writePortfolioWorkbook(report, out).catch((err) => out.destroy(err))
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${portfolioFileName(report.period)}"`)
        .send(out)
    },
  )
}
