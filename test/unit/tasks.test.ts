import { describe, expect, it } from 'vitest'
import {
  completedOnTime,
  completionShare,
  engagementTaskApplies,
  expectedOn,
  sumTaskTotals,
  type TaskRule,
  taskShares,
  taskState,
} from '#shared/domain/tasks'

const phaseTask = (phase: string, workloads: string[] | null = null): TaskRule => ({
  appliesTo: 'engagement',
  expectedBy: 'phase',
  phase,
  days: null,
  workloads,
})
const daysTask: TaskRule = {
  appliesTo: 'engagement',
  expectedBy: 'days',
  phase: null,
  days: 14,
  workloads: null,
}
const eng = (phase: string, workloadCode = 'EXO') => ({
  phase,
  phaseSince: '2026-03-10',
  startedOn: '2026-01-01',
  workloadCode,
})

describe('task rules', () => {
  it('a phase task applies once the engagement reached its phase, for its workloads only', () => {
    expect(engagementTaskApplies(phaseTask('assess'), eng('initiate'))).toBe(false)
    expect(engagementTaskApplies(phaseTask('assess'), eng('assess'))).toBe(true)
    expect(engagementTaskApplies(phaseTask('assess'), eng('success'))).toBe(true)
    expect(engagementTaskApplies(phaseTask('migrate', ['EXO', 'SPO']), eng('adoption', 'TEAMS'))).toBe(false)
    expect(engagementTaskApplies(phaseTask('migrate', ['EXO', 'SPO']), eng('adoption', 'SPO'))).toBe(true)
    expect(engagementTaskApplies(daysTask, eng('initiate'))).toBe(true)
  })

  it('expected: start + days; phase since + grace in the phase, phase since once past it', () => {
    expect(expectedOn(daysTask, '2026-01-01', eng('initiate'), 30)).toBe('2026-01-15')
    expect(expectedOn(phaseTask('assess'), '2026-01-01', eng('assess'), 30)).toBe('2026-04-09')
    expect(expectedOn(phaseTask('assess'), '2026-01-01', eng('enable'), 30)).toBe('2026-03-10')
    const partnerTask: TaskRule = { ...daysTask, appliesTo: 'partner', days: 30 }
    expect(expectedOn(partnerTask, '2026-01-31', null, 30)).toBe('2026-03-02')
  })

  it('state on a day: done when completed by then, overdue only when mandatory and past the date', () => {
    expect(taskState(true, '2026-03-10', '2026-03-12', '2026-03-20')).toBe('done')
    expect(taskState(true, '2026-03-10', '2026-03-25', '2026-03-20')).toBe('overdue')
    expect(taskState(true, '2026-03-10', null, '2026-03-10')).toBe('open')
    expect(taskState(true, '2026-03-10', null, '2026-03-11')).toBe('overdue')
    expect(taskState(false, '2026-03-10', null, '2026-04-11')).toBe('open')
    expect(completedOnTime('2026-03-10', '2026-03-10')).toBe(true)
    expect(completedOnTime('2026-03-10', '2026-03-11')).toBe(false)
    expect(completedOnTime('2026-03-10', null)).toBe(false)
  })

  it('rolls up sums, never an average of shares', () => {
    const a = {
      mandatoryApplicable: 10,
      mandatoryCompleted: 9,
      mandatoryCompletedOnTime: 8,
      mandatoryOverdue: 1,
      optionalApplicable: 0,
      optionalCompleted: 0,
    }
    const b = {
      mandatoryApplicable: 90,
      mandatoryCompleted: 9,
      mandatoryCompletedOnTime: 3,
      mandatoryOverdue: 40,
      optionalApplicable: 10,
      optionalCompleted: 2,
    }
    const sum = sumTaskTotals([a, b])
    expect(sum).toEqual({
      mandatoryApplicable: 100,
      mandatoryCompleted: 18,
      mandatoryCompletedOnTime: 11,
      mandatoryOverdue: 41,
      optionalApplicable: 10,
      optionalCompleted: 2,
    })
    // 18 / 100 = 18 %, not the mean of 90 % and 10 % (50 %).
    expect(taskShares(sum)).toEqual({ mandatory: 0.18, all: 20 / 110, onTime: 0.11 })
    expect(completionShare(0, 0)).toBeNull()
  })
})
