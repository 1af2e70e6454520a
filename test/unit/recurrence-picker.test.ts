import { describe, expect, it } from 'vitest'
import { expand, normalizeRule } from '#shared/domain/recurrence'
import {
  choiceOfRule,
  describeRule,
  type RecurrenceChoice,
  ruleOfChoice,
} from '../../src/web/features/meetings/recurrence'

const choice = (over: Partial<RecurrenceChoice>): RecurrenceChoice => ({
  pattern: 'weekly',
  weekday: 'TU',
  nth: '1',
  day: '1',
  until: '',
  advanced: '',
  ...over,
})

describe('the friendly recurrence picker', () => {
  it.each([
    [choice({ pattern: 'weekly', weekday: 'MO' }), 'FREQ=WEEKLY;BYDAY=MO', 'Every Monday'],
    [choice({ pattern: 'biweekly' }), 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', 'Every 2 weeks on Tuesday'],
    [choice({ pattern: 'monthly-nth' }), 'FREQ=MONTHLY;BYDAY=1TU', 'Monthly on the first Tuesday'],
    [
      choice({ pattern: 'monthly-nth', nth: '-1', weekday: 'FR' }),
      'FREQ=MONTHLY;BYDAY=-1FR',
      'Monthly on the last Friday',
    ],
    [choice({ pattern: 'monthly-day', day: '15' }), 'FREQ=MONTHLY;BYMONTHDAY=15', 'Monthly on day 15'],
    [choice({ pattern: 'monthly-day', day: '-1' }), 'FREQ=MONTHLY;BYMONTHDAY=-1', 'Monthly on the last day'],
    [
      choice({ pattern: 'biweekly', until: '2026-06-30' }),
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20260630',
      'Every 2 weeks on Tuesday until 2026-06-30',
    ],
    [
      choice({ pattern: 'advanced', advanced: 'RRULE:FREQ=DAILY;COUNT=3' }),
      'FREQ=DAILY;COUNT=3',
      'FREQ=DAILY;COUNT=3',
    ],
  ])('%o → %s', (c, rule, text) => {
    expect(ruleOfChoice(c)).toBe(rule)
    expect(describeRule(rule)).toBe(text)
  })

  it('a picked "until" date includes the meeting on that day', () => {
    const rule = ruleOfChoice(choice({ pattern: 'biweekly', until: '2026-02-03' }))
    const got = expand(
      { startLocal: '2026-01-06T09:00', timeZone: 'Europe/Berlin', durationMinutes: 30, rrule: rule },
      new Date('2026-01-01T00:00:00Z'),
      new Date('2026-06-01T00:00:00Z'),
    )
    expect(got.map((o) => o.originalStart.slice(0, 10))).toEqual(['2026-01-06', '2026-01-20', '2026-02-03'])
  })

  it.each([
    choice({ pattern: 'weekly', weekday: 'MO' }),
    choice({ pattern: 'biweekly', weekday: 'TH', until: '2026-06-30' }),
    choice({ pattern: 'monthly-nth', nth: '-1', weekday: 'FR' }),
    choice({ pattern: 'monthly-day', day: '-1', until: '2027-03-31' }),
    choice({ pattern: 'advanced', advanced: 'FREQ=DAILY;COUNT=3' }),
    choice({ pattern: 'advanced', advanced: 'FREQ=WEEKLY;INTERVAL=3;BYDAY=WE' }),
  ])('editing a stored series shows the choice it was made with: %o', (c) => {
    // What the server stores: UNTIL turned into the UTC instant of the end of that local day.
    for (const timeZone of ['Europe/Berlin', 'America/Los_Angeles', 'Pacific/Auckland']) {
      const stored = normalizeRule({
        startLocal: '2026-01-06T09:00',
        timeZone,
        durationMinutes: 30,
        rrule: ruleOfChoice(c),
      })
      expect(choiceOfRule(stored, timeZone, 'MO')).toEqual({
        ...c,
        weekday: c.pattern === 'advanced' || c.pattern === 'monthly-day' ? 'MO' : c.weekday,
        // The stored rule stays in the RRULE field, for a switch to "Advanced".
        advanced: stored,
      })
    }
  })
})
