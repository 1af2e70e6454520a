import { z } from 'zod'
import { phases } from '#shared/domain/portfolio'
import { taskAppliesTos, taskExpectedBys, taskStates } from '#shared/domain/tasks'
import { isoDate, optionalText, pageOf, pageQuery } from './common'

const id = z.coerce.number().int().positive()

/** One task of the catalogue (decision 014). */
export const taskDefinition = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  mandatory: z.boolean(),
  appliesTo: z.enum(taskAppliesTos),
  expectedBy: z.enum(taskExpectedBys),
  phase: z.enum(phases).nullable(),
  days: z.number().int().nullable(),
  workloads: z.array(z.string()).nullable(),
  sortOrder: z.number().int(),
  archived: z.boolean(),
})
export type TaskDefinition = z.infer<typeof taskDefinition>
export const taskCatalogue = z.object({ items: z.array(taskDefinition) })
export type TaskCatalogue = z.infer<typeof taskCatalogue>
export const taskCatalogueQuery = z.object({
  includeArchived: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
})

const taskFields = {
  code: z
    .string()
    .trim()
    .min(1, 'Give the task a code (e.g. its FTOP number)')
    .max(20, 'At most 20 characters')
    .regex(/^[A-Za-z0-9._-]+$/, 'Letters, digits, dot, dash or underscore'),
  name: z.string().trim().min(1, 'Give the task a name').max(200, 'At most 200 characters'),
  description: optionalText(2000),
  mandatory: z.boolean(),
  appliesTo: z.enum(taskAppliesTos, 'Choose partner or engagement'),
  expectedBy: z.enum(taskExpectedBys, 'Choose by phase or by days'),
  phase: z.enum(phases, 'Choose a lifecycle phase').nullish(),
  days: z.number().int().min(0, 'At least 0 days').max(3650, 'At most 3650 days').nullish(),
  workloads: z.array(z.string().trim().min(1).max(20)).max(50).nullish(),
  sortOrder: z.number().int().min(0).max(10000).optional(),
}

type Rule = {
  appliesTo?: string
  expectedBy?: string
  phase?: string | null
  days?: number | null
  workloads?: string[] | null
}
/** The combinations a task can have: partner tasks by days; a phase task names its phase; a days task its days. */
export function taskRuleIssues(v: Rule): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = []
  if (v.appliesTo === 'partner' && v.expectedBy === 'phase')
    issues.push({
      path: ['expectedBy'],
      message: 'A partner task is expected a number of days after onboarding starts',
    })
  if (v.appliesTo === 'partner' && v.workloads && v.workloads.length > 0)
    issues.push({ path: ['workloads'], message: 'Only engagement tasks can be limited to workloads' })
  if (v.expectedBy === 'phase' && !v.phase) issues.push({ path: ['phase'], message: 'Choose the phase' })
  if (v.expectedBy === 'days' && (v.days === null || v.days === undefined))
    issues.push({ path: ['days'], message: 'Give the number of days' })
  return issues
}
const refineRule = (v: Rule, ctx: z.RefinementCtx) => {
  for (const i of taskRuleIssues(v)) ctx.addIssue({ code: 'custom', path: i.path, message: i.message })
}

export const createTaskBody = z.object(taskFields).superRefine(refineRule)
export type CreateTaskBody = z.infer<typeof createTaskBody>
/** A partial edit; the combined result is checked again by the service. */
export const updateTaskBody = z.object(taskFields).partial()
export type UpdateTaskBody = z.infer<typeof updateTaskBody>

