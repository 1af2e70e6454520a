import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { drilldownQuery, scorecard, scorecardDrilldown, scorecardQuery } from '#shared/contracts/scorecard'
import { scorecardService } from './service'

export const scorecardRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = scorecardService(app.ctx.database)
  const tags = ['scorecard']

  app.get(
    '/scorecard',
    {
      schema: {
        tags,
        summary: 'The role scorecard: the four success factors per FPM in view and for all of them together',
        querystring: scorecardQuery,
        response: { 200: scorecard },
      },
    },
    async (req) => service.scorecard(req.actor(), req.query),
  )
  app.get(
    '/scorecard/drilldown',
    {
      schema: {
        tags,
        summary: 'The partners behind one scorecard metric, worst first, each with where to fix it',
        querystring: drilldownQuery,
        response: { 200: scorecardDrilldown },
      },
    },
    async (req) => service.drilldown(req.actor(), req.query),
  )
}
