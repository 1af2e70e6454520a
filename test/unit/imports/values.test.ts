import { describe, expect, it } from 'vitest'
import {
  parseCount,
  parseIntent,
  parseIsoDate,
  parsePhase,
  parseYesNo,
} from '#server/modules/imports/portfolio/values'

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }) =>
  r.ok ? r.value : `✖ ${r.message}`

describe('portfolio cell values', () => {
  it('reads whole numbers with thousands separators', () => {
    const cases: [string, number | string][] = [
      ['0', 0],
      ['1234', 1234],
      ['1,234', 1234],
      ['12,345,678', 12345678],
      ['1.234', 1234],
      ['1 234', 1234],
      ['1\u00a0234', 1234],
      ["1'234", 1234],
      ['1234.00', 1234],
      ['1,234.0', 1234],
      ['1.234,00', 1234],
    ]
    for (const [text, expected] of cases) expect(value(parseCount(text)), text).toBe(expected)
  })

  it('refuses what is not a whole number ≥ 0', () => {
    expect(value(parseCount('12.5'))).toBe('✖ Use a whole number')
    expect(value(parseCount('1,5'))).toBe('✖ Use a whole number')
    expect(value(parseCount('-3'))).toBe('✖ Must not be negative')
    expect(value(parseCount('ten'))).toBe('✖ Not a number')
    expect(value(parseCount('1,23'))).toBe('✖ Use a whole number')
    expect(value(parseCount('99999999999'))).toBe('✖ Too large')
  })

  it('reads yes/no in every usual spelling', () => {
    for (const t of ['yes', 'YES', 'y', 'True', 'true', '1']) expect(value(parseYesNo(t))).toBe(true)
    for (const t of ['no', 'N', 'false', 'FALSE', '0']) expect(value(parseYesNo(t))).toBe(false)
    expect(value(parseYesNo('maybe'))).toMatch(/^✖ Use yes or no/)
  })

  it('reads intent status and phase by label or code, any case', () => {
    expect(value(parseIntent('In progress'))).toBe('in_progress')
    expect(value(parseIntent('IN_PROGRESS'))).toBe('in_progress')
    expect(value(parseIntent('in-progress'))).toBe('in_progress')
    expect(value(parseIntent('Status unknown'))).toBe('unknown')
    expect(value(parseIntent('Duplicate / invalid'))).toBe('duplicate')
    expect(value(parseIntent('no intent'))).toBe('no_intent')
    expect(value(parseIntent('Stalled'))).toMatch(
      /^✖ Not a known value; use one of: Status unknown, In progress/,
    )
    expect(value(parsePhase('ADOPTION'))).toBe('adoption')
    expect(value(parsePhase('Operations'))).toBe('operation')
    expect(value(parsePhase('launch'))).toMatch(/^✖/)
  })

  it('reads ISO dates and refuses the rest', () => {
    expect(value(parseIsoDate('2026-09-30'))).toBe('2026-09-30')
    expect(value(parseIsoDate('2026/9/3'))).toBe('2026-09-03')
    expect(value(parseIsoDate('2026-09-30T00:00:00Z'))).toBe('2026-09-30')
    expect(value(parseIsoDate('2026-02-30'))).toBe('✖ Not a real date')
    expect(value(parseIsoDate('30/09/2026'))).toBe('✖ Use the date format YYYY-MM-DD')
  })
})
