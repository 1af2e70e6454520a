import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  effectiveFromParam,
  saveSettingsBody,
  settingsInForceQuery,
  settingsList,
  settingsVersion,
} from '#shared/contracts/settings'
import { today } from '#shared/domain/periods'
import { settingsService } from './service'

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = settingsService(app.ctx.database)
  const tags = ['settings']

  app.get(
    '/settings',
    {
      schema: {
        tags,
        summary: 'Every dated set of program parameters and score settings',
        response: { 200: settingsList },
      },
    },
    async (req) => service.list(req.actor()),
  )
  app.get(
    '/settings/in-force',
    {
      schema: {
        tags,
        summary: 'The set in force on a date (today by default)',
        querystring: settingsInForceQuery,
        response: { 200: settingsVersion },
      },
    },
    async (req) => service.inForce(req.actor(), req.query.date ?? today()),
  )
  app.put(
    '/settings/:effectiveFrom',
    {
      schema: {
        tags,
        summary: 'Save the set in force from a date (admin); recomputes the scores of the periods it governs',
        params: effectiveFromParam,
        body: saveSettingsBody,
        response: { 200: z.object({ version: settingsVersion, refreshedPeriods: z.number() }) },
      },
    },
    async (req) => service.save(req.actor(), req.params.effectiveFrom, req.body),
  )
}
