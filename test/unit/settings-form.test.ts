import { describe, expect, it } from 'vitest'
import { defaultProgramSettings } from '#shared/contracts/settings'
import {
  monthChoices,
  nextFiscalYearStart,
  settingsFieldOf,
  toBody,
  toFormValues,
  validateSettings,
  weightSum,
} from '../../src/web/features/settings/settingsForm'

describe('the settings form', () => {
  it('shows shares as percentages and sends them back as shares, unchanged', () => {
    const form = toFormValues(defaultProgramSettings, '2027-07-01', null)
    expect(form.program.adoptionMilestone).toBe(40)
    expect(form.program.milestones).toEqual(['10', '15', '40'])
    expect(form.health.trendFullScale).toBe(10)
    expect(form.program.nearMilestonePts).toBe(3)
    expect(toBody(form)).toEqual({ values: defaultProgramSettings })
    expect(toBody({ ...form, note: '  FY28  ' }).note).toBe('FY28')
    expect(
      toBody({ ...form, program: { ...form.program, milestones: ['12.5 %'] } }).values.program.milestones,
    ).toEqual([0.125])
  })

  it('puts every problem next to its field', () => {
    const form = toFormValues(defaultProgramSettings, '2027-07-01', null)
    form.health.weights.usage = 45
    expect(weightSum(form)).toBe(95)
    form.program.milestones = ['40', '15']
    const errors = validateSettings(form)
    expect(Object.keys(errors).sort()).toEqual(['health.weights', 'program.milestones'])
    // An empty field first (the cross-field rules run once every field has a value).
    expect(Object.keys(validateSettings({ ...form, program: { ...form.program, stalledDays: '' } }))).toEqual(
      ['program.stalledDays'],
    )
    expect(errors['health.weights']).toContain('add up to 95')
    expect(settingsFieldOf(['values', 'health', 'weights', 'usage'])).toBe('health.weights.usage')
    expect(settingsFieldOf(['values', 'program', 'milestones', 1])).toBe('program.milestones')
    expect(settingsFieldOf(['effectiveFrom'])).toBe('effectiveFrom')
    expect(settingsFieldOf(['values', 'unknown'])).toBeUndefined()
  })

  it('offers the next fiscal year start (1 July) and months around today', () => {
    expect(nextFiscalYearStart('2026-11-25')).toBe('2027-07-01')
    expect(nextFiscalYearStart('2026-06-30')).toBe('2026-07-01')
    expect(nextFiscalYearStart('2026-07-01')).toBe('2027-07-01')
    const months = monthChoices('2026-11-25', ['2019-07-01'])
    expect(months[0]).toBe('2019-07-01')
    expect(months).toContain('2024-11-01')
    expect(months.at(-1)).toBe('2028-11-01')
    expect(months.every((m) => m.endsWith('-01'))).toBe(true)
  })
})
