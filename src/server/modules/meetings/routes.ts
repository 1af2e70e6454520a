import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { idParam, okBody } from '#shared/contracts/common'
import {
  agendaDraft,
  calendarFeedCreated,
  calendarFeedStatus,
  calendarTokenParam,
  createSeriesBody,
  endSeriesBody,
  meetingPage,
  meetingPeople,
  meetingSeries,
  myWeek,
  myWeekQuery,
  occurrenceList,
  occurrenceParams,
  occurrencesQuery,
  patchOccurrenceBody,
  seriesIdParam,
  seriesList,
  updateSeriesBody,
} from '#shared/contracts/meetings'
import { calendarService } from './calendar'
import { meetingService } from './meeting'
import { myWeek as buildMyWeek } from './my-week'
import { meetingSeriesService } from './service'

export const meetingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const series = meetingSeriesService(app.ctx.database)
  const meetings = meetingService(app.ctx.database)
  const calendar = calendarService(app.ctx.database)
  const tags = ['meetings']
  const ics = { 200: z.unknown().describe('text/calendar') }

  app.get(
    '/partners/:id/meeting-series',
    {
      schema: {
        tags,
        summary: "A partner's meeting series (current versions)",
        params: idParam,
        response: { 200: seriesList },
      },
    },
    async (req) => series.listForPartner(req.actor(), req.params.id),
  )
  app.post(
    '/partners/:id/meeting-series',
    {
      schema: {
        tags,
        summary: 'Create a recurring meeting with a partner',
        params: idParam,
        body: createSeriesBody,
        response: { 201: meetingSeries },
      },
    },
    async (req, reply) => reply.status(201).send(await series.create(req.actor(), req.params.id, req.body)),
  )
  app.get(
    '/partners/:id/meeting-people',
    {
      schema: {
        tags,
        summary: "Who can be invited to a partner's meetings",
        params: idParam,
        response: { 200: meetingPeople },
      },
    },
    async (req) => series.people(req.actor(), req.params.id),
  )
  app.get(
    '/meeting-series/:id',
    {
      schema: { tags, summary: 'A meeting series', params: seriesIdParam, response: { 200: meetingSeries } },
    },
    async (req) => series.get(req.actor(), req.params.id),
  )
  app.patch(
    '/meeting-series/:id',
    {
      schema: {
        tags,
        summary: 'Change a series; a new rule or time starts a new version from now (the past stays)',
        params: seriesIdParam,
        body: updateSeriesBody,
        response: { 200: meetingSeries },
      },
    },
    async (req) => series.update(req.actor(), req.params.id, req.body),
  )
  app.post(
    '/meeting-series/:id/end',
    {
      schema: {
        tags,
        summary: 'End a series: no occurrence from `at` (now) on',
        params: seriesIdParam,
        body: endSeriesBody,
        response: { 200: meetingSeries },
      },
    },
    async (req) => series.end(req.actor(), req.params.id, req.body.at ? new Date(req.body.at) : undefined),
  )
  app.get(
    '/meetings',
    {
      schema: {
        tags,
        summary: 'Meeting occurrences in a window: of a partner, or of every partner you can see',
        querystring: occurrencesQuery,
        response: { 200: occurrenceList },
      },
    },
    async (req) => series.occurrences(req.actor(), req.query),
  )
  const occ = '/meeting-series/:id/occurrences/:originalStart'
  app.get(
    occ,
    {
      schema: {
        tags,
        summary: 'A meeting: the occurrence, its series, its action items and the open ones carried over',
        params: occurrenceParams,
        response: { 200: meetingPage },
      },
    },
    async (req) => meetings.page(req.actor(), req.params.id, req.params.originalStart),
  )
  app.patch(
    occ,
    {
      schema: {
        tags,
        summary: 'Move, cancel or mark a meeting held; save its agenda, minutes and decisions',
        params: occurrenceParams,
        body: patchOccurrenceBody,
        response: { 200: meetingPage },
      },
    },
    async (req) => meetings.patch(req.actor(), req.params.id, req.params.originalStart, req.body),
  )
  app.get(
    `${occ}/agenda-draft`,
    {
      schema: {
        tags,
        summary: 'A proposed agenda from live data (action items, health, opportunities, next dates)',
        params: occurrenceParams,
        response: { 200: agendaDraft },
      },
    },
    async (req) => meetings.draft(req.actor(), req.params.id, req.params.originalStart),
  )
  app.get(
    `${occ}/ics`,
    { schema: { tags, summary: 'One meeting as an .ics file', params: occurrenceParams, response: ics } },
    async (req, reply) => {
      const actor = req.actor()
      const { occurrence } = await meetings.page(actor, req.params.id, req.params.originalStart)
      const text = await calendar.meetingFile(actor, req.params.id, occurrence)
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="meeting-${req.params.id}.ics"`)
        .send(Buffer.from(text))
    },
  )
  app.get(
    '/my-week',
    {
      schema: {
        tags,
        summary: 'My meetings this week and my due and overdue action items',
        querystring: myWeekQuery,
        response: { 200: myWeek },
      },
    },
    async (req) => buildMyWeek(app.ctx.database, req.actor(), req.query),
  )
  app.get(
    '/calendar/feed',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Whether you have a calendar feed',
        response: { 200: calendarFeedStatus },
      },
    },
    async (req) => calendar.status(req.actor()),
  )
  app.post(
    '/calendar/feed',
    {
      schema: {
        tags: ['calendar'],
        summary: 'A new secret calendar feed URL (shown once); the previous one stops working',
        response: { 200: calendarFeedCreated },
      },
    },
    async (req) => {
      const created = await calendar.regenerate(req.actor())
      return { ...created, url: `${req.protocol}://${req.host}${created.path}` }
    },
  )
  app.post(
    '/calendar/feed/revoke',
    { schema: { tags: ['calendar'], summary: 'Revoke your calendar feed', response: { 200: okBody } } },
    async (req) => calendar.revoke(req.actor()),
  )
  app.get(
    '/calendar/:token',
    {
      schema: {
        tags: ['calendar'],
        summary: 'A calendar feed by its secret token (no session); unknown or revoked → 404',
        params: calendarTokenParam,
        response: ics,
      },
    },
    async (req, reply) => {
      const text = await calendar.feedForToken(req.params.token.replace(/\.ics$/, ''))
      return reply.type('text/calendar; charset=utf-8').send(Buffer.from(text))
    },
  )
}
