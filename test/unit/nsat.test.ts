import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { planNsat, plannedAnswersValid } from '#server/seed/demo-nsat'
import { defaultProgramSettings, programSettingsValues } from '#shared/contracts/settings'
import {
  classify,
  countAnswers,
  defaultNsatMapping,
  fiscalYearOf,
  isLowN,
  nsat,
  nsatAnswers,
  onTarget,
  parseNsatPeriod,
  respondentKey,
} from '#shared/domain/nsat'

const m = defaultNsatMapping
const msit = (answer: string) => ({ scale: 'msit4' as const, answer })
const cpe = (answer: string) => ({ scale: 'cpe5' as const, answer })
const repeat = <T>(n: number, v: T) => Array.from({ length: n }, () => v)

describe('NSAT = %VSAT − %DSAT + 100 over valid responses', () => {
  it('10 responses: 6 VSAT, 3 neutral, 1 DSAT → 60 − 10 + 100 = 150', () => {
    const c = countAnswers(m, [
      ...repeat(6, msit('very_satisfied')),
      ...repeat(3, msit('somewhat_satisfied')),
      msit('very_dissatisfied'),
    ])
    expect(c).toEqual({ valid: 10, vsat: 6, dsat: 1 })
    expect(nsat(c)).toBe(150)
  })

  it('leaves "don\'t know / N.A." out of the denominator', () => {
    // 2 VSAT, 1 DSAT, 1 neutral + 4 N.A.: 50 % − 25 % + 100 = 125 (with N.A. counted it would be 112.5).
    const c = countAnswers(m, [
      msit('very_satisfied'),
      msit('very_satisfied'),
      msit('somewhat_dissatisfied'),
      msit('somewhat_satisfied'),
      ...repeat(4, msit('na')),
    ])
    expect(c).toEqual({ valid: 4, vsat: 2, dsat: 1 })
    expect(nsat(c)).toBe(125)
  })

  it('rounds once, halves up: 1 VSAT of 8 → 112.5 → 113; 1 DSAT of 8 → 87.5 → 88; 1 of 3 → 133.3 → 133', () => {
    expect(nsat({ valid: 8, vsat: 1, dsat: 0 })).toBe(113)
    expect(nsat({ valid: 8, vsat: 0, dsat: 1 })).toBe(88)
    expect(nsat({ valid: 3, vsat: 1, dsat: 0 })).toBe(133)
    expect(nsat({ valid: 3, vsat: 0, dsat: 2 })).toBe(33)
    expect(nsat({ valid: 7, vsat: 3, dsat: 2 })).toBe(114) // 42.86 − 28.57 + 100 = 114.29
  })

  it('has no score without a valid response (not 0)', () => {
    expect(nsat(countAnswers(m, [msit('na'), cpe('na')]))).toBeNull()
    expect(onTarget(null, 100)).toBeNull()
  })

  it('CPE 5-point by default: 5 is VSAT, 1–2 DSAT, 3–4 only count in n', () => {
    const c = countAnswers(m, [cpe('5'), cpe('5'), cpe('4'), cpe('3'), cpe('2'), cpe('1')])
    expect(c).toEqual({ valid: 6, vsat: 2, dsat: 2 })
    expect(nsat(c)).toBe(100)
    expect(classify(m, 'cpe5', '4')).toBe('neutral')
  })

  it('follows a changed mapping (4 and 5 as VSAT)', () => {
    const wide = { ...m, cpe5: { vsat: ['5', '4'], dsat: ['1'] } }
    const c = countAnswers(wide, [cpe('5'), cpe('4'), cpe('2'), cpe('1')])
    expect(c).toEqual({ valid: 4, vsat: 2, dsat: 1 })
    expect(nsat(c)).toBe(125)
  })

  it('an answer that is not of its scale is excluded, never counted', () => {
    expect(classify(m, 'msit4', '5')).toBe('excluded')
    expect(classify(m, 'cpe5', 'very_satisfied')).toBe('excluded')
  })

  it('stays in 0–200; all VSAT → 200; all DSAT → 0', () => {
    const answer = fc.oneof(
      fc.constantFrom(...nsatAnswers.msit4).map(msit),
      fc.constantFrom(...nsatAnswers.cpe5).map(cpe),
    )
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 300 }), (list) => {
        const c = countAnswers(m, list)
        const score = nsat(c)
        if (c.valid === 0) return score === null
        return Number.isInteger(score) && score! >= 0 && score! <= 200
      }),
    )
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), (n, na) => {
        const all = (a: string) => [...repeat(n, msit(a)), ...repeat(na, msit('na'))]
        return (
          nsat(countAnswers(m, all('very_satisfied'))) === 200 &&
          nsat(countAnswers(m, all('very_dissatisfied'))) === 0
        )
      }),
    )
  })

  it('marks fewer valid responses than the minimum as low n', () => {
    expect(isLowN({ valid: 4, vsat: 4, dsat: 0 }, 5)).toBe(true)
    expect(isLowN({ valid: 5, vsat: 4, dsat: 0 }, 5)).toBe(false)
    expect(onTarget(100, 100)).toBe(true)
    expect(onTarget(99, 100)).toBe(false)
  })
})

