import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { idParam } from '#shared/contracts/common'
import {
  createEscalationBody,
  escalateBody,
  escalationDetail,
  escalationListQuery,
  escalationPage,
  escalationReportQuery,
  openByAgeReport,
  saveSlaBody,
  slaSettings,
  timeToResolveReport,
  transitionBody,
  updateEscalationBody,
} from '#shared/contracts/escalations'
import { escalationReportsService } from './reports'
import { escalationsService } from './service'
import { slaService } from './sla'

export const escalationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = escalationsService(app.ctx.database)
  const sla = slaService(app.ctx.database)
  const reports = escalationReportsService(app.ctx.database)
  const tags = ['escalations']

  app.get(
    '/escalations',
    {
      schema: {
        tags,
        summary: 'Escalations of the partners you may see, most urgent first',
        querystring: escalationListQuery,
        response: { 200: escalationPage },
      },
    },
    async (req) => service.list(req.actor(), req.query),
  )
  app.post(
    '/escalations',
    {
      schema: {
        tags,
        summary: 'Raise an escalation on a partner you manage',
        body: createEscalationBody,
        response: { 201: escalationDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await service.create(req.actor(), req.body)),
  )
  app.get(
    '/escalations/sla',
    { schema: { tags, summary: 'Hours to resolve per severity', response: { 200: slaSettings } } },
    async (req) => sla.list(req.actor()),
  )
  app.put(
    '/escalations/sla',
    {
      schema: {
        tags,
        summary: 'Set the hours to resolve per severity (admin)',
        body: saveSlaBody,
        response: { 200: slaSettings },
      },
    },
    async (req) => sla.save(req.actor(), req.body),
  )
  app.get(
    '/escalations/reports/time-to-resolve',
    {
      schema: {
        tags,
        summary:
          'Count, median and p90 hours to resolve per severity, for a period (the last 90 days by default)',
        querystring: escalationReportQuery,
        response: { 200: timeToResolveReport },
      },
    },
    async (req) => reports.timeToResolve(req.actor(), req.query),
  )
  app.get(
    '/escalations/reports/open-by-age',
    {
      schema: {
        tags,
        summary: 'Open escalations by age bucket per severity',
        querystring: escalationReportQuery,
        response: { 200: openByAgeReport },
      },
    },
    async (req) => reports.openByAge(req.actor(), req.query),
  )
  app.get(
    '/escalations/:id',
    {
      schema: {
        tags,
        summary: 'One escalation with its timeline',
        params: idParam,
        response: { 200: escalationDetail },
      },
    },
    async (req) => service.get(req.actor(), req.params.id),
  )
  app.patch(
    '/escalations/:id',
    {
      schema: {
        tags,
        summary: 'Change the fields of an escalation',
        params: idParam,
        body: updateEscalationBody,
        response: { 200: escalationDetail },
      },
    },
    async (req) => service.update(req.actor(), req.params.id, req.body),
  )
  app.post(
    '/escalations/:id/transition',
    {
      schema: {
        tags,
        summary: 'Change the status; closing requires evidence (what was done) and a link',
        params: idParam,
        body: transitionBody,
        response: { 200: escalationDetail },
      },
    },
    async (req) => service.transition(req.actor(), req.params.id, req.body),
  )
  app.post(
    '/escalations/:id/escalate',
    {
      schema: {
        tags,
        summary: 'Escalate to the lead, an SME or the program team, with a note',
        params: idParam,
        body: escalateBody,
        response: { 200: escalationDetail },
      },
    },
    async (req) => service.escalate(req.actor(), req.params.id, req.body),
  )
  app.get(
    '/partners/:id/escalations/open',
    {
      schema: {
        tags,
        summary: 'Open and in-progress escalations of a partner',
        params: idParam,
        response: { 200: escalationPage.pick({ items: true }) },
      },
    },
    async (req) => ({ items: await service.openEscalationsForPartner(req.actor(), req.params.id) }),
  )
}
