import { type HealthFactorKey, healthFactorKeys } from '#shared/contracts/analytics'
import {
  defaultProgramSettings,
  type ProgramSettingsValues,
  type SaveSettingsBody,
  type ScorecardTargets,
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
  offboarding: { noGrowthMonths: Num; overdueMandatoryTasks: Num; unansweredReferrals: Num }
  scorecard: Record<keyof ScorecardTargets, Num>
  tasks: { phaseGraceDays: Num }
  nsat: {
    target: Num
    minResponses: Num
    mapping: Record<'msit4' | 'cpe5', { vsat: string[]; dsat: string[] }>
  }
  compliance: ComplianceForm
  referrals: { answerWithinDays: Num }
}

export const scorecardTargetKeys = Object.keys(defaultProgramSettings.scorecard) as (keyof ScorecardTargets)[]
const mapTargets = <A, B>(t: Record<keyof ScorecardTargets, A>, f: (a: A) => B) =>
  Object.fromEntries(scorecardTargetKeys.map((k) => [k, f(t[k])])) as Record<keyof ScorecardTargets, B>

/** Data compliance checks (decision 015): on/off and days; the target as a percentage. */
type DaysCheckForm = { enabled: boolean; days: Num }
type ComplianceForm = {
  notes: DaysCheckForm
  stakeholders: { enabled: boolean }
  nextMeeting: DaysCheckForm
  usage: DaysCheckForm
  escalations: DaysCheckForm
  target: Num
}
const complianceDayChecks = ['notes', 'nextMeeting', 'usage', 'escalations'] as const

/** 0.15 → 15 without floating-point dust. */
export const toPct = (share: number) => Math.round(share * 100 * 1e4) / 1e4
export const fromPct = (pct: Num) => (pct === '' ? Number.NaN : Math.round(Number(pct) * 1e4) / 1e6)
const num = (v: Num) => (v === '' ? Number.NaN : Number(v))

export function toFormValues(
  values: ProgramSettingsValues,
  effectiveFrom: string,
  note: string | null,
): SettingsFormValues {
  const { health: h, program: p, cadence: c, offboarding: o, scorecard: sc, nsat: ns } = values
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
    offboarding: { ...o },
    scorecard: mapTargets(sc, toPct),
    tasks: { phaseGraceDays: values.tasks.phaseGraceDays },
    nsat: {
      target: ns.target,
      minResponses: ns.minResponses,
      mapping: {
        msit4: { vsat: [...ns.mapping.msit4.vsat], dsat: [...ns.mapping.msit4.dsat] },
        cpe5: { vsat: [...ns.mapping.cpe5.vsat], dsat: [...ns.mapping.cpe5.dsat] },
      },
    },
    compliance: {
      notes: { ...values.compliance.notes },
      stakeholders: { ...values.compliance.stakeholders },
      nextMeeting: { ...values.compliance.nextMeeting },
      usage: { ...values.compliance.usage },
      escalations: { ...values.compliance.escalations },
      target: toPct(values.compliance.target),
    },
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
      offboarding: {
        noGrowthMonths: num(v.offboarding.noGrowthMonths),
        overdueMandatoryTasks: num(v.offboarding.overdueMandatoryTasks),
        unansweredReferrals: num(v.offboarding.unansweredReferrals),
      },
      scorecard: mapTargets(v.scorecard, fromPct),
      tasks: { phaseGraceDays: num(v.tasks.phaseGraceDays) },
      nsat: { target: num(v.nsat.target), minResponses: num(v.nsat.minResponses), mapping: v.nsat.mapping },
      compliance: {
        ...(Object.fromEntries(
          complianceDayChecks.map((k) => [
            k,
            { enabled: v.compliance[k].enabled, days: num(v.compliance[k].days) },
          ]),
        ) as Record<(typeof complianceDayChecks)[number], { enabled: boolean; days: number }>),
        stakeholders: { enabled: v.compliance.stakeholders.enabled },
        target: fromPct(v.compliance.target),
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
  'offboarding.noGrowthMonths',
  'offboarding.overdueMandatoryTasks',
  'offboarding.unansweredReferrals',
  ...scorecardTargetKeys.map((k) => `scorecard.${k}`),
  'tasks.phaseGraceDays',
  'nsat.target',
  'nsat.minResponses',
  'nsat.mapping.msit4.vsat',
  'nsat.mapping.msit4.dsat',
  'nsat.mapping.cpe5.vsat',
  'nsat.mapping.cpe5.dsat',
  ...complianceDayChecks.map((k) => `compliance.${k}.days`),
  'compliance.target',
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
