import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  findOpportunities,
  groupFacts,
  opportunityRules,
} from '#server/modules/analytics/opportunities/engine'
import { driveUsage } from '#server/modules/analytics/opportunities/rules/drive-usage'
import { nearMilestone } from '#server/modules/analytics/opportunities/rules/near-milestone'
import { stalled } from '#server/modules/analytics/opportunities/rules/stalled'
import { successReview } from '#server/modules/analytics/opportunities/rules/success-review'
import { surveyContact } from '#server/modules/analytics/opportunities/rules/survey-contact'
import { unclaimed } from '#server/modules/analytics/opportunities/rules/unclaimed'
import type {
  EngagementFacts,
  GroupFacts,
  OpportunityRule,
  RuleContext,
} from '#server/modules/analytics/opportunities/types'
import { defaultProgramSettings } from '#shared/contracts/settings'

const p = defaultProgramSettings.program
const TODAY = '2026-11-25'

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
  phaseSince: '2026-11-01',
  licensed: 800,
  active: 80,
  peakActive: 120,
  hasSurveyContact: true,
  lastSuccessReviewOn: null,
  successShareSince: null,
  ...over,
})
const group = (over: Partial<GroupFacts> = {}): GroupFacts => ({
  anchorEngagementId: 1,
  surveyReady: [],
  intendedWorkloads: 1,
  successReachedOn: null,
  ...over,
})
const ctx = (over: Partial<RuleContext> = {}): RuleContext => ({
  params: p,
  today: TODAY,
  group: group(),
  ...over,
})
const run = (rule: OpportunityRule, f: Partial<EngagementFacts>, c: Partial<RuleContext> = {}) =>
  rule.evaluate(facts(f), ctx(c))

describe('drive usage', () => {
  it('10 % active of 800 licensed, peak 120: 680 users to win', () => {
    const o = run(driveUsage, {})!
    expect(o.value).toBe(680)
    expect(o.reason).toBe(
      'Contoso: Microsoft Teams 10.0 % active of 800 licensed, below the 20 % referral threshold; 680 users to win',
    )
    expect(o.evidence).toMatchObject({ licensed: 800, active: 80, peakActive: 120, threshold: 0.2 })
  })
  it('the example of the brief: 8.2 % of 1,200 with peak 120 → 1,080', () => {
    const o = run(driveUsage, { licensed: 1200, active: 98, peakActive: 120 })!
    expect(o.reason).toBe(
      'Contoso: Microsoft Teams 8.2 % active of 1,200 licensed, below the 20 % referral threshold; 1,080 users to win',
    )
  })
  it('needs eligibility, endorsement, intent, usage data and usage below the threshold', () => {
    expect(run(driveUsage, { seats: 149 })).toBeNull()
    expect(run(driveUsage, { seats: null })).toBeNull()
    expect(run(driveUsage, { endorsed: false })).toBeNull()
    expect(run(driveUsage, { intentStatus: 'no_intent' })).toBeNull()
    expect(run(driveUsage, { active: 160 })).toBeNull() // exactly 20 %
    expect(run(driveUsage, { licensed: null })).toBeNull()
    expect(run(driveUsage, { licensed: 0 })).toBeNull()
    expect(run(driveUsage, { licensed: 100, active: 5, peakActive: 100 })).toBeNull() // peak = licensed
  })
  it('reads the threshold from the settings in force', () => {
    expect(run(driveUsage, {}, { params: { ...p, driveUsageBelow: 0.05 } })).toBeNull()
  })
})

describe('unclaimed', () => {
  it('engaged, eligible, not claimed: valued by licensed users, else seats', () => {
    const o = run(unclaimed, { claimed: false })!
    expect(o.value).toBe(800)
    expect(o.reason).toBe(
      'Contoso: Microsoft Teams (In progress) is not claimed in Partner Center (CPOR); 800 licensed users not credited',
    )
    expect(run(unclaimed, { claimed: false, licensed: null })?.value).toBe(1000)
  })
  it('not when claimed, ineligible or without intent', () => {
    expect(run(unclaimed, {})).toBeNull()
    expect(run(unclaimed, { claimed: false, seats: 100 })).toBeNull()
    expect(run(unclaimed, { claimed: false, intentStatus: 'no_intent' })).toBeNull()
  })
})

