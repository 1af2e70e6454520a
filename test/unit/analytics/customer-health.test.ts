import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aggregate, type HealthEngagement } from '#server/modules/analytics/health/aggregate'
import { scoreHealth } from '#server/modules/analytics/health/score'
import { type ProgramSettingsValues, defaultProgramSettings as params } from '#shared/contracts/settings'
import { intentStatuses, phases } from '#shared/domain/portfolio'

type HealthInput = HealthEngagement & { engagementId: number; workloadCode: string }
/** The score of a set of engagements: the aggregate (the SQL's definition) scored by the pure function. */
const customerHealth = (es: HealthInput[], referenceDate: string, s: ProgramSettingsValues) =>
  scoreHealth(aggregate(es, s.program.adoptionMilestone, referenceDate), s)

const today = '2026-11-25'
const eng = (over: Partial<HealthInput>): HealthInput => ({
  engagementId: 1,
  workloadCode: 'EXO',
  intentStatus: 'in_progress',
  phase: 'adoption',
  latest: { asOf: '2026-10-31', licensed: 400, active: 100 },
  previous: { asOf: '2026-09-30', licensed: 400, active: 80 },
  ...over,
})

describe('customer health — hand-computed', () => {
  it('one workload at 25 % active, up 5 pts, in progress, adoption phase, fresh data', () => {
    const h = customerHealth([eng({})], today, params)
    const by = Object.fromEntries(h.factors.map((f) => [f.key, f]))
    // usage: 0.25 / 0.40 = 0.625 → 31.25 points
    expect(by.usage.points).toBeCloseTo(31.25)
    // trend: 0.5 + 0.05 / 0.10 = 1 → 15
    expect(by.trend.points).toBeCloseTo(15)
    // intent: 1 in progress of 1 → 15
    expect(by.intent.points).toBeCloseTo(15)
    // freshness: 25 days old → 10
    expect(by.freshness.points).toBeCloseTo(10)
    // phase: adoption is index 5 of 0..7 → 5/7 × 10
    expect(by.phase.points).toBeCloseTo((5 / 7) * 10)
    expect(h.score).toBeCloseTo(31.25 + 15 + 15 + 10 + 50 / 7)
    expect(h.band).toBe('healthy')
  })

  it('weights usage by licences and caps each workload at the milestone', () => {
    const h = customerHealth(
      [
        eng({ engagementId: 1, latest: { asOf: '2026-10-31', licensed: 100, active: 90 }, previous: null }),
        eng({
          engagementId: 2,
          workloadCode: 'SPO',
          latest: { asOf: '2026-10-31', licensed: 300, active: 0 },
          previous: null,
        }),
      ],
      today,
      params,
    )
    // (100 × 1 + 300 × 0) / 400 = 0.25 → 12.5 points
    expect(h.factors.find((f) => f.key === 'usage')!.points).toBeCloseTo(12.5)
    expect(h.factors.find((f) => f.key === 'trend')!.value).toBe(0.5)
  })

  it('blocked and stale customers fall to at risk', () => {
    const h = customerHealth(
      [
        eng({
          intentStatus: 'blocked',
          phase: 'initiate',
          latest: { asOf: '2026-06-30', licensed: 400, active: 8 },
          previous: { asOf: '2026-05-31', licensed: 400, active: 40 },
        }),
      ],
      today,
      params,
    )
    expect(h.band).toBe('at_risk')
    expect(h.factors.find((f) => f.key === 'freshness')!.value).toBe(0)
    expect(h.factors.find((f) => f.key === 'intent')!.reason).toBe('0 of 1 workloads in progress, 1 blocked')
  })

  it('ignores duplicate engagements and scores an empty customer 0', () => {
    expect(customerHealth([eng({ intentStatus: 'duplicate' })], today, params).score).toBe(0)
    expect(customerHealth([], today, params)).toMatchObject({ score: 0, band: 'at_risk' })
  })
})

const snapshot = fc
  .record({
    asOf: fc.constantFrom('2026-06-30', '2026-09-30', '2026-10-31'),
    licensed: fc.integer({ min: 0, max: 50_000 }),
    active: fc.integer({ min: 0, max: 50_000 }),
  })
  .map((s) => ({ ...s, active: Math.min(s.active, s.licensed) }))
const input = fc.record({
  engagementId: fc.integer({ min: 1, max: 1000 }),
  workloadCode: fc.constantFrom('EXO', 'SPO', 'TEAMS'),
  intentStatus: fc.constantFrom(...intentStatuses),
  phase: fc.constantFrom(...phases),
  latest: fc.option(snapshot, { nil: null }),
  previous: fc.option(snapshot, { nil: null }),
})

describe('customer health — properties', () => {
  it('stays within 0–100 and its factors add up to the score', () => {
    fc.assert(
      fc.property(fc.array(input, { maxLength: 8 }), (es) => {
        const h = customerHealth(es, today, params)
        expect(h.score).toBeGreaterThanOrEqual(0)
        expect(h.score).toBeLessThanOrEqual(100)
        expect(h.factors.reduce((s, f) => s + f.points, 0)).toBeCloseTo(h.score, 9)
        for (const f of h.factors) expect(f.points).toBeCloseTo(f.weight * f.value, 9)
      }),
    )
  })

  it('more active users never lower the usage factor', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 10_000 }), (e, more) => {
        fc.pre(e.latest !== null && e.latest.licensed > 0)
        const before = customerHealth([e], today, params).factors.find((f) => f.key === 'usage')!.value
        const raised = {
          ...e,
          latest: { ...e.latest!, active: Math.min(e.latest!.licensed, e.latest!.active + more) },
        }
        const after = customerHealth([raised], today, params).factors.find((f) => f.key === 'usage')!.value
        expect(after).toBeGreaterThanOrEqual(before)
      }),
    )
  })

  it('with any weights that add up to 100, the points still add up to the score', () => {
    const weights = fc
      .array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 })
      .filter((xs) => xs.reduce((a, b) => a + b, 0) <= 100)
      .map(([a, b, c, d]) => ({
        usage: a!,
        trend: b!,
        intent: c!,
        freshness: d!,
        phase: 100 - a! - b! - c! - d!,
      }))
    fc.assert(
      fc.property(fc.array(input, { maxLength: 6 }), weights, (es, w) => {
        const s = { ...params, health: { ...params.health, weights: w } }
        const h = customerHealth(es, today, s)
        expect(h.factors.reduce((sum, f) => sum + f.points, 0)).toBeCloseTo(h.score, 9)
        expect(h.score).toBeLessThanOrEqual(100 + 1e-9)
      }),
    )
  })
})
