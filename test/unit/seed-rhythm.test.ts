import { describe, expect, it } from 'vitest'
import { planRhythm, type RhythmPartner } from '#server/seed/rhythm'
import { defaultSlaHours, slaClock } from '#shared/domain/escalations'
import { isOccurrence } from '#shared/domain/recurrence'

const today = new Date('2026-11-25T09:00:00Z')
const partners: RhythmPartner[] = Array.from({ length: 24 }, (_, i) => ({
  status: i % 6 === 4 ? 'at_risk' : 'active',
  regionIndex: i % 2,
  sponsor: i % 4 === 0 ? null : i * 3,
  deliveryLead: i * 3 + 1,
  customers: [i * 10, i * 10 + 1, i * 10 + 2],
}))

describe('the demo rhythm of business (planRhythm)', () => {
  const plan = planRhythm(42, today, partners)

  it('is deterministic', () => {
    expect(planRhythm(42, today, partners)).toEqual(plan)
    expect(planRhythm(43, today, partners)).not.toEqual(plan)
  })

  it('stores only occurrences the series rule really gives, all in the past', () => {
    const stored = plan.series.flatMap((s) => s.occurrences.map((o) => ({ s, o })))
    expect(stored.length).toBeGreaterThan(100)
    for (const { s, o } of stored) {
      expect(isOccurrence(s.rule, new Date(o.originalStart))).toBe(true)
      expect(Date.parse(o.originalStart)).toBeLessThan(today.getTime())
      if (o.status === 'held') expect(o.heldAt).not.toBeNull()
    }
  })

  it('leaves some partners without a rhythm and some silent for weeks, so compliance has findings', () => {
    const withSeries = new Set(plan.series.map((s) => s.partnerIndex))
    expect(withSeries.size).toBeLessThan(partners.length)
    const lastHeld = (i: number) =>
      plan.series
        .filter((s) => s.partnerIndex === i)
        .flatMap((s) => s.occurrences.filter((o) => o.status === 'held').map((o) => o.originalStart))
        .sort()
        .at(-1)
    const silent = [...withSeries].filter((i) => {
      const last = lastHeld(i)
      return last !== undefined && Date.parse(last) < today.getTime() - 6 * 7 * 86_400_000
    })
    expect(silent.length).toBeGreaterThan(0)
  })

  it('plans escalations in every status, one of them past its SLA, closed ones with evidence', () => {
    expect(new Set(plan.escalations.map((e) => e.status))).toEqual(
      new Set(['open', 'in_progress', 'resolved', 'closed']),
    )
    const breached = plan.escalations.filter(
      (e) =>
        (e.status === 'open' || e.status === 'in_progress') &&
        slaClock(e.raisedAt, defaultSlaHours[e.severity], today).state === 'breached',
    )
    expect(breached.length).toBeGreaterThan(0)
    for (const e of plan.escalations.filter((x) => x.status === 'closed'))
      expect(e.events.at(-1)?.evidence).toBeTruthy()
    for (const e of plan.escalations)
      for (const ev of e.events) expect(ev.at.getTime()).toBeGreaterThanOrEqual(e.raisedAt.getTime())
  })

  it('has overdue open action items and done ones', () => {
    const iso = today.toISOString().slice(0, 10)
    expect(plan.actions.some((a) => a.status === 'open' && a.dueOn < iso)).toBe(true)
    expect(plan.actions.some((a) => a.status === 'done' && a.closedAt !== null)).toBe(true)
  })
})