describe('stalled', () => {
  it('in Assess since 2026-08-23: 94 days ≥ 60', () => {
    const o = run(stalled, { phase: 'assess', phaseSince: '2026-08-23' })!
    expect(o.value).toBe(94)
    expect(o.reason).toBe('Contoso: Microsoft Teams has been in Assess for 94 days (stalled from 60)')
  })
  it('59 days is not stalled, 60 is', () => {
    expect(run(stalled, { phaseSince: '2026-09-27' })).toBeNull()
    expect(run(stalled, { phaseSince: '2026-09-26' })?.value).toBe(60)
  })
  it('only in progress, and not in Operation or Success', () => {
    expect(run(stalled, { phaseSince: '2025-01-01', intentStatus: 'blocked' })).toBeNull()
    expect(run(stalled, { phaseSince: '2025-01-01', phase: 'operation' })).toBeNull()
    expect(run(stalled, { phaseSince: '2025-01-01', phase: 'success' })).toBeNull()
  })
})

describe('near milestone', () => {
  it('38 % of 800 needs 16 more for 40 %; valued by licensed users', () => {
    const o = run(nearMilestone, { active: 304 })!
    expect(o.value).toBe(800)
    expect(o.evidence).toMatchObject({ milestone: 0.4, usersNeeded: 16 })
    expect(o.reason).toBe(
      'Contoso: Microsoft Teams 38.0 % active of 800 licensed; 16 more active users reach the 40 % milestone',
    )
  })
  it('13 % of 1,000 is 2 points below 15 %: 20 users', () => {
    expect(run(nearMilestone, { licensed: 1000, active: 130 })?.evidence).toMatchObject({
      milestone: 0.15,
      usersNeeded: 20,
    })
  })
  it('exactly 3 points below counts; further or past the last milestone does not', () => {
    expect(run(nearMilestone, { licensed: 1000, active: 370 })?.evidence.usersNeeded).toBe(30)
    expect(run(nearMilestone, { licensed: 1000, active: 369 })).toBeNull()
    expect(run(nearMilestone, { active: 200 })).toBeNull()
    expect(run(nearMilestone, { active: 400 })).toBeNull()
    expect(run(nearMilestone, { active: 700 })).toBeNull()
  })
})

describe('missing survey contact', () => {
  const ready = group({
    surveyReady: [
      { workloadCode: 'EXO', share: 0.315, active: 315 },
      { workloadCode: 'TEAMS', share: 0.12, active: 96 },
    ],
  })
  it('one finding per customer × partner, on the anchor, valued by active users', () => {
    const o = run(surveyContact, { hasSurveyContact: false }, { group: ready })!
    expect(o.value).toBe(411)
    expect(o.workloadCode).toBeNull()
    expect(o.reason).toBe(
      'Contoso: no survey contact, while 2 workloads (highest: Exchange Online 31.5 %) are past the 10 % survey trigger; 411 active users to hear from',
    )
    expect(run(surveyContact, { hasSurveyContact: false, engagementId: 2 }, { group: ready })).toBeNull()
  })
  it('one workload: named with its share', () => {
    const one = group({ surveyReady: [{ workloadCode: 'TEAMS', share: 0.12, active: 96 }] })
    expect(run(surveyContact, { hasSurveyContact: false }, { group: one })?.reason).toBe(
      'Contoso: no survey contact, while Microsoft Teams (12.0 %) is past the 10 % survey trigger; 96 active users to hear from',
    )
  })
  it('not with a contact, nor before any workload reaches the trigger', () => {
    expect(run(surveyContact, {}, { group: ready })).toBeNull()
    expect(run(surveyContact, { hasSurveyContact: false })).toBeNull()
  })
})

describe('success review overdue', () => {
  const reached = group({ successReachedOn: '2026-06-01', intendedWorkloads: 3 })
  it('all past 10 % since 2026-06-01, due 2026-08-30: 87 days overdue', () => {
    const o = run(successReview, {}, { group: reached })!
    expect(o.value).toBe(87)
    expect(o.reason).toBe(
      'Contoso: all 3 workloads past 10 % active since 2026-06-01; success review overdue by 87 days (due within 90), last review never',
    )
  })
  it('one workload: "its workload"', () => {
    const one = group({ successReachedOn: '2026-06-01' })
    expect(run(successReview, {}, { group: one })?.reason).toMatch(
      /^Contoso: its workload past 10 % active since/,
    )
  })
  it('not when reviewed since, not yet due, or not all workloads there', () => {
    expect(run(successReview, { lastSuccessReviewOn: '2026-07-01' }, { group: reached })).toBeNull()
    expect(run(successReview, { lastSuccessReviewOn: '2026-05-01' }, { group: reached })?.value).toBe(87)
    expect(run(successReview, {}, { group: reached, today: '2026-08-30' })).toBeNull()
    expect(run(successReview, {}, { group: group() })).toBeNull()
  })
})

