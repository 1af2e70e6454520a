import { type HealthFactorKey, healthFactorKeys } from '#shared/contracts/analytics'
import {
  type ProgramSettingsValues,
  type SaveSettingsBody,
  saveSettingsBody,
} from '#shared/contracts/settings'
import { addMonths, monthStart } from '#shared/domain/periods'

/** A number input's value: a number, or '' while empty. */
type Num = number | string

/** The form in the units people think in: shares as percentages (40 for 0.4), share changes as points. */
export type SettingsFormValues = {
  effectiveFrom: string
  note: string
  health: {
    weights: Record<HealthFactorKey, Num>
    bands: { healthy: Num; watch: Num }
    trendFullScale: Num
    freshDays: Num
    staleDays: Num
  }
  program: {
    eligibleMinSeats: Num
    milestones: string[]
    adoptionMilestone: Num
    driveUsageBelow: Num
    nearMilestonePts: Num
    stalledDays: Num
    successReviewAt: Num
    successReviewDays: Num
  }
  cadence: { silentWeeks: Num; complianceTarget: Num }
  referrals: { answerWithinDays: Num }
}

/** 0.15 → 15 without floating-point dust. */
export const toPct = (share: number) => Math.round(share * 100 * 1e4) / 1e4
export const fromPct = (pct: Num) => (pct === '' ? Number.NaN : Math.round(Number(pct) * 1e4) / 1e6)
const num = (v: Num) => (v === '' ? Number.NaN : Number(v))

export function toFormValues(
  values: ProgramSettingsValues,
  effectiveFrom: string,
  note: string | null,
): SettingsFormValues {
  const { health: h, program: p, cadence: c } = values
  return {
    effectiveFrom,
    note: note ?? '',
    health: {
      weights: { ...h.weights },
      bands: { ...h.bands },
      trendFullScale: toPct(h.trendFullScale),
      freshDays: h.freshDays,
      staleDays: h.staleDays,
    },
    program: {
      eligibleMinSeats: p.eligibleMinSeats,
      milestones: p.milestones.map((m) => String(toPct(m))),
      adoptionMilestone: toPct(p.adoptionMilestone),
      driveUsageBelow: toPct(p.driveUsageBelow),
      nearMilestonePts: toPct(p.nearMilestonePts),
      stalledDays: p.stalledDays,
      successReviewAt: toPct(p.successReviewAt),
      successReviewDays: p.successReviewDays,
    },
    cadence: { silentWeeks: c.silentWeeks, complianceTarget: toPct(c.complianceTarget) },
    referrals: { answerWithinDays: values.referrals.answerWithinDays },
  }
}

export function toBody(v: SettingsFormValues): SaveSettingsBody {
  const { health: h, program: p } = v
  const note = v.note.trim()
  return {
    values: {
      health: {
        weights: Object.fromEntries(healthFactorKeys.map((k) => [k, num(h.weights[k])])) as Record<
          HealthFactorKey,
          number
        >,
        bands: { healthy: num(h.bands.healthy), watch: num(h.bands.watch) },
        trendFullScale: fromPct(h.trendFullScale),
        freshDays: num(h.freshDays),
        staleDays: num(h.staleDays),
      },
      program: {
        eligibleMinSeats: num(p.eligibleMinSeats),
        milestones: p.milestones.map((m) => fromPct(m.replace(/\s*%$/, ''))),
        adoptionMilestone: fromPct(p.adoptionMilestone),
        driveUsageBelow: fromPct(p.driveUsageBelow),
        nearMilestonePts: fromPct(p.nearMilestonePts),
        stalledDays: num(p.stalledDays),
        successReviewAt: fromPct(p.successReviewAt),
        successReviewDays: num(p.successReviewDays),
      },
      cadence: {
        silentWeeks: num(v.cadence.silentWeeks),
        complianceTarget: fromPct(v.cadence.complianceTarget),
      },
      referrals: { answerWithinDays: num(v.referrals.answerWithinDays) },
    },
    ...(note ? { note } : {}),
  }
}

export const weightSum = (v: SettingsFormValues) =>
  healthFactorKeys.reduce((s, k) => s + (Number(v.health.weights[k]) || 0), 0)

/** Every path an error can be shown at: the inputs, the weights as a whole, the milestone list. */
const fields = new Set([
  'effectiveFrom',
  'note',
  'health.weights',
  ...healthFactorKeys.map((k) => `health.weights.${k}`),
  'health.bands.healthy',
  'health.bands.watch',
  'health.trendFullScale',
  'health.freshDays',
  'health.staleDays',
  'program.eligibleMinSeats',
  'program.milestones',
  'program.adoptionMilestone',
  'program.driveUsageBelow',
  'program.nearMilestonePts',
  'program.stalledDays',
  'program.successReviewAt',
  'program.successReviewDays',
  'cadence.silentWeeks',
  'cadence.complianceTarget',
  'referrals.answerWithinDays',
])

/** The field of an issue path of the request (`values.health.weights.usage` → `health.weights.usage`). */
export function settingsFieldOf(path: readonly PropertyKey[]): string | undefined {
  const rest = path[0] === 'values' ? path.slice(1) : path
  for (let n = rest.length; n > 0; n--) {
    const key = rest.slice(0, n).map(String).join('.')
    if (fields.has(key)) return key
  }
  return undefined
}

/** Validates with the shared contract; every issue lands on its field (or the form's root). */
export function validateSettings(v: SettingsFormValues): Record<string, string> {
  const parsed = saveSettingsBody.safeParse(toBody(v))
  if (parsed.success) return {}
  const errors: Record<string, string> = {}
  for (const issue of parsed.error.issues) errors[settingsFieldOf(issue.path) ?? 'root'] ??= issue.message
  return errors
}

/** The first 1 July after the date's month: the next fiscal year's start. */
export function nextFiscalYearStart(today: string): string {
  const year = Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= 7 ? 1 : 0)
  return `${year}-07-01`
}

/** Months to choose from: two years back to two years ahead, plus the dates already saved. */
export function monthChoices(today: string, saved: string[]): string[] {
  const start = addMonths(monthStart(today), -24)
  const months = new Set(Array.from({ length: 49 }, (_, i) => addMonths(start, i)))
  for (const d of saved) months.add(d)
  return [...months].sort()
}