/** One task instance: a task × the partner, or a task × one engagement of the partner. */
export const taskInstance = z.object({
  taskId: z.number().int(),
  code: z.string(),
  name: z.string(),
  mandatory: z.boolean(),
  partnerId: z.number().int(),
  engagementId: z.number().int().nullable(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  workloadCode: z.string().nullable(),
  phase: z.string().nullable(),
  expectedOn: isoDate,
  state: z.enum(taskStates),
  completion: z
    .object({
      id: z.number().int(),
      completedOn: isoDate,
      completedByName: z.string(),
      evidence: z.string().nullable(),
      evidenceLink: z.string().nullable(),
      onTime: z.boolean(),
    })
    .nullable(),
})
export type TaskInstance = z.infer<typeof taskInstance>

export const taskTotals = z.object({
  mandatoryApplicable: z.number().int(),
  mandatoryCompleted: z.number().int(),
  mandatoryCompletedOnTime: z.number().int(),
  mandatoryOverdue: z.number().int(),
  optionalApplicable: z.number().int(),
  optionalCompleted: z.number().int(),
})

export const partnerTasksQuery = pageQuery.extend({
  /** Which engagement instances to list: open (not done), overdue, done, or all. */
  show: z.enum(['open', 'overdue', 'done', 'all']).default('open'),
})
export type PartnerTasksQuery = z.infer<typeof partnerTasksQuery>
export const partnerTasks = z.object({
  partnerId: z.number().int(),
  asOf: isoDate,
  canEdit: z.boolean(),
  /** The onboarding checklist: every partner task of the catalogue. */
  onboarding: z.array(taskInstance),
  /** Per engagement task: instances that apply to the partner's engagements, done and overdue. */
  engagementTasks: z.array(
    z.object({
      taskId: z.number().int(),
      code: z.string(),
      name: z.string(),
      mandatory: z.boolean(),
      applicable: z.number().int(),
      completed: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
  totals: taskTotals,
  engagements: pageOf(taskInstance),
  /** The newest completions, undone ones included (the history). */
  history: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      customerName: z.string().nullable(),
      workloadCode: z.string().nullable(),
      completedOn: isoDate,
      completedByName: z.string(),
      undoneAt: z.string().nullable(),
      undoneByName: z.string().nullable(),
    }),
  ),
})
export type PartnerTasks = z.infer<typeof partnerTasks>

export const completeTaskBody = z
  .object({
    taskId: z.number({ error: 'Choose a task' }).int().positive(),
    partnerId: z.number({ error: 'Choose a partner' }).int().positive(),
    /** Required for an engagement task, absent for a partner task. */
    engagementId: z.number().int().positive().nullish(),
    /** Today by default; never in the future. */
    completedOn: isoDate.optional(),
    evidence: optionalText(2000),
    evidenceLink: z
      .string()
      .trim()
      .max(1000)
      .transform((v) => (v === '' ? null : v))
      .pipe(z.url('Give a full link (https://…)').nullable())
      .nullish(),
  })
  .superRefine((v, ctx) => {
    if (!v.evidence && !v.evidenceLink)
      ctx.addIssue({
        code: 'custom',
        path: ['evidence'],
        message: 'Say what shows it is done, or give a link',
      })
  })
export type CompleteTaskBody = z.infer<typeof completeTaskBody>

export const overdueTasksQuery = pageQuery.extend({
  regionId: id.optional(),
  fpmUserId: id.optional(),
  partnerId: id.optional(),
  appliesTo: z.enum(taskAppliesTos).optional(),
})
export type OverdueTasksQuery = z.infer<typeof overdueTasksQuery>
export const overdueTask = taskInstance.extend({
  partnerName: z.string(),
  fpmName: z.string().nullable(),
  daysOverdue: z.number().int(),
})
export type OverdueTask = z.infer<typeof overdueTask>
export const overdueTasksPage = pageOf(overdueTask)

export const taskSummaryQuery = z.object({ regionId: id.optional(), fpmUserId: id.optional() })
export type TaskSummaryQuery = z.infer<typeof taskSummaryQuery>
const summaryRow = taskTotals.extend({ partners: z.number().int() })
export const taskSummary = z.object({
  asOf: isoDate,
  region: summaryRow,
  byFpm: z.array(
    summaryRow.extend({ fpmUserId: z.number().int().nullable(), fpmName: z.string().nullable() }),
  ),
  partners: z.array(
    taskTotals.extend({
      partnerId: z.number().int(),
      partnerName: z.string(),
      fpmUserId: z.number().int().nullable(),
      fpmName: z.string().nullable(),
    }),
  ),
})
export type TaskSummary = z.infer<typeof taskSummary>
