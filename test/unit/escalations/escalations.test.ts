import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openByAge, timeToResolve } from '#server/modules/escalations/reports'
import {
  ageBucketOf,
  canTransition,
  closureIssues,
  escalationStatuses,
  isHttpUrl,
  nearestRank,
  slaClock,
} from '#shared/domain/escalations'

const HOUR = 3_600_000
const t0 = new Date('2026-11-01T00:00:00Z')
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR)

describe('transition table', () => {
  it('allows exactly the workflow open → in progress → resolved → closed, closing early, and reopening', () => {
    const allowed = escalationStatuses.flatMap((from) =>
      escalationStatuses.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    )
    expect(allowed.sort()).toEqual(
      [
        'open→in_progress',
        'open→resolved',
        'open→closed',
        'in_progress→open',
        'in_progress→resolved',
        'in_progress→closed',
        'resolved→open',
        'resolved→closed',
        'closed→open',
      ].sort(),
    )
  })
  it('never allows staying in the same status', () => {
    for (const s of escalationStatuses) expect(canTransition(s, s)).toBe(false)
  })
})

describe('SLA clock (hand-computed)', () => {
  it('72 h SLA: due 3 days after raising; 36 h in is half, on track', () => {
    const c = slaClock(t0, 72, at(36))
    expect(c.dueAt.toISOString()).toBe('2026-11-04T00:00:00.000Z')
    expect(c.elapsedShare).toBe(0.5)
    expect(c.state).toBe('on_track')
  })
  it('at risk from 75 % (18 of 24 h), breached at 100 %', () => {
    expect(slaClock(t0, 24, at(17.9)).state).toBe('on_track')
    expect(slaClock(t0, 24, at(18)).state).toBe('at_risk')
    expect(slaClock(t0, 24, at(23.9)).state).toBe('at_risk')
    expect(slaClock(t0, 24, at(24)).state).toBe('breached')
  })
  it('stops at resolution: resolved after 10 of 24 h stays at 10/24 forever', () => {
    const c = slaClock(t0, 24, at(500), at(10))
    expect(c.elapsedShare).toBeCloseTo(10 / 24, 10)
    expect(c.state).toBe('on_track')
  })
})

describe('SLA clock (properties)', () => {
  const hours = fc.integer({ min: 1, max: 2000 })
  const offset = fc.double({ min: 0, max: 5000, noNaN: true })
  it('the elapsed share never decreases as time passes', () => {
    fc.assert(
      fc.property(hours, offset, offset, (h, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a]
        expect(slaClock(t0, h, at(late)).elapsedShare).toBeGreaterThanOrEqual(
          slaClock(t0, h, at(early)).elapsedShare,
        )
      }),
    )
  })
  it('the state never improves as time passes', () => {
    const rank = { on_track: 0, at_risk: 1, breached: 2 }
    fc.assert(
      fc.property(hours, offset, offset, (h, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a]
        expect(rank[slaClock(t0, h, at(late)).state]).toBeGreaterThanOrEqual(
          rank[slaClock(t0, h, at(early)).state],
        )
      }),
    )
  })
  it('after resolution the clock no longer moves', () => {
    fc.assert(
      fc.property(hours, offset, offset, offset, (h, r, a, b) => {
        const resolved = at(r)
        const now1 = at(r + a)
        const now2 = at(r + a + b)
        expect(slaClock(t0, h, now2, resolved)).toEqual(slaClock(t0, h, now1, resolved))
      }),
    )
  })
})

describe('closure evidence and links', () => {
  it('accepts http and https web addresses only', () => {
    expect(isHttpUrl('https://support.example/case/1')).toBe(true)
    expect(isHttpUrl('http://intranet.local/x')).toBe(true)
    for (const bad of [
      'javascript:alert(1)',
      'ftp://files.example/a',
      'www.example.com',
      '',
      'https://',
      'mailto:a@b.c',
    ])
      expect(isHttpUrl(bad), bad).toBe(false)
  })
  it('names each missing or invalid field', () => {
    expect(closureIssues({}).map((i) => i.path[0])).toEqual(['evidence', 'link'])
    expect(closureIssues({ evidence: '  ', link: 'https://a.example' }).map((i) => i.path[0])).toEqual([
      'evidence',
    ])
    expect(closureIssues({ evidence: 'Done', link: 'not a url' })).toEqual([
      { path: ['link'], message: 'Use a web address starting with http:// or https://' },
    ])
    expect(closureIssues({ evidence: 'Done', link: 'https://a.example/x' })).toEqual([])
  })
})

describe('reports (pure)', () => {
  it('age buckets have inclusive bounds 7, 30, 90', () => {
    expect([0, 7, 8, 30, 31, 90, 91, 400].map(ageBucketOf)).toEqual([
      'd0_7',
      'd0_7',
      'd8_30',
      'd8_30',
      'd31_90',
      'd31_90',
      'd90_plus',
      'd90_plus',
    ])
  })
  it('p90 is the nearest rank: of 1..10 it is 9, of 3 values the largest', () => {
    expect(nearestRank([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 90)).toBe(9)
    expect(nearestRank([10, 20, 40], 90)).toBe(40)
    expect(nearestRank([], 90)).toBeNull()
  })
  it('time to resolve per severity: count, median and p90, empty severities null', () => {
    const r = timeToResolve(
      [
        { severity: 'high', hours: 10 },
        { severity: 'high', hours: 30 },
        { severity: 'high', hours: 20 },
        { severity: 'high', hours: 100 },
      ],
      '2026-10-01',
      '2026-10-31',
    )
    expect(r.rows.find((x) => x.severity === 'high')).toEqual({
      severity: 'high',
      count: 4,
      medianHours: 25,
      p90Hours: 100,
    })
    expect(r.rows.find((x) => x.severity === 'low')).toEqual({
      severity: 'low',
      count: 0,
      medianHours: null,
      p90Hours: null,
    })
  })
  it('open by age counts each escalation once in its bucket', () => {
    const r = openByAge(
      [
        { severity: 'critical', days: 3 },
        { severity: 'critical', days: 45 },
        { severity: 'low', days: 91 },
      ],
      '2026-11-26',
    )
    expect(r.rows[0]).toEqual({ severity: 'critical', d0_7: 1, d8_30: 0, d31_90: 1, d90_plus: 0, total: 2 })
    expect(r.rows[3]).toMatchObject({ severity: 'low', d90_plus: 1, total: 1 })
  })
})
