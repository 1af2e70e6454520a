import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { partners } from '#db/schema/index'
import { type Actor, assertAdmin, canWrite } from '#server/modules/access/actor'
import { guardPartnerWrite } from '#server/modules/access/guard'
import { guardPartnerField } from '#server/modules/access/partner-field'
import { type ProgramFilters, programScope } from '#server/modules/access/program-scope'
import { partnerEditable, partnerVisible } from '#server/modules/access/scope'
import { partnersRepository } from '#server/modules/partners/repository'
import { loadVersions, resolverOf } from '#server/modules/settings/service'
import {
  type CompleteTaskBody,
  type CreateTaskBody,
  type OverdueTasksQuery,
  type PartnerTasksQuery,
  type TaskDefinition,
  type TaskInstance,
  type TaskSummary,
  type TaskSummaryQuery,
  taskRuleIssues,
  type UpdateTaskBody,
} from '#shared/contracts/tasks'
import { addDays, daysBetween, today } from '#shared/domain/periods'
import type { Phase } from '#shared/domain/portfolio'
import {
  completedOnTime,
  engagementTaskApplies,
  sumTaskTotals,
  type TaskAppliesTo,
  type TaskExpectedBy,
  taskState,
} from '#shared/domain/tasks'
import { workloadCatalog } from '#shared/domain/workloads'
import { AppError } from '#shared/errors'
import { type InstanceRow, tasksRepository } from './repository'

export type TasksFilters = ProgramFilters
export type TasksPeriod = { from: string; to: string }
/** All time: every instance that applies today, whatever its expected date (the summary, the partner card). */
export const allTime: TasksPeriod = { from: '0001-01-01', to: '9999-12-31' }

type DefinitionRow = Awaited<ReturnType<ReturnType<typeof tasksRepository>['catalogue']>>[number]
const toDefinition = (r: DefinitionRow): TaskDefinition => ({
  id: r.id,
  code: r.code,
  name: r.name,
  description: r.description,
  mandatory: r.mandatory,
  appliesTo: r.appliesTo as TaskAppliesTo,
  expectedBy: r.expectedBy as TaskExpectedBy,
  phase: (r.phase as Phase | null) ?? null,
  days: r.days,
  workloads: r.workloads && r.workloads.length > 0 ? r.workloads : null,
  sortOrder: r.sortOrder,
  archived: r.archivedAt !== null,
})

const toInstance = (r: InstanceRow, day: string): TaskInstance => ({
  taskId: r.taskId,
  code: r.code,
  name: r.name,
  mandatory: r.mandatory,
  partnerId: r.partnerId,
  engagementId: r.engagementId,
  customerId: r.customerId,
  customerName: r.customerName,
  workloadCode: r.workloadCode,
  phase: r.phase,
  expectedOn: r.expectedOn,
  state: taskState(r.mandatory, r.expectedOn, r.completedOn, day),
  completion:
    r.completionId === null
      ? null
      : {
          id: r.completionId,
          completedOn: r.completedOn!,
          completedByName: r.completedByName ?? '',
          evidence: r.evidence,
          evidenceLink: r.evidenceLink,
          onTime: completedOnTime(r.expectedOn, r.completedOn),
        },
})

const isIsoDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))
const knownWorkloads = new Set<string>(workloadCatalog.map((w) => w.code))

