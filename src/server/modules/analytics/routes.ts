import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { healthQuery, subjectHealth } from '#shared/contracts/analytics'
import { idParam } from '#shared/contracts/common'
import {
  dashboard,
  dashboardQuery,
  partnerAnalytics,
  partnerAnalyticsQuery,
} from '#shared/contracts/dashboards'
import { dashboardsService } from './dashboards/service'
import { healthService } from './health/service'

export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const health = healthService(app.ctx.database)
  const dashboards = dashboardsService(app.ctx.database)
  const tags = ['analytics']

  app.get(
    '/customers/:id/health',
    {
      schema: {
        tags,
        summary: "A customer's health score explained: factors, history, the rows behind it",
        params: idParam,
        querystring: healthQuery,
        response: { 200: subjectHealth },
      },
    },
    async (req) => health.customer(req.actor(), req.params.id, req.query.period),
  )
  app.get(
    '/partners/:id/health',
    {
      schema: {
        tags,
        summary: "A partner's health score explained: factors, history, its lowest-scoring customers' rows",
        params: idParam,
        querystring: healthQuery,
        response: { 200: subjectHealth },
      },
    },
    async (req) => health.partner(req.actor(), req.params.id, req.query.period),
  )
  app.get(
    '/analytics/dashboard',
    {
      schema: {
        tags,
        summary: 'Portfolio dashboard (My portfolio, Region, any filter) within your scope',
        querystring: dashboardQuery,
        response: { 200: dashboard },
      },
    },
    async (req) => dashboards.dashboard(req.actor(), req.query),
  )
  app.get(
    '/partners/:id/analytics',
    {
      schema: {
        tags,
        summary: "A partner's usage trend, funnel and strengths and weaknesses against its region",
        params: idParam,
        querystring: partnerAnalyticsQuery,
        response: { 200: partnerAnalytics },
      },
    },
    async (req) => dashboards.partner(req.actor(), req.params.id, req.query),
  )
}
