import type { OffboardingRuleDef } from './types'

/** At least `overdueMandatoryTasks` mandatory tasks overdue. */
export const mandatoryTasksOverdueRule: OffboardingRuleDef = {
  code: 'mandatory_tasks_overdue',
  hasData: (s) => s.overdueMandatoryTasks !== undefined,
  evaluate(s, settings) {
    const overdue = s.overdueMandatoryTasks ?? 0
    if (overdue < settings.overdueMandatoryTasks) return null
    return {
      rule: this.code,
      evidence: `${overdue} mandatory task${overdue === 1 ? '' : 's'} overdue`,
      facts: { overdue },
    }
  },
}
