import type { ScorecardSource } from './types'

/** mandatory_tasks (today): mandatory task instances completed ÷ applicable, from the tasks module (decision 014). */
export const tasksSource: ScorecardSource = {
  metrics: ['mandatory_tasks'],
  async collect(ctx) {
    const rows = await ctx.taskTotals()
    const period = ctx.periods.at(-1)!.key
    return rows
      .filter((r) => r.mandatoryApplicable > 0)
      .map((r) => ({
        metric: 'mandatory_tasks' as const,
        period,
        partnerId: r.partnerId,
        numerator: r.mandatoryCompleted,
        denominator: r.mandatoryApplicable,
      }))
  },
}
