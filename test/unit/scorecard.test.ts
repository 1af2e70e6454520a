import { describe, expect, it } from 'vitest'
import { scorecardMetricDefinitions } from '#shared/domain/metrics'
import {
  metricDefinitions,
  scorecardFactors,
  scorecardMetrics,
  shareOf,
  statusOf,
  sumTotals,
  trendPeriods,
} from '#shared/domain/scorecard'

describe('scorecard math', () => {
  it('adds totals before dividing, never averaging percentages', () => {
    // 1 of 2 and 9 of 10: 10 of 12 (83 %), not the mean of 50 % and 90 % (70 %).
    const t = sumTotals([
      { numerator: 1, denominator: 2 },
      { numerator: 9, denominator: 10 },
    ])
    expect(t).toEqual({ numerator: 10, denominator: 12 })
    expect(shareOf(t)).toBeCloseTo(10 / 12)
    expect(shareOf({ numerator: 0, denominator: 0 })).toBeNull()
  })

  it('rates a value against its target, and says when there is nothing to rate', () => {
    expect(statusOf(0.8, 0.8, true)).toBe('on_target')
    expect(statusOf(0.79, 0.8, true)).toBe('below_target')
    expect(statusOf(null, 0.8, true)).toBe('no_data')
    expect(statusOf(0.9, 0.8, false)).toBe('not_tracked')
  })

  it('lists the trend periods of the same kind, across year ends', () => {
    expect(trendPeriods('2026-Q1', 4)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1'])
    expect(trendPeriods('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02'])
    expect(trendPeriods('nonsense', 3)).toEqual([])
  })

  it('defines every metric once, under one of the four success factors', () => {
    expect(metricDefinitions.map((d) => d.code).sort()).toEqual([...scorecardMetrics].sort())
    for (const f of scorecardFactors) expect(metricDefinitions.some((d) => d.factor === f)).toBe(true)
    for (const d of metricDefinitions) expect(scorecardMetricDefinitions[d.code]).toBeTruthy()
  })
})
