import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findOpportunities } from '#server/modules/analytics/opportunities/engine'
import { driveUsage } from '#server/modules/analytics/opportunities/rules/drive-usage'
import { nearMilestone } from '#server/modules/analytics/opportunities/rules/near-milestone'
import { unclaimed } from '#server/modules/analytics/opportunities/rules/unclaimed'
import {
  type EngagementFacts,
  defaultOpportunityParams as p,
} from '#server/modules/analytics/opportunities/types'

const facts = (over: Partial<EngagementFacts> = {}): EngagementFacts => ({
  engagementId: 1,
  partnerId: 10,
  customerId: 100,
  customerName: 'Contoso',
  workloadCode: 'TEAMS',
  seats: 1000,
  endorsed: true,
  claimed: true,
  intentStatus: 'in_progress',
  phase: 'enable',
  licensed: 800,
  active: 80,
  peakActive: 120,
  ...over,
})

describe('opportunity rules — hand-computed', () => {
  it('drive usage: 10 % active, value = licensed − peak active', () => {
    const o = driveUsage.evaluate(facts(), p)!
    expect(o.value).toBe(680)
    expect(o.reason).toBe('Contoso: TEAMS at 10.0 % active (below 20 %), 680 licensed users never active')
  })

  it('drive usage needs eligibility, endorsement, intent and low usage', () => {
    expect(driveUsage.evaluate(facts({ seats: 149 }), p)).toBeNull()
    expect(driveUsage.evaluate(facts({ endorsed: false }), p)).toBeNull()
    expect(driveUsage.evaluate(facts({ intentStatus: 'no_intent' }), p)).toBeNull()
    expect(driveUsage.evaluate(facts({ active: 160 }), p)).toBeNull()
    expect(driveUsage.evaluate(facts({ licensed: null }), p)).toBeNull()
  })

  it('near milestone: 38 % active needs 16 more users for 40 %', () => {
    const o = nearMilestone.evaluate(facts({ licensed: 800, active: 304 }), p)!
    expect(o.evidence).toMatchObject({ milestone: 0.4, usersNeeded: 16 })
    expect(nearMilestone.evaluate(facts({ licensed: 800, active: 200 }), p)).toBeNull()
    expect(nearMilestone.evaluate(facts({ licensed: 800, active: 400 }), p)).toBeNull()
  })

  it('unclaimed: engaged, eligible, not claimed', () => {
    expect(unclaimed.evaluate(facts({ claimed: false }), p)?.value).toBe(800)
    expect(unclaimed.evaluate(facts(), p)).toBeNull()
  })

  it('ranks within each rule by value', () => {
    const found = findOpportunities(
      [
        facts({ engagementId: 1, active: 10, peakActive: 10 }),
        facts({ engagementId: 2, active: 100, peakActive: 100 }),
      ],
      p,
      [driveUsage],
    )
    expect(found.map((o) => o.engagementId)).toEqual([1, 2])
  })
})

describe('opportunity rules — properties', () => {
  it('never throw, and every finding has a reason and a non-negative value', () => {
    const arb = fc.record({
      engagementId: fc.nat(),
      partnerId: fc.nat(),
      customerId: fc.nat(),
      customerName: fc.string(),
      workloadCode: fc.constantFrom('EXO', 'TEAMS'),
      seats: fc.option(fc.nat(100_000), { nil: null }),
      endorsed: fc.boolean(),
      claimed: fc.boolean(),
      intentStatus: fc.constantFrom('unknown', 'in_progress', 'blocked', 'no_intent', 'duplicate' as const),
      phase: fc.constantFrom('initiate', 'adoption' as const),
      licensed: fc.option(fc.nat(50_000), { nil: null }),
      active: fc.option(fc.nat(50_000), { nil: null }),
      peakActive: fc.option(fc.nat(50_000), { nil: null }),
    })
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 20 }), (fs) => {
        for (const o of findOpportunities(fs as EngagementFacts[], p)) {
          expect(o.value).toBeGreaterThanOrEqual(0)
          expect(o.reason.length).toBeGreaterThan(0)
        }
      }),
    )
  })
})