describe('groups', () => {
  it('anchor = lowest intended engagement; success date = the latest workload to get there', () => {
    const g = groupFacts(
      [
        facts({ engagementId: 5, workloadCode: 'EXO', active: 400, successShareSince: '2026-03-01' }),
        facts({ engagementId: 3, intentStatus: 'no_intent', workloadCode: 'SPO' }),
        facts({ engagementId: 7, workloadCode: 'TEAMS', active: 100, successShareSince: '2026-05-01' }),
      ],
      p,
    ).get('100:10')!
    expect(g.anchorEngagementId).toBe(5)
    expect(g.intendedWorkloads).toBe(2)
    expect(g.successReachedOn).toBe('2026-05-01')
    expect(g.surveyReady.map((w) => w.workloadCode)).toEqual(['EXO', 'TEAMS'])
  })
  it('one workload below the share: no success date', () => {
    const g = groupFacts(
      [facts({ successShareSince: '2026-03-01' }), facts({ engagementId: 2, workloadCode: 'EXO' })],
      p,
    ).get('100:10')!
    expect(g.successReachedOn).toBeNull()
  })
})

describe('engine', () => {
  it('ranks within each rule by value', () => {
    const found = findOpportunities(
      [
        facts({ engagementId: 1, active: 100, peakActive: 100 }),
        facts({ engagementId: 2, active: 10, peakActive: 10 }),
      ],
      p,
      TODAY,
      [driveUsage],
    )
    expect(found.map((o) => [o.engagementId, o.value])).toEqual([
      [2, 790],
      [1, 700],
    ])
  })
})

const arbFacts = fc.record({
  engagementId: fc.nat(1000),
  partnerId: fc.nat(3),
  customerId: fc.nat(5),
  customerName: fc.string(),
  workloadCode: fc.constantFrom('EXO', 'TEAMS', 'SPO'),
  seats: fc.option(fc.nat(100_000), { nil: null }),
  endorsed: fc.boolean(),
  claimed: fc.boolean(),
  intentStatus: fc.constantFrom('unknown', 'in_progress', 'blocked', 'no_intent', 'duplicate' as const),
  phase: fc.constantFrom('initiate', 'assess', 'adoption', 'operation' as const),
  phaseSince: fc.constantFrom('2025-01-01', '2026-10-01', '2026-11-25'),
  licensed: fc.option(fc.nat(50_000), { nil: null }),
  active: fc.option(fc.nat(50_000), { nil: null }),
  peakActive: fc.option(fc.nat(50_000), { nil: null }),
  hasSurveyContact: fc.boolean(),
  lastSuccessReviewOn: fc.option(fc.constantFrom('2025-06-01', '2026-09-01'), { nil: null }),
  successShareSince: fc.option(fc.constantFrom('2025-01-01', '2026-10-01'), { nil: null }),
}) as fc.Arbitrary<EngagementFacts>

/**
 * A portfolio as the database holds it: engagement ids are unique, and so is partner × customer × workload
 * (one engagement each).
 */
const arbPortfolio = fc
  .uniqueArray(arbFacts, { selector: (f) => f.engagementId, maxLength: 25 })
  .map((fs) => {
    const seen = new Set<string>()
    return fs.filter((f) => {
      const key = `${f.partnerId}:${f.customerId}:${f.workloadCode}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
  })

describe('properties', () => {
  it('every finding has a reason and a non-negative value; each rule is sorted by value', () => {
    fc.assert(
      fc.property(arbPortfolio, (fs) => {
        const found = findOpportunities(fs, p, TODAY)
        for (const rule of opportunityRules) {
          const values = found.filter((o) => o.rule === rule.id).map((o) => o.value)
          expect(values).toEqual([...values].sort((a, b) => b - a))
        }
        for (const o of found) {
          expect(o.value).toBeGreaterThanOrEqual(0)
          expect(o.reason.length).toBeGreaterThan(0)
        }
      }),
    )
  })
  it('no rule fires on a duplicate engagement, and adding one changes nothing else', () => {
    fc.assert(
      fc.property(arbPortfolio, arbFacts, (fs, dup) => {
        const d = { ...dup, engagementId: 5000, intentStatus: 'duplicate' as const }
        const without = findOpportunities(fs, p, TODAY)
        const withDup = findOpportunities([...fs, d], p, TODAY)
        expect(withDup.some((o) => o.engagementId === 5000)).toBe(false)
        expect(withDup).toEqual(without)
      }),
    )
  })
  it('customer-level rules find at most one opportunity per customer × partner', () => {
    fc.assert(
      fc.property(arbPortfolio, (fs) => {
        const found = findOpportunities(fs, p, TODAY, [surveyContact, successReview])
        const keys = found.map((o) => `${o.rule}:${o.customerId}:${o.partnerId}`)
        expect(new Set(keys).size).toBe(keys.length)
      }),
    )
  })
})
