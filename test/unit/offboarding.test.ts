import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluateRules } from '#server/modules/offboarding/rules/index'
import type { PartnerSignals } from '#server/modules/offboarding/rules/types'
import { defaultProgramSettings } from '#shared/contracts/settings'
import {
  canTransition,
  commentRequired,
  monthsBefore,
  noUsageGrowth,
  recommendationStatuses,
} from '#shared/domain/offboarding'

const settings = defaultProgramSettings.offboarding
const month = (m: string, active: number) => ({ month: m, licensed: 1000, active })

describe('no usage growth', () => {
  it('compares the newest month with the one N months before it', () => {
    const series = [month('2026-04', 50), month('2026-07', 80), month('2026-10', 50)]
    expect(noUsageGrowth(series, 6)).toEqual({ from: series[0], to: series[2], change: 0 })
    expect(noUsageGrowth(series, 3)).toEqual({ from: series[1], to: series[2], change: -30 })
    expect(noUsageGrowth([month('2026-04', 50), month('2026-10', 51)], 6)).toBeNull()
  })

  it('does not judge a partner without a month that far back, or without usage', () => {
    expect(noUsageGrowth([month('2026-09', 10), month('2026-10', 5)], 6)).toBeNull()
    expect(noUsageGrowth([], 6)).toBeNull()
  })

  it('counts months across year ends', () => {
    expect(monthsBefore('2026-02', 3)).toBe('2025-11')
    expect(monthsBefore('2026-01', 1)).toBe('2025-12')
    expect(monthsBefore('2026-12', 12)).toBe('2025-12')
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.nat(60),
        (y, m, n) => {
          const start = `${y}-${String(m).padStart(2, '0')}`
          const back = monthsBefore(start, n)
          const [by, bm] = back.split('-').map(Number) as [number, number]
          return (y - by) * 12 + (m - bm) === n && bm >= 1 && bm <= 12
        },
      ),
    )
  })
})

describe('rules', () => {
  const base: PartnerSignals = { partnerId: 1, usage: [], noRhythm: [] }

  it('flag only with data: a module that is absent flags nobody', () => {
    expect(evaluateRules(base, settings)).toEqual([])
  })

  it('flag overdue tasks, NSAT below target and unanswered referrals from their thresholds', () => {
    const flags = evaluateRules(
      {
        ...base,
        overdueMandatoryTasks: 2,
        nsat: { value: 120, responses: 12, target: 150, lowN: false },
        unansweredReferrals: 1,
        noRhythm: ['no_sponsor'],
      },
      settings,
    )
    expect(flags.map((f) => [f.rule, f.evidence])).toEqual([
      ['mandatory_tasks_overdue', '2 mandatory tasks overdue'],
      ['nsat_below_target', 'NSAT 120 from 12 responses, below the target of 150'],
      ['no_business_rhythm', 'No sponsor identified'],
      ['unanswered_referrals', '1 referral not answered in time'],
    ])
  })

  it('never flags NSAT on too few responses, or at the target', () => {
    const nsat = (value: number, lowN: boolean) => ({
      ...base,
      nsat: { value, responses: 3, target: 150, lowN },
    })
    expect(evaluateRules(nsat(50, true), settings)).toEqual([])
    expect(evaluateRules(nsat(150, false), settings)).toEqual([])
    expect(evaluateRules({ ...base, overdueMandatoryTasks: 0 }, settings)).toEqual([])
  })
})

describe('workflow', () => {
  it('goes proposed → reviewed → accepted or rejected, and back only by a reversal or a new proposal', () => {
    expect(canTransition('proposed', 'reviewed')).toBe('lead')
    expect(canTransition('proposed', 'accepted')).toBeNull()
    expect(canTransition('reviewed', 'accepted')).toBe('lead')
    expect(canTransition('accepted', 'reversed')).toBe('lead')
    expect(canTransition('rejected', 'proposed')).toBe('writer')
    expect(canTransition('accepted', 'proposed')).toBeNull()
    for (const s of recommendationStatuses) expect(canTransition(s, s)).toBeNull()
    expect(['accepted', 'rejected', 'reversed'].every((s) => commentRequired(s as never))).toBe(true)
    expect(commentRequired('reviewed')).toBe(false)
  })
})
