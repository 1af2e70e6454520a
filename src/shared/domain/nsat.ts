import { parsePeriod } from './cadence'
import { addMonths } from './periods'

/**
 * NSAT, pure (docs/metrics.md "NSAT", decision 013). Microsoft IT's net satisfaction:
 *   NSAT = %VSAT − %DSAT + 100, over valid responses ("don't know / N.A." excluded), an integer 0–200.
 * Which answers count as VSAT and DSAT on each scale is a dated setting (`nsat.mapping`).
 */

/** The answer scales: MSIT's 4-point forced choice, and the 5-point CPE question of FRP/FTC surveys. */
export const NsatScale = { msit4: 'msit4', cpe5: 'cpe5' } as const
export type NsatScale = (typeof NsatScale)[keyof typeof NsatScale]
export const nsatScales = Object.values(NsatScale) as [NsatScale, ...NsatScale[]]
export const nsatScaleLabel: Record<NsatScale, string> = {
  msit4: '4-point (MSIT forced choice)',
  cpe5: '5-point (CPE)',
}

/** "Don't know / N.A.": stored, never counted (on either scale). */
export const NOT_APPLICABLE = 'na'

/** The answers of each scale, best first, then "don't know / N.A.". */
export const nsatAnswers = {
  msit4: [
    'very_satisfied',
    'somewhat_satisfied',
    'somewhat_dissatisfied',
    'very_dissatisfied',
    NOT_APPLICABLE,
  ],
  cpe5: ['5', '4', '3', '2', '1', NOT_APPLICABLE],
} as const satisfies Record<NsatScale, readonly string[]>
export type NsatAnswer = (typeof nsatAnswers)[NsatScale][number]

export const nsatAnswerLabel: Record<string, string> = {
  very_satisfied: 'Very satisfied',
  somewhat_satisfied: 'Somewhat satisfied',
  somewhat_dissatisfied: 'Somewhat dissatisfied',
  very_dissatisfied: 'Very dissatisfied',
  '5': '5 — highly satisfied',
  '4': '4',
  '3': '3',
  '2': '2',
  '1': '1 — highly dissatisfied',
  [NOT_APPLICABLE]: "Don't know / N.A.",
}

export const isAnswerOf = (scale: NsatScale, answer: string): boolean =>
  (nsatAnswers[scale] as readonly string[]).includes(answer)

/** Who answered: the partner about the program, or a customer about the partner's delivery. */
export const NsatSource = { partner_survey: 'partner_survey', customer_survey: 'customer_survey' } as const
export type NsatSource = (typeof NsatSource)[keyof typeof NsatSource]
export const nsatSources = Object.values(NsatSource) as [NsatSource, ...NsatSource[]]
export const nsatSourceLabel: Record<NsatSource, string> = {
  partner_survey: 'Partner survey',
  customer_survey: 'Customer survey',
}

/** Which answers of each scale count as VSAT and as DSAT; the other valid answers count only in n. */
export type NsatMapping = Record<NsatScale, { vsat: string[]; dsat: string[] }>

export const defaultNsatMapping: NsatMapping = {
  msit4: { vsat: ['very_satisfied'], dsat: ['somewhat_dissatisfied', 'very_dissatisfied'] },
  cpe5: { vsat: ['5'], dsat: ['1', '2'] },
}

export type NsatClass = 'vsat' | 'dsat' | 'neutral' | 'excluded'

export function classify(mapping: NsatMapping, scale: NsatScale, answer: string): NsatClass {
  if (answer === NOT_APPLICABLE || !isAnswerOf(scale, answer)) return 'excluded'
  if (mapping[scale].vsat.includes(answer)) return 'vsat'
  if (mapping[scale].dsat.includes(answer)) return 'dsat'
  return 'neutral'
}

/** Raw counts of valid responses: Σ-able, so a group's NSAT is computed from its summed counts. */
export type NsatCounts = { valid: number; vsat: number; dsat: number }
export const noCounts = (): NsatCounts => ({ valid: 0, vsat: 0, dsat: 0 })
export const addCounts = (a: NsatCounts, b: NsatCounts): NsatCounts => ({
  valid: a.valid + b.valid,
  vsat: a.vsat + b.vsat,
  dsat: a.dsat + b.dsat,
})
export const sumCounts = (list: readonly NsatCounts[]): NsatCounts => list.reduce(addCounts, noCounts())

export function countAnswers(
  mapping: NsatMapping,
  answers: readonly { scale: NsatScale; answer: string }[],
): NsatCounts {
  const c = noCounts()
  for (const a of answers) {
    const k = classify(mapping, a.scale, a.answer)
    if (k === 'excluded') continue
    c.valid++
    if (k === 'vsat') c.vsat++
    if (k === 'dsat') c.dsat++
  }
  return c
}

/**
 * %VSAT − %DSAT + 100, rounded once to the nearest integer (halves up): 0 when every valid answer is DSAT,
 * 200 when every one is VSAT. null without a valid response (shown as "—", never 0).
 */
export function nsat(c: NsatCounts): number | null {
  if (c.valid <= 0) return null
  // (100·(vsat − dsat) + 100·valid) ÷ valid: never negative, so Math.round rounds halves up.
  return Math.round((100 * (c.vsat - c.dsat) + 100 * c.valid) / c.valid)
}

/** Fewer valid responses than the minimum: shown, but marked "low n". */
export const isLowN = (c: NsatCounts, minResponses: number) => c.valid < minResponses

/** On target at or above the target; null without a score. */
export const onTarget = (score: number | null, target: number) => (score === null ? null : score >= target)

/** A period: a month (`2026-03`), a calendar quarter (`2026-Q1`) or a Microsoft fiscal year (`FY2026` = 1 July 2025 – 30 June 2026). */
export type NsatPeriod = { key: string; from: string; to: string }
const FISCAL_YEAR = /^FY(\d{4})$/

export function parseNsatPeriod(key: string): NsatPeriod | null {
  const fy = FISCAL_YEAR.exec(key)
  if (fy) {
    const from = `${Number(fy[1]) - 1}-07-01`
    return { key, from, to: addMonths(from, 12) }
  }
  return parsePeriod(key)
}

/** The fiscal year (starting 1 July) of a day, as a key: 2026-07-15 → `FY2027`. */
export const fiscalYearOf = (day: string) =>
  `FY${Number(day.slice(0, 4)) + (Number(day.slice(5, 7)) >= 7 ? 1 : 0)}`

/** A respondent's identity in the natural key: the e-mail when given, else the name; case and spaces ignored. */
export const respondentKey = (name: string | null | undefined, email: string | null | undefined) =>
  (email?.trim() || name?.trim() || '').toLowerCase().replace(/\s+/g, ' ')
