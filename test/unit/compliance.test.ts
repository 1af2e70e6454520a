import { describe, expect, it } from 'vitest'
import {
  ageInDays,
  compliancePct,
  emptyCheckTallies,
  isFresh,
  overallTally,
  sumCheckTallies,
  sumTallies,
} from '#shared/domain/compliance'

describe('data compliance math', () => {
  it('is passed ÷ applicable, and nothing when nothing applies', () => {
    expect(compliancePct({ applicable: 4, passed: 3 })).toBe(0.75)
    expect(compliancePct({ applicable: 3, passed: 0 })).toBe(0)
    expect(compliancePct({ applicable: 0, passed: 0 })).toBeNull()
    expect(() => compliancePct({ applicable: 2, passed: 3 })).toThrow(RangeError)
  })

  it('rolls up by adding passed and applicable, never by averaging percentages', () => {
    // 1 of 1 (100 %) and 1 of 9 (11 %): the mean would be 55.6 %, the rollup is 2 of 10 = 20 %.
    const sum = sumTallies([
      { applicable: 1, passed: 1 },
      { applicable: 9, passed: 1 },
    ])
    expect(sum).toEqual({ applicable: 10, passed: 2 })
    expect(compliancePct(sum)).toBe(0.2)
  })

  it('adds per check across partners, and all checks of a partner together', () => {
    const a = emptyCheckTallies()
    a.notes = { applicable: 1, passed: 1 }
    a.usage = { applicable: 5, passed: 2 }
    const b = emptyCheckTallies()
    b.notes = { applicable: 1, passed: 0 }
    b.escalations = { applicable: 2, passed: 2 }
    const both = sumCheckTallies([a, b])
    expect(both.notes).toEqual({ applicable: 2, passed: 1 })
    expect(both.usage).toEqual({ applicable: 5, passed: 2 })
    expect(both.stakeholders).toEqual({ applicable: 0, passed: 0 })
    expect(overallTally(both)).toEqual({ applicable: 9, passed: 5 })
  })

  it('counts a record as fresh up to and including the day N days ago', () => {
    expect(isFresh('2026-11-12', '2026-11-26', 14)).toBe(true)
    expect(isFresh('2026-11-11', '2026-11-26', 14)).toBe(false)
    expect(isFresh('2026-11-12T23:59:00.000Z', '2026-11-26', 14)).toBe(true)
    expect(isFresh(null, '2026-11-26', 14)).toBe(false)
    // Across a month end.
    expect(isFresh('2026-02-28', '2026-03-31', 31)).toBe(true)
    expect(isFresh('2026-02-27', '2026-03-31', 31)).toBe(false)
  })

  it('gives ages in whole days', () => {
    expect(ageInDays('2026-11-12', '2026-11-26')).toBe(14)
    expect(ageInDays('2026-03-28T08:00:00Z', '2026-03-30')).toBe(2)
    expect(ageInDays(null, '2026-11-26')).toBeNull()
  })
})
