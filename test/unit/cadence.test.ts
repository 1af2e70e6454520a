import { describe, expect, it } from 'vitest'
import {
  activeSeriesCount,
  cadenceOccurrences,
  presentTallies,
  windowOf,
} from '#server/modules/cadence/facts'
import type { OccurrenceRow, SeriesRow } from '#server/modules/meetings/repository'
import {
  compliance,
  monthsEnding,
  noRhythm,
  parsePeriod,
  quarterOf,
  sumTallies,
  tally,
} from '#shared/domain/cadence'
import type { OccurrenceStatus } from '#shared/domain/meetings'

let nextId = 1
function series(over: Partial<SeriesRow>): SeriesRow {
  return {
    id: nextId++,
    partnerId: 1,
    kind: 'rob',
    title: 'ROB',
    rrule: 'FREQ=WEEKLY;BYDAY=TU',
    startLocal: '2026-03-03T09:00',
    timeZone: 'Europe/Berlin',
    durationMinutes: 30,
    ownerUserId: 1,
    activeFrom: null,
    endsAt: null,
    previousSeriesId: null,
    supersededById: null,
    createdBy: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    partnerName: 'P',
    ownerName: 'O',
    ownerEmail: 'o@x',
    ...over,
  }
}
function stored(
  s: SeriesRow,
  originalStart: string,
  status: OccurrenceStatus,
  movedStart?: string,
): OccurrenceRow {
  return {
    id: nextId++,
    seriesId: s.id,
    originalStart: new Date(originalStart),
    status,
    movedStart: movedStart ? new Date(movedStart) : null,
    agenda: null,
    agendaFrozenAt: null,
    minutes: null,
    decisions: [],
    heldAt: null,
    updatedBy: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  }
}
/** The tallies of one period, through the meetings module's expansion with the overrides applied. */
function count(list: SeriesRow[], rows: OccurrenceRow[], key: string, now: string) {
  const period = parsePeriod(key)!
  const occurrences = cadenceOccurrences(list, rows, windowOf(period.from, period.to))
  return presentTallies(tally(occurrences, period, new Date(now)))
}

describe('periods', () => {
  it('reads months and calendar quarters as local days [from, to)', () => {
    expect(parsePeriod('2026-02')).toEqual({ key: '2026-02', from: '2026-02-01', to: '2026-03-01' })
    expect(parsePeriod('2026-Q4')).toEqual({ key: '2026-Q4', from: '2026-10-01', to: '2027-01-01' })
    expect(parsePeriod('2026-13')).toBeNull()
    expect(parsePeriod('2026-Q5')).toBeNull()
    expect(quarterOf('2026-11-26')).toBe('2026-Q4')
    expect(quarterOf('2026-03-31')).toBe('2026-Q1')
    expect(monthsEnding('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02'])
  })
})

