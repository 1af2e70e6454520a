import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { idParam, okBody } from '#shared/contracts/common'
import {
  completeTaskBody,
  createTaskBody,
  overdueTasksPage,
  overdueTasksQuery,
  partnerTasks,
  partnerTasksQuery,
  taskCatalogue,
  taskCatalogueQuery,
  taskDefinition,
  taskSummary,
  taskSummaryQuery,
  updateTaskBody,
} from '#shared/contracts/tasks'
import { tasksService } from './service'

export const tasksRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = tasksService(app.ctx.database)
  const tags = ['milestones and tasks']

  app.get(
    '/tasks/catalogue',
    {
      schema: {
        tags,
        summary: 'The task catalogue (retired tasks with includeArchived=true)',
        querystring: taskCatalogueQuery,
        response: { 200: taskCatalogue },
      },
    },
    async (req) => service.catalogue(req.actor(), req.query.includeArchived),
  )
  app.post(
    '/tasks/catalogue',
    {
      schema: {
        tags,
        summary: 'Add a task to the catalogue (admin)',
        body: createTaskBody,
        response: { 201: taskDefinition },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createTask(req.actor(), req.body)),
  )
  app.patch(
    '/tasks/catalogue/:id',
    {
      schema: {
        tags,
        summary: 'Edit a task of the catalogue (admin)',
        params: idParam,
        body: updateTaskBody,
        response: { 200: taskDefinition },
      },
    },
    async (req) => service.updateTask(req.actor(), req.params.id, req.body),
  )
  app.post(
    '/tasks/catalogue/:id/archive',
    {
      schema: {
        tags,
        summary: 'Retire a task (admin); its completions are kept',
        params: idParam,
        response: { 200: taskDefinition },
      },
    },
    async (req) => service.setArchived(req.actor(), req.params.id, true),
  )
  app.post(
    '/tasks/catalogue/:id/restore',
    {
      schema: {
        tags,
        summary: 'Bring a retired task back (admin)',
        params: idParam,
        response: { 200: taskDefinition },
      },
    },
    async (req) => service.setArchived(req.actor(), req.params.id, false),
  )
  app.get(
    '/partners/:id/tasks',
    {
      schema: {
        tags,
        summary:
          "A partner's milestones and tasks: onboarding checklist, engagement tasks, a page of instances",
        params: idParam,
        querystring: partnerTasksQuery,
        response: { 200: partnerTasks },
      },
    },
    async (req) => service.partnerTasks(req.actor(), req.params.id, req.query),
  )
  app.post(
    '/tasks/completions',
    {
      schema: {
        tags,
        summary:
          'Complete a task instance (a partner task, or an engagement task on one engagement) with evidence',
        body: completeTaskBody,
        response: { 201: z.object({ id: z.number().int(), completedOn: z.string() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.complete(req.actor(), req.body)),
  )
  app.post(
    '/tasks/completions/:id/undo',
    {
      schema: {
        tags,
        summary: 'Undo a completion (kept in the history); the instance is open again',
        params: idParam,
        response: { 200: okBody },
      },
    },
    async (req) => service.undo(req.actor(), req.params.id),
  )
  app.get(
    '/tasks/overdue',
    {
      schema: {
        tags,
        summary: 'Overdue mandatory task instances of the partners you may see, oldest first',
        querystring: overdueTasksQuery,
        response: { 200: overdueTasksPage },
      },
    },
    async (req) => service.overdue(req.actor(), req.query),
  )
  app.get(
    '/tasks/summary',
    {
      schema: {
        tags,
        summary: 'Task completion to date per partner, per FPM and in total (sums of raw counts)',
        querystring: taskSummaryQuery,
        response: { 200: taskSummary },
      },
    },
    async (req) => service.summary(req.actor(), req.query),
  )
}
