import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { idParam } from '#shared/contracts/common'
import {
  dismissBody,
  opportunity,
  opportunityHistory,
  opportunityListQuery,
  opportunityPage,
  opportunityRuleList,
  reopenBody,
  snoozeBody,
  toActionBody,
} from '#shared/contracts/opportunities'
import { opportunitiesService } from './service'

export const opportunitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = opportunitiesService(app.ctx.database)
  const tags = ['opportunities']

  app.get(
    '/opportunities',
    {
      schema: {
        tags,
        summary: 'Opportunities of the partners you may see, ranked (open ones by default)',
        querystring: opportunityListQuery,
        response: { 200: opportunityPage },
      },
    },
    async (req) => service.list(req.actor(), req.query),
  )
  app.get(
    '/opportunities/rules',
    {
      schema: {
        tags,
        summary: 'The rules that find opportunities: what each finds and the unit it ranks by',
        response: { 200: opportunityRuleList },
      },
    },
    async (req) => service.rules(req.actor()),
  )
  app.get(
    '/opportunities/:id',
    { schema: { tags, summary: 'One opportunity', params: idParam, response: { 200: opportunity } } },
    async (req) => service.get(req.actor(), req.params.id),
  )
  app.get(
    '/opportunities/:id/history',
    {
      schema: {
        tags,
        summary: 'What users did with an opportunity, newest first',
        params: idParam,
        response: { 200: opportunityHistory },
      },
    },
    async (req) => service.history(req.actor(), req.params.id),
  )
  app.post(
    '/opportunities/:id/dismiss',
    {
      schema: {
        tags,
        summary: 'Dismiss an opportunity, with a reason',
        params: idParam,
        body: dismissBody,
        response: { 200: opportunity },
      },
    },
    async (req) => service.dismiss(req.actor(), req.params.id, req.body),
  )
  app.post(
    '/opportunities/:id/action',
    {
      schema: {
        tags,
        summary: 'Turn an opportunity into an action item (owner: you, due in two weeks, unless given)',
        params: idParam,
        body: toActionBody,
        response: { 200: opportunity },
      },
    },
    async (req) => service.toAction(req.actor(), req.params.id, req.body),
  )
  app.post(
    '/opportunities/:id/snooze',
    {
      schema: {
        tags,
        summary: 'Snooze an opportunity until a date, with a reason; it reopens on that date',
        params: idParam,
        body: snoozeBody,
        response: { 200: opportunity },
      },
    },
    async (req) => service.snooze(req.actor(), req.params.id, req.body),
  )
  app.post(
    '/opportunities/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a dismissed or snoozed opportunity',
        params: idParam,
        body: reopenBody,
        response: { 200: opportunity },
      },
    },
    async (req) => service.reopen(req.actor(), req.params.id, req.body?.reason),
  )
}
