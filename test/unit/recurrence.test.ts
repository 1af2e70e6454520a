import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import {
  expand,
  floatingOf,
  fromFloating,
  isOccurrence,
  localOf,
  normalizeRule,
  RecurrenceError,
  type SeriesRule,
  validateRule,
  withUntil,
} from '#shared/domain/recurrence'

const at = (iso: string) => new Date(iso)
const starts = (rule: SeriesRule, from: string, to: string) =>
  expand(rule, at(from), at(to)).map((o) => o.originalStart)
const base = { durationMinutes: 30, timeZone: 'Europe/Berlin' }

describe('recurrence across daylight saving time', () => {
  it('keeps 09:00 Berlin at 09:00 local in winter and summer (UTC shifts by an hour)', () => {
    const rule = { ...base, startLocal: '2026-03-24T09:00', rrule: 'FREQ=WEEKLY;BYDAY=TU' }
    expect(starts(rule, '2026-03-01T00:00:00Z', '2026-04-08T00:00:00Z')).toEqual([
      '2026-03-24T08:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
      '2026-04-07T07:00:00.000Z',
    ])
  })
  it('keeps 09:00 Berlin across the autumn fall-back', () => {
    const rule = { ...base, startLocal: '2026-10-20T09:00', rrule: 'FREQ=WEEKLY' }
    expect(starts(rule, '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z')).toEqual([
      '2026-10-20T07:00:00.000Z',
      '2026-10-27T08:00:00.000Z',
    ])
  })
  it('keeps 10:00 New York across its own (earlier) spring and autumn changes', () => {
    const rule = {
      ...base,
      timeZone: 'America/New_York',
      startLocal: '2026-03-02T10:00',
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
    }
    // US DST starts 2026-03-08, three weeks before Europe's.
    expect(starts(rule, '2026-03-01T00:00:00Z', '2026-03-17T00:00:00Z')).toEqual([
      '2026-03-02T15:00:00.000Z',
      '2026-03-09T14:00:00.000Z',
      '2026-03-16T14:00:00.000Z',
    ])
    // …and ends 2026-11-01.
    expect(starts(rule, '2026-10-25T00:00:00Z', '2026-11-10T00:00:00Z')).toEqual([
      '2026-10-26T14:00:00.000Z',
      '2026-11-02T15:00:00.000Z',
      '2026-11-09T15:00:00.000Z',
    ])
  })
  it('moves 02:30 on the spring-forward day to 03:30 summer time (the offset before the gap)', () => {
    const rule = { ...base, startLocal: '2026-03-28T02:30', rrule: 'FREQ=DAILY;COUNT=3' }
    const got = expand(rule, at('2026-03-01T00:00:00Z'), at('2026-04-01T00:00:00Z'))
    expect(got.map((o) => o.originalStart)).toEqual([
      '2026-03-28T01:30:00.000Z', // 02:30 CET
      '2026-03-29T01:30:00.000Z', // 02:30 does not exist → 03:30 CEST
      '2026-03-30T00:30:00.000Z', // 02:30 CEST
    ])
    expect(localOf(at(got[1]!.originalStart), 'Europe/Berlin')).toBe('2026-03-29T03:30')
  })
  it('takes the first of the two 02:30s on the fall-back day', () => {
    expect(fromFloating(floatingOf('2026-10-25T02:30'), 'Europe/Berlin').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    )
    expect(fromFloating(floatingOf('2026-11-01T01:30'), 'America/New_York').toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    )
  })
  it('a New York 02:30 series on its spring-forward day lands at 03:30 EDT', () => {
    const rule = {
      ...base,
      timeZone: 'America/New_York',
      startLocal: '2026-03-08T02:30',
      rrule: 'FREQ=DAILY',
    }
    expect(starts(rule, '2026-03-08T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual([
      '2026-03-08T07:30:00.000Z',
      '2026-03-09T06:30:00.000Z',
    ])
  })
})

