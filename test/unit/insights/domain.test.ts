import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { csvField, toCsv } from '#server/modules/reports/cells'
import { voiceRollup } from '#shared/domain/insights'
import { addBusinessDays, answerDueAt, unansweredAsOf } from '#shared/domain/referrals'

describe('csvField (OWASP CSV injection)', () => {
  it('puts a quote before every formula start and quotes when needed', () => {
    expect(csvField('=1+1')).toBe("'=1+1")
    expect(csvField('+1')).toBe("'+1")
    expect(csvField('-1')).toBe("'-1")
    expect(csvField('@A1')).toBe("'@A1")
    expect(csvField('\tx')).toBe("'\tx")
    expect(csvField('\rx')).toBe('"\'\rx"')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('plain')).toBe('plain')
    expect(csvField(-5)).toBe('-5')
    expect(csvField(null)).toBe('')
  })

  it('round-trips through csv-parse as text', () => {
    const values = ['=HYPERLINK("x")', '\tTab', '\rCR', '-2+3', 'a\nb', 'ok']
    const csv = toCsv(
      [{ header: 'V', key: 'v' }],
      values.map((v) => ({ v })),
    )
    const rows: { V: string }[] = parse(csv, { columns: true, bom: true })
    expect(rows.map((r) => r.V)).toEqual(['\'=HYPERLINK("x")', "'\tTab", "'\rCR", "'-2+3", 'a\nb', 'ok'])
  })
})

describe('referral clocks', () => {
  it('adds business days over a weekend', () => {
    // Thursday 2026-01-08 10:00 + 2 business days = Monday 2026-01-12 10:00.
    expect(addBusinessDays(new Date('2026-01-08T10:00:00Z'), 2).toISOString()).toBe(
      '2026-01-12T10:00:00.000Z',
    )
    // Friday + 2 = Tuesday.
    expect(addBusinessDays(new Date('2026-01-09T10:00:00Z'), 2).toISOString()).toBe(
      '2026-01-13T10:00:00.000Z',
    )
    expect(answerDueAt(new Date('2026-01-09T10:00:00Z'), 7).toISOString()).toBe('2026-01-16T10:00:00.000Z')
  })

  it('is unanswered once the window passed without an accept or decline before the moment', () => {
    const receivedAt = new Date('2026-01-01T00:00:00Z')
    const asOf = new Date('2026-02-01T00:00:00Z')
    const at = (s: string) => new Date(s)
    expect(unansweredAsOf({ receivedAt, status: 'pending', respondedAt: null }, asOf, 7)).toBe(true)
    expect(
      unansweredAsOf({ receivedAt, status: 'pending', respondedAt: null }, at('2026-01-07T23:59:59Z'), 7),
    ).toBe(false)
    expect(
      unansweredAsOf({ receivedAt, status: 'pending', respondedAt: null }, at('2026-01-08T00:00:00Z'), 7),
    ).toBe(true)
    expect(
      unansweredAsOf({ receivedAt, status: 'accepted', respondedAt: at('2026-01-03T00:00:00Z') }, asOf, 7),
    ).toBe(false)
    // Answered only after the moment: still unanswered as of it.
    expect(
      unansweredAsOf({ receivedAt, status: 'declined', respondedAt: at('2026-02-03T00:00:00Z') }, asOf, 7),
    ).toBe(true)
    expect(
      unansweredAsOf({ receivedAt, status: 'reassigned', respondedAt: at('2026-01-08T00:00:00Z') }, asOf, 7),
    ).toBe(true)
  })
})

describe('voiceRollup', () => {
  it('sums partner tallies per key and counts the partners with none', () => {
    const rows = [
      { fpm: 1, insights: 2, spotlights: 0, spotlightsApproved: 0 },
      { fpm: 1, insights: 0, spotlights: 0, spotlightsApproved: 0 },
      { fpm: 2, insights: 0, spotlights: 3, spotlightsApproved: 1 },
    ]
    const out = voiceRollup(rows, (r) => r.fpm).map(({ rows: _rows, ...r }) => r)
    expect(out).toEqual([
      { key: 1, partners: 2, partnersWithNone: 1, insights: 2, spotlights: 0, spotlightsApproved: 0 },
      { key: 2, partners: 1, partnersWithNone: 0, insights: 0, spotlights: 3, spotlightsApproved: 1 },
    ])
  })
})