describe('NSAT periods and keys', () => {
  it('reads months, calendar quarters and fiscal years (1 July – 30 June)', () => {
    expect(parseNsatPeriod('2026-03')).toEqual({ key: '2026-03', from: '2026-03-01', to: '2026-04-01' })
    expect(parseNsatPeriod('2026-Q4')).toEqual({ key: '2026-Q4', from: '2026-10-01', to: '2027-01-01' })
    expect(parseNsatPeriod('FY2026')).toEqual({ key: 'FY2026', from: '2025-07-01', to: '2026-07-01' })
    expect(parseNsatPeriod('2026')).toBeNull()
    expect(fiscalYearOf('2026-06-30')).toBe('FY2026')
    expect(fiscalYearOf('2026-07-01')).toBe('FY2027')
  })

  it('identifies a respondent by e-mail, else by name, case and spaces ignored', () => {
    expect(respondentKey('Ann Lee', ' Ann.Lee@Example.com ')).toBe('ann.lee@example.com')
    expect(respondentKey('  Ann   Lee ', null)).toBe('ann lee')
  })
})

describe('NSAT settings', () => {
  it('sets saved before NSAT existed read the defaults (target 100, low n below 5)', () => {
    const { nsat: _omit, ...older } = defaultProgramSettings
    const parsed = programSettingsValues.parse(older)
    expect(parsed.nsat).toEqual({ mapping: defaultNsatMapping, target: 100, minResponses: 5 })
  })

  it('refuses an answer counted both ways, or one not on the scale, naming the field', () => {
    const bad = structuredClone(defaultProgramSettings)
    bad.nsat.mapping.msit4.dsat.push('very_satisfied')
    bad.nsat.mapping.cpe5.vsat.push('7')
    const r = programSettingsValues.safeParse(bad)
    expect(r.success).toBe(false)
    const paths = r.error!.issues.map((i) => i.path.join('.'))
    expect(paths).toContain('nsat.mapping.msit4.dsat')
    expect(paths).toContain('nsat.mapping.cpe5.vsat')
  })
})

describe('the demo survey plan', () => {
  const partners = Array.from({ length: 14 }, (_, i) => ({
    status: i === 13 ? 'departed' : 'active',
    customers: [i * 3, i * 3 + 1, i * 3 + 2],
  }))
  const today = new Date('2026-11-26T12:00:00Z')
  const plan = planNsat(42, today, partners)

  it('is deterministic, valid on its scales, unique on the natural key, within the last 12 months', () => {
    expect(planNsat(42, today, partners)).toEqual(plan)
    expect(plannedAnswersValid(plan)).toBe(true)
    const keys = plan.map((p) =>
      [respondentKey(p.name, p.email), p.partnerIndex, p.customerIndex, p.respondedOn, p.source].join('|'),
    )
    expect(new Set(keys).size).toBe(keys.length)
    expect(plan.every((p) => p.respondedOn < '2026-11-26' && p.respondedOn >= '2025-11-26')).toBe(true)
    expect(plan.some((p) => p.partnerIndex === 13)).toBe(false)
  })

  it('has partners under target and partners with low n', () => {
    const byPartner = (i: number, source: string) =>
      countAnswers(
        m,
        plan.filter((p) => p.partnerIndex === i && p.source === source),
      )
    const customer = partners.map((_, i) => byPartner(i, 'customer_survey')).slice(0, 13)
    expect(customer.some((c) => (nsat(c) ?? 200) < 100)).toBe(true)
    expect(customer.some((c) => c.valid > 0 && isLowN(c, 5))).toBe(true)
    expect(customer.filter((c) => (nsat(c) ?? 0) >= 100).length).toBeGreaterThan(6)
  })
})