describe('recurrence on month ends and positions', () => {
  it('BYMONTHDAY=31 skips the months without a 31st', () => {
    const rule = { ...base, startLocal: '2026-01-31T09:00', rrule: 'FREQ=MONTHLY;BYMONTHDAY=31' }
    const got = starts(rule, '2026-01-01T00:00:00Z', '2026-08-01T00:00:00Z').map((s) => s.slice(0, 10))
    expect(got).toEqual(['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31'])
  })
  it('BYMONTHDAY=-1 is the last day of every month, leap years included', () => {
    const rule = { ...base, startLocal: '2028-01-31T16:00', rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=4' }
    const got = starts(rule, '2028-01-01T00:00:00Z', '2029-01-01T00:00:00Z').map((s) => s.slice(0, 10))
    expect(got).toEqual(['2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30'])
  })
  it('BYDAY=1TU is the first Tuesday of each month', () => {
    const rule = { ...base, startLocal: '2026-01-06T14:00', rrule: 'FREQ=MONTHLY;BYDAY=1TU' }
    const got = starts(rule, '2026-01-01T00:00:00Z', '2026-05-01T00:00:00Z').map((s) => s.slice(0, 10))
    expect(got).toEqual(['2026-01-06', '2026-02-03', '2026-03-03', '2026-04-07'])
  })
  it('INTERVAL=2 is anchored on the start date, not on the window', () => {
    const rule = { ...base, startLocal: '2026-01-06T09:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU' }
    // 6 Jan, 20 Jan, 3 Feb, 17 Feb… whatever window is asked.
    expect(starts(rule, '2026-01-12T00:00:00Z', '2026-02-10T00:00:00Z').map((s) => s.slice(0, 10))).toEqual([
      '2026-01-20',
      '2026-02-03',
    ])
    expect(starts(rule, '2026-02-10T00:00:00Z', '2026-02-18T00:00:00Z').map((s) => s.slice(0, 10))).toEqual([
      '2026-02-17',
    ])
  })
  it('nothing before the start', () => {
    const rule = { ...base, startLocal: '2026-06-01T09:00', rrule: 'FREQ=DAILY' }
    expect(starts(rule, '2026-05-01T00:00:00Z', '2026-06-01T00:00:00Z')).toEqual([])
  })
})

describe('exceptions, UNTIL and COUNT', () => {
  it('leaves out the EXDATEs', () => {
    const rule = {
      ...base,
      startLocal: '2026-03-24T09:00',
      rrule: 'FREQ=WEEKLY',
      exdates: ['2026-03-31T07:00:00.000Z'],
    }
    expect(starts(rule, '2026-03-01T00:00:00Z', '2026-04-10T00:00:00Z')).toEqual([
      '2026-03-24T08:00:00.000Z',
      '2026-04-07T07:00:00.000Z',
    ])
  })
  it('reads a UTC UNTIL as an instant, even for a zone far from UTC', () => {
    // 18:00 Los Angeles = 02:00Z the next day. UNTIL 2026-03-05T00:00Z is 16:00 on 4 March in LA:
    // the 4 March meeting (18:00 LA) is after it. Read naively as wall time it would be kept.
    const rule = {
      ...base,
      timeZone: 'America/Los_Angeles',
      startLocal: '2026-03-01T18:00',
      rrule: 'FREQ=DAILY;UNTIL=20260305T000000Z',
    }
    expect(starts(rule, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual([
      '2026-03-02T02:00:00.000Z',
      '2026-03-03T02:00:00.000Z',
      '2026-03-04T02:00:00.000Z',
    ])
  })
  it('includes an occurrence exactly at UNTIL', () => {
    const rule = { ...base, startLocal: '2026-05-01T09:00', rrule: 'FREQ=DAILY;UNTIL=20260503T070000Z' }
    expect(starts(rule, '2026-05-01T00:00:00Z', '2026-06-01T00:00:00Z')).toHaveLength(3)
  })
  it('withUntil replaces COUNT and an older UNTIL', () => {
    expect(withUntil('RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=TU', at('2026-05-01T12:30:00Z'))).toBe(
      'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260501T123000Z',
    )
  })
  it('isOccurrence tells the rule’s instants from others', () => {
    const rule = { ...base, startLocal: '2026-01-06T09:00', rrule: 'FREQ=WEEKLY;INTERVAL=2' }
    expect(isOccurrence(rule, at('2026-01-20T08:00:00Z'))).toBe(true)
    expect(isOccurrence(rule, at('2026-01-13T08:00:00Z'))).toBe(false)
  })
})

describe('validation names the field', () => {
  const bad = (over: Partial<SeriesRule>) => {
    try {
      validateRule({ ...base, startLocal: '2026-01-06T09:00', rrule: 'FREQ=WEEKLY', ...over })
      return null
    } catch (e) {
      return e instanceof RecurrenceError ? e.field : 'other'
    }
  }
  it.each([
    [{ rrule: 'FREQ=SOMETIMES' }, 'rrule'],
    [{ rrule: 'BYDAY=TU' }, 'rrule'],
    [{ rrule: 'FREQ=WEEKLY;FOO=1' }, 'rrule'],
    [{ rrule: 'FREQ=WEEKLY;UNTIL=tomorrow' }, 'rrule'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ startLocal: '2026-02-30T09:00' }, 'startLocal'],
    [{ startLocal: '2026-01-06 09:00' }, 'startLocal'],
  ])('%o → %s', (over, field) => {
    expect(bad(over)).toBe(field)
  })
  it('accepts a good rule', () => expect(bad({})).toBeNull())
})

describe('properties', () => {
  const zones = [
    'Europe/Berlin',
    'America/New_York',
    'America/Los_Angeles',
    'Australia/Sydney',
    'Asia/Kolkata',
    'UTC',
  ]
  const days = ['MO', 'TU', 'WE', 'TH', 'FR']
  const arb = fc.record({
    zone: fc.constantFrom(...zones),
    dayOffset: fc.integer({ min: 0, max: 700 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.constantFrom(0, 15, 30, 45),
    rrule: fc.oneof(
      fc
        .tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom(...days))
        .map(([i, d]) => `FREQ=WEEKLY;INTERVAL=${i};BYDAY=${d}`),
      fc
        .integer({ min: -1, max: 31 })
        .filter((n) => n !== 0)
        .map((n) => `FREQ=MONTHLY;BYMONTHDAY=${n}`),
      fc.constantFrom(...days).map((d) => `FREQ=MONTHLY;BYDAY=1${d}`),
      fc.constant('FREQ=DAILY'),
    ),
    count: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
    exFrom: fc.integer({ min: 0, max: 10 }),
  })
  it('every occurrence keeps the local time (unless it falls in a gap), sorted, no exception, ≤ COUNT', () => {
    fc.assert(
      fc.property(arb, ({ zone, dayOffset, hour, minute, rrule, count, exFrom }) => {
        const startDay = DateTime.fromISO('2026-01-01', { zone: 'UTC' }).plus({ days: dayOffset })
        const hh = String(hour).padStart(2, '0')
        const mm = String(minute).padStart(2, '0')
        const startLocal = `${startDay.toISODate()}T${hh}:${mm}`
        const rule: SeriesRule = {
          startLocal,
          timeZone: zone,
          durationMinutes: 45,
          rrule: count ? `${rrule};COUNT=${count}` : rrule,
        }
        const from = new Date('2025-12-01T00:00:00Z')
        const to = new Date('2028-06-01T00:00:00Z')
        const all = expand(rule, from, to)
        const exdates = all.slice(exFrom, exFrom + 3).map((o) => o.originalStart)
        const got = expand({ ...rule, exdates }, from, to)
        const sorted = [...got].sort((a, b) => a.originalStart.localeCompare(b.originalStart))
        expect(got).toEqual(sorted)
        expect(new Set(got.map((o) => o.originalStart)).size).toBe(got.length)
        for (const o of got) {
          expect(exdates).not.toContain(o.originalStart)
          const local = DateTime.fromISO(o.originalStart, { zone })
          const exact = local.hour === hour && local.minute === minute
          // A wall time in the spring-forward gap (it does not exist that day) moves later by the gap.
          const asked = DateTime.fromObject(
            { year: local.year, month: local.month, day: local.day, hour, minute },
            { zone },
          )
          const inGap = asked.hour !== hour || asked.minute !== minute
          const shifted = inGap && local.hour === (hour + 1) % 24 && local.minute === minute
          local.minus({ hours: 1 }).hour === hour &&
            local.minute === minute &&
            !local.minus({ hours: 1 }).isInDST &&
            local.isInDST
          expect(exact || shifted).toBe(true)
          expect(new Date(o.end).getTime() - new Date(o.originalStart).getTime()).toBe(45 * 60_000)
        }
        if (count) expect(got.length).toBeLessThanOrEqual(count)
      }),
      { numRuns: 150 },
    )
  })
})

describe('normalizeRule', () => {
  it('writes a local UNTIL date as the UTC end of that day in the zone', () => {
    expect(
      normalizeRule({ ...base, startLocal: '2026-01-06T09:00', rrule: 'RRULE:FREQ=WEEKLY;UNTIL=20260630' }),
    ).toBe('FREQ=WEEKLY;UNTIL=20260630T215959Z')
    expect(normalizeRule({ ...base, startLocal: '2026-01-06T09:00', rrule: 'FREQ=WEEKLY;COUNT=3' })).toBe(
      'FREQ=WEEKLY;COUNT=3',
    )
  })
})