describe('cadence compliance', () => {
  it('a weekly ROB across the spring DST change: 5 scheduled, 3 held, 1 cancelled', () => {
    const rob = series({})
    // Berlin moves to summer time on 29 March 2026: 24 March 09:00 is 08:00Z, 31 March 09:00 is 07:00Z.
    const rows = [
      stored(rob, '2026-03-10T08:00:00Z', 'held'),
      stored(rob, '2026-03-17T08:00:00Z', 'cancelled'),
      stored(rob, '2026-03-24T08:00:00Z', 'held'),
      stored(rob, '2026-03-31T07:00:00Z', 'held'),
    ]
    const t = count([rob], rows, '2026-03', '2026-04-15T00:00:00Z')
    expect(t.rob).toEqual({ scheduled: 5, held: 3, cancelled: 1, compliance: 3 / 5 })
    expect(t.mbr).toEqual({ scheduled: 0, held: 0, cancelled: 0, compliance: null })
    expect(t.all).toEqual({ scheduled: 5, held: 3, cancelled: 1, compliance: 3 / 5 })
  })

  it('a bi-weekly ROB: only meetings already started count; none held is 0 %, not "—"', () => {
    const rob = series({
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
      startLocal: '2026-01-06T10:00',
      timeZone: 'America/New_York',
    })
    // 6 and 20 Jan, 3 and 17 Feb, 3, 17 and 31 Mar; on 20 March the one of the 31st is not due yet.
    const t = count([rob], [], '2026-Q1', '2026-03-20T12:00:00Z')
    expect(t.rob).toEqual({ scheduled: 6, held: 0, cancelled: 0, compliance: 0 })
    // The 17 March meeting (14:00Z, New York on summer time since 8 March) is due one minute after it starts.
    expect(count([rob], [], '2026-03', '2026-03-17T14:00:00Z').rob.scheduled).toBe(1)
    expect(count([rob], [], '2026-03', '2026-03-17T14:01:00Z').rob.scheduled).toBe(2)
  })

  it('a moved meeting counts once, in the period of its new start', () => {
    const mbr = series({
      kind: 'mbr',
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=28',
      startLocal: '2026-01-28T14:00',
      timeZone: 'Europe/London',
    })
    const rows = [
      stored(mbr, '2026-01-28T14:00:00Z', 'held', '2026-02-02T14:00:00Z'),
      stored(mbr, '2026-02-28T14:00:00Z', 'scheduled', '2026-03-03T14:00:00Z'),
    ]
    const now = '2026-06-01T00:00:00Z'
    expect(count([mbr], rows, '2026-01', now).mbr).toEqual({
      scheduled: 0,
      held: 0,
      cancelled: 0,
      compliance: null,
    })
    expect(count([mbr], rows, '2026-02', now).mbr).toEqual({
      scheduled: 1,
      held: 1,
      cancelled: 0,
      compliance: 1,
    })
    expect(count([mbr], rows, '2026-03', now).mbr).toEqual({
      scheduled: 2,
      held: 0,
      cancelled: 0,
      compliance: 0,
    })
  })

  it('a meeting belongs to the local day of its start in its time zone', () => {
    // 00:30 on 1 April in Berlin is 22:30Z on 31 March.
    const rob = series({ rrule: 'FREQ=DAILY;COUNT=1', startLocal: '2026-04-01T00:30' })
    const now = '2026-05-01T00:00:00Z'
    expect(count([rob], [], '2026-03', now).rob.scheduled).toBe(0)
    expect(count([rob], [], '2026-04', now).rob.scheduled).toBe(1)
  })

  it('a version ended by a change of rule gives no meetings after its end', () => {
    const old = series({ endsAt: new Date('2026-03-16T00:00:00Z') })
    const next = series({
      rrule: 'FREQ=WEEKLY;BYDAY=TH',
      startLocal: '2026-03-19T09:00',
      activeFrom: new Date('2026-03-16T00:00:00Z'),
    })
    // Tuesdays 3 and 10 March from the old rule, Thursdays 19 and 26 March from the new one.
    expect(count([old, next], [], '2026-03', '2026-04-01T00:00:00Z').rob.scheduled).toBe(4)
  })

  it('other meetings are not part of the rhythm; nothing scheduled gives null', () => {
    const other = series({ kind: 'other' })
    expect(count([other], [], '2026-03', '2026-04-15T00:00:00Z').all).toEqual({
      scheduled: 0,
      held: 0,
      cancelled: 0,
      compliance: null,
    })
    expect(compliance({ scheduled: 0, held: 0, cancelled: 0 })).toBeNull()
  })

  it('rolls up as totals, not as an average of percentages', () => {
    const a = { scheduled: 1, held: 1, cancelled: 0 }
    const b = { scheduled: 9, held: 0, cancelled: 2 }
    const sum = sumTallies([a, b])
    expect(sum).toEqual({ scheduled: 10, held: 1, cancelled: 2 })
    expect(compliance(sum)).toBe(0.1)
  })
})

describe('business rhythm', () => {
  const now = new Date('2026-03-31T12:00:00Z')
  it('lists every reason a live partner has no rhythm in place', () => {
    expect(noRhythm({ activeSeries: 0, sponsorIdentified: false, lastHeldAt: null }, now, 6)).toEqual([
      'no_series',
      'no_sponsor',
      'nothing_held',
    ])
    // Six weeks before now is 17 February 12:00Z: a meeting held then is still within the window.
    const held = (at: string) =>
      noRhythm({ activeSeries: 2, sponsorIdentified: true, lastHeldAt: at }, now, 6)
    expect(held('2026-02-17T12:00:00Z')).toEqual([])
    expect(held('2026-02-17T11:59:00Z')).toEqual(['nothing_held'])
    expect(
      noRhythm({ activeSeries: 1, sponsorIdentified: true, lastHeldAt: '2026-02-10T00:00:00Z' }, now, 8),
    ).toEqual([])
  })

  it('a series counts as active while it still gives a meeting after now', () => {
    const running = series({ partnerId: 7 })
    const ended = series({ partnerId: 8, endsAt: new Date('2026-03-01T00:00:00Z') })
    const untilPast = series({ partnerId: 9, rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260320T000000Z' })
    const counted = series({ partnerId: 10, rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=100' })
    const countedOut = series({ partnerId: 11, rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3' })
    const active = activeSeriesCount([running, ended, untilPast, counted, countedOut], now)
    expect([...active].sort()).toEqual([
      [10, 1],
      [7, 1],
    ])
  })
})
