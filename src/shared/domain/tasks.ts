/**
 * Milestones and tasks (domain.md §6.5, decision 014): vocabularies and the pure rules — when an instance
 * is expected, its state, completion shares. The SQL of the tasks repository computes the same rules
 * set-based; these functions are their reference (unit tests) and serve the web app.
 */
import { type Phase, phases } from './portfolio'

export const TaskAppliesTo = { partner: 'partner', engagement: 'engagement' } as const
export type TaskAppliesTo = (typeof TaskAppliesTo)[keyof typeof TaskAppliesTo]
export const taskAppliesTos = Object.values(TaskAppliesTo) as [TaskAppliesTo, ...TaskAppliesTo[]]
export const taskAppliesToLabel: Record<TaskAppliesTo, string> = {
  partner: 'Partner (onboarding)',
  engagement: 'Engagement (customer × workload)',
}

export const TaskExpectedBy = { phase: 'phase', days: 'days' } as const
export type TaskExpectedBy = (typeof TaskExpectedBy)[keyof typeof TaskExpectedBy]
export const taskExpectedBys = Object.values(TaskExpectedBy) as [TaskExpectedBy, ...TaskExpectedBy[]]

/** The state of one task instance on a day: done, overdue (mandatory, past its expected date), or open. */
export const TaskState = { done: 'done', overdue: 'overdue', open: 'open' } as const
export type TaskState = (typeof TaskState)[keyof typeof TaskState]
export const taskStates = Object.values(TaskState) as [TaskState, ...TaskState[]]

/** Position of a phase in the lifecycle, 1-based (as SQL array_position). */
export const phaseRank = (phase: string): number => phases.indexOf(phase as Phase) + 1

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export type TaskRule = {
  appliesTo: TaskAppliesTo
  expectedBy: TaskExpectedBy
  phase: string | null
  days: number | null
  workloads: string[] | null
}
export type EngagementFacts = { phase: string; phaseSince: string; startedOn: string; workloadCode: string }

/**
 * Does an engagement task apply to this engagement? Its workload is one of the task's (or the task names
 * none), and a phase task applies once the engagement reached the task's phase (this phase or a later one).
 */
export function engagementTaskApplies(task: TaskRule, e: EngagementFacts): boolean {
  if (task.appliesTo !== 'engagement') return false
  if (task.workloads && task.workloads.length > 0 && !task.workloads.includes(e.workloadCode)) return false
  return task.expectedBy === 'days' || phaseRank(e.phase) >= phaseRank(task.phase ?? '')
}

/**
 * The expected date of an instance. Days tasks: start + days (the partner's onboarding start, or the
 * engagement's start). Phase tasks: the day the engagement entered its current phase (`phaseSince`) plus the
 * grace days while it is still in the task's phase; once it moved past that phase, the day it moved on
 * (the task was due at the latest when the phase ended; no earlier date is stored).
 */
export function expectedOn(
  task: TaskRule,
  start: string,
  e: EngagementFacts | null,
  graceDays: number,
): string {
  if (task.expectedBy === 'days' || !e) return addDays(start, task.days ?? 0)
  return addDays(e.phaseSince, e.phase === task.phase ? graceDays : 0)
}

/** Done when completed on or before `day`; overdue when mandatory and `day` is past the expected date. */
export function taskState(
  mandatory: boolean,
  expected: string,
  completedOn: string | null,
  day: string,
): TaskState {
  if (completedOn && completedOn <= day) return 'done'
  return mandatory && expected < day ? 'overdue' : 'open'
}

/** On time: completed on or before the expected date. */
export const completedOnTime = (expected: string, completedOn: string | null) =>
  completedOn !== null && completedOn <= expected

export type TaskTotals = {
  mandatoryApplicable: number
  mandatoryCompleted: number
  mandatoryCompletedOnTime: number
  mandatoryOverdue: number
  optionalApplicable: number
  optionalCompleted: number
}
export const emptyTaskTotals = (): TaskTotals => ({
  mandatoryApplicable: 0,
  mandatoryCompleted: 0,
  mandatoryCompletedOnTime: 0,
  mandatoryOverdue: 0,
  optionalApplicable: 0,
  optionalCompleted: 0,
})

/** Σ of totals (a rollup per FPM or region is a sum, never an average of shares). */
export function sumTaskTotals(rows: TaskTotals[]): TaskTotals {
  const t = emptyTaskTotals()
  for (const r of rows) for (const k of Object.keys(t) as (keyof TaskTotals)[]) t[k] += r[k]
  return t
}

/** completed ÷ applicable, null when nothing applies. */
export const completionShare = (completed: number, applicable: number): number | null =>
  applicable > 0 ? completed / applicable : null

/** The shares of a totals row: mandatory, all (mandatory + optional), on time (of the mandatory applicable). */
export function taskShares(t: TaskTotals) {
  return {
    mandatory: completionShare(t.mandatoryCompleted, t.mandatoryApplicable),
    all: completionShare(
      t.mandatoryCompleted + t.optionalCompleted,
      t.mandatoryApplicable + t.optionalApplicable,
    ),
    onTime: completionShare(t.mandatoryCompletedOnTime, t.mandatoryApplicable),
  }
}