/** Milestones and tasks (domain.md §6.5, decision 014): catalogue, instances, completions, rollups. */
export function tasksService(database: Database) {
  const repo = tasksRepository(database.db)
  const partnerRepo = partnersRepository(database.db)

  const graceDays = async (day: string) =>
    resolverOf(await loadVersions(database))(day).values.tasks.phaseGraceDays

  const scopeOf = programScope

  function checkRule(v: Parameters<typeof taskRuleIssues>[0]) {
    const issues = taskRuleIssues(v)
    const unknown = (v.workloads ?? []).filter((w) => !knownWorkloads.has(w))
    if (unknown.length)
      issues.push({ path: ['workloads'], message: `Unknown workload ${unknown.join(', ')}` })
    if (issues.length) throw new AppError('VALIDATION', issues[0]!.message, issues)
  }
  async function checkCode(code: string, exceptId?: number) {
    if (await repo.codeTaken(code, exceptId))
      throw new AppError('CONFLICT', `A task with code ${code} exists`, [
        { path: ['code'], message: 'Choose another code' },
      ])
  }
  async function taskOr404(id: number) {
    const row = await repo.findTask(id)
    if (!row) throw AppError.notFound('Task')
    return row
  }

  /**
   * Raw totals per live partner of the actor's scope for the instances expected in [from, to): the seam of
   * the scorecard and offboarding rules (docs/metrics.md "Milestones and tasks"). One SQL statement.
   */
  async function totalsByPartner(actor: Actor, filters: TasksFilters, period: TasksPeriod) {
    for (const k of ['from', 'to'] as const)
      if (!isIsoDate(period[k]))
        throw new AppError('VALIDATION', `${k} is not a date`, [{ path: [k], message: 'Use YYYY-MM-DD' }])
    if (period.from >= period.to)
      throw new AppError('VALIDATION', 'The period ends before it starts', [
        { path: ['to'], message: 'Choose a date after from' },
      ])
    const day = today()
    const last = addDays(period.to, -1)
    const ref = [last, day].sort()[0]!
    return repo.totals(scopeOf(actor, filters), period.from, period.to, ref, await graceDays(day))
  }

  return {
    totalsByPartner,

    async catalogue(_actor: Actor, includeArchived: boolean) {
      return { items: (await repo.catalogue(includeArchived)).map(toDefinition) }
    },

    async createTask(actor: Actor, body: CreateTaskBody) {
      assertAdmin(actor)
      checkRule(body)
      await checkCode(body.code)
      const row = await repo.insertTask({
        code: body.code,
        name: body.name,
        description: body.description ?? null,
        mandatory: body.mandatory,
        appliesTo: body.appliesTo,
        expectedBy: body.expectedBy,
        phase: body.expectedBy === 'phase' ? (body.phase ?? null) : null,
        days: body.expectedBy === 'days' ? (body.days ?? null) : null,
        workloads: body.workloads && body.workloads.length > 0 ? body.workloads : null,
        sortOrder: body.sortOrder ?? 0,
      })
      return toDefinition(row)
    },

    async updateTask(actor: Actor, id: number, body: UpdateTaskBody) {
      assertAdmin(actor)
      const current = toDefinition(await taskOr404(id))
      const next = { ...current, ...body }
      if (next.appliesTo !== current.appliesTo)
        throw new AppError('VALIDATION', 'A task keeps what it applies to; retire it and add a new one', [
          { path: ['appliesTo'], message: 'Cannot change once created' },
        ])
      checkRule(next)
      if (body.code && body.code !== current.code) await checkCode(body.code, id)
      const row = await repo.updateTask(id, {
        code: next.code,
        name: next.name,
        description: next.description ?? null,
        mandatory: next.mandatory,
        expectedBy: next.expectedBy,
        phase: next.expectedBy === 'phase' ? (next.phase ?? null) : null,
        days: next.expectedBy === 'days' ? (next.days ?? null) : null,
        workloads: next.workloads && next.workloads.length > 0 ? next.workloads : null,
        sortOrder: next.sortOrder,
      })
      return toDefinition(row)
    },

    /** Retire (archive) or bring back a task; completions are kept either way. */
    async setArchived(actor: Actor, id: number, archived: boolean) {
      assertAdmin(actor)
      await taskOr404(id)
      return toDefinition(await repo.updateTask(id, { archivedAt: archived ? new Date() : null }))
    },

    /** The partner page card: onboarding checklist, engagement tasks per task, a page of engagement instances. */
    async partnerTasks(actor: Actor, partnerId: number, q: PartnerTasksQuery) {
      if (!(await partnerRepo.exists(partnerVisible(actor), partnerId))) throw AppError.notFound('Partner')
      const day = today()
      const grace = await graceDays(day)
      const scope = and(partnerVisible(actor), eq(partners.id, partnerId))!
      const notDone = sql`i.completion_id is null`
      const filter = {
        open: notDone,
        overdue: sql`${notDone} and i.mandatory and i.expected_on < ${day}::date`,
        done: sql`i.completion_id is not null`,
        all: sql`true`,
      }[q.show]
      const [onboarding, page, perTask, [totals], history, canEdit] = await Promise.all([
        repo.instances(scope, grace, sql`i.applies_to = 'partner'`, sql`i.sort_order, i.code`, 1000, 0),
        repo.instances(
          scope,
          grace,
          sql`i.applies_to = 'engagement' and ${filter}`,
          sql`i.expected_on, i.customer_id, i.workload_code, i.sort_order, i.code`,
          q.pageSize,
          (q.page - 1) * q.pageSize,
        ),
        repo.perTask(partnerId, grace, day),
        repo.totals(scope, allTime.from, allTime.to, day, grace),
        repo.history(partnerId, 20),
        partnerRepo.exists(partnerEditable(actor), partnerId),
      ])
      return {
        partnerId,
        asOf: day,
        canEdit,
        onboarding: onboarding.map((r) => toInstance(r, day)),
        engagementTasks: perTask,
        totals: totals ?? sumTaskTotals([]),
        engagements: {
          items: page.map((r) => toInstance(r, day)),
          total: page[0]?.total ?? 0,
          page: q.page,
          pageSize: q.pageSize,
        },
        history: history.map((h) => ({
          ...h,
          undoneAt: h.undoneAt ? new Date(h.undoneAt).toISOString() : null,
        })),
      }
    },

    /** Record a completion (writers, on partners they may edit) with its date and evidence. */
    async complete(actor: Actor, body: CompleteTaskBody) {
      await guardPartnerField(actor, body.partnerId, (scope, id) => partnerRepo.exists(scope, id))
      const task = await repo.findTask(body.taskId)
      if (!task || task.archivedAt)
        throw new AppError('VALIDATION', 'Task not found', [
          { path: ['taskId'], message: 'Choose a task of the catalogue' },
        ])
      const day = today()
      const completedOn = body.completedOn ?? day
      if (completedOn > day)
        throw new AppError('VALIDATION', 'A task is completed once it is done', [
          { path: ['completedOn'], message: 'Choose today or an earlier date' },
        ])
      const engagementId = body.engagementId ?? null
      if (task.appliesTo === 'partner' && engagementId !== null)
        throw new AppError('VALIDATION', 'A partner task is not completed on an engagement', [
          { path: ['engagementId'], message: 'Leave it out for a partner task' },
        ])
      if (task.appliesTo === 'engagement') {
        if (engagementId === null)
          throw new AppError('VALIDATION', 'An engagement task is completed on an engagement', [
            { path: ['engagementId'], message: 'Choose the engagement' },
          ])
        const e = await repo.engagementOf(body.partnerId, engagementId)
        if (!e)
          throw new AppError('VALIDATION', 'The engagement is not an engagement of this partner', [
            { path: ['engagementId'], message: 'Choose an engagement of this partner' },
          ])
        if (!engagementTaskApplies(toDefinition(task), e))
          throw new AppError('VALIDATION', 'The task does not apply to this engagement (yet)', [
            { path: ['taskId'], message: 'Its phase or workload does not match the engagement' },
          ])
      }
      if (await repo.currentCompletion(task.id, body.partnerId, engagementId))
        throw new AppError('CONFLICT', 'The task is already complete; undo it first to record it again')
      const row = await repo.insertCompletion({
        taskId: task.id,
        partnerId: body.partnerId,
        engagementId,
        completedOn,
        completedBy: actor.id,
        evidence: body.evidence ?? null,
        evidenceLink: body.evidenceLink ?? null,
      })
      return { id: row.id, completedOn: row.completedOn }
    },

    /** Undo a completion: the row stays (history), the instance is open again. */
    async undo(actor: Actor, completionId: number) {
      const c = await repo.findCompletion(completionId)
      if (!c) throw AppError.notFound('Completion')
      await guardPartnerWrite(actor, 'Completion', (scope) => partnerRepo.exists(scope, c.partnerId))
      // Undoing twice changes nothing (the first undo is kept in the history).
      if (!c.undoneAt) await repo.undoCompletion(c.id, actor.id)
      return { ok: true as const }
    },

    /** Overdue mandatory instances of the scope's live partners, oldest expected date first. */
    async overdue(actor: Actor, q: OverdueTasksQuery) {
      const day = today()
      const grace = await graceDays(day)
      const rows = await repo.instances(
        scopeOf(actor, q),
        grace,
        sql`i.mandatory and i.completion_id is null and i.expected_on < ${day}::date
            ${q.appliesTo ? sql`and i.applies_to = ${q.appliesTo}` : sql``}`,
        sql`i.expected_on, i.partner_name, i.customer_id, i.workload_code, i.code`,
        q.pageSize,
        (q.page - 1) * q.pageSize,
      )
      return {
        items: rows.map((r) => ({
          ...toInstance(r, day),
          partnerName: r.partnerName,
          fpmName: r.fpmName,
          daysOverdue: daysBetween(r.expectedOn, day),
        })),
        total: rows[0]?.total ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      }
    },

    /** Completion to date per partner, per FPM and for the whole scope: sums of raw totals. */
    async summary(actor: Actor, q: TaskSummaryQuery): Promise<TaskSummary> {
      const [rows, names] = await Promise.all([
        totalsByPartner(actor, q, allTime),
        repo.partnerNames(scopeOf(actor, q)),
      ])
      const nameOf = new Map(names.map((n) => [n.partnerId, n]))
      const byFpm = new Map<number | null, typeof rows>()
      for (const r of rows) byFpm.set(r.fpmUserId, [...(byFpm.get(r.fpmUserId) ?? []), r])
      const strip = (r: (typeof rows)[number]) => ({
        mandatoryApplicable: r.mandatoryApplicable,
        mandatoryCompleted: r.mandatoryCompleted,
        mandatoryCompletedOnTime: r.mandatoryCompletedOnTime,
        mandatoryOverdue: r.mandatoryOverdue,
        optionalApplicable: r.optionalApplicable,
        optionalCompleted: r.optionalCompleted,
      })
      return {
        asOf: today(),
        region: { ...sumTaskTotals(rows.map(strip)), partners: rows.length },
        byFpm: [...byFpm.entries()]
          .map(([fpmUserId, list]) => ({
            ...sumTaskTotals(list.map(strip)),
            partners: list.length,
            fpmUserId,
            fpmName: nameOf.get(list[0]!.partnerId)?.fpmName ?? null,
          }))
          .sort((a, b) => (a.fpmName ?? '~').localeCompare(b.fpmName ?? '~')),
        partners: rows
          .map((r) => ({
            ...strip(r),
            partnerId: r.partnerId,
            partnerName: nameOf.get(r.partnerId)?.partnerName ?? '',
            fpmUserId: r.fpmUserId,
            fpmName: nameOf.get(r.partnerId)?.fpmName ?? null,
          }))
          .sort((a, b) => a.partnerName.localeCompare(b.partnerName)),
      }
    },

    canWrite,
  }
}
