import { parsePeriod } from './cadence'
import { addMonths } from './periods'

/**
 * The role scorecard (issue 5 item 4, decision 018): the four success factors of the role profile and their
 * quantitative metrics, each computed from Trellis data as Σ numerator ÷ Σ denominator over the partners of
 * an FPM or a region — never an average of percentages. Definitions: docs/metrics.md "Role scorecard".
 */

export const ScorecardFactor = {
  business_transformation: 'business_transformation',
  portfolio_management: 'portfolio_management',
  operational_excellence: 'operational_excellence',
  invest_in_role: 'invest_in_role',
} as const
export type ScorecardFactor = (typeof ScorecardFactor)[keyof typeof ScorecardFactor]
export const scorecardFactors = Object.values(ScorecardFactor) as [ScorecardFactor, ...ScorecardFactor[]]
export const scorecardFactorLabel: Record<ScorecardFactor, string> = {
  business_transformation: 'Business Transformation',
  portfolio_management: 'Portfolio Management',
  operational_excellence: 'Operational Excellence',
  invest_in_role: 'Invest in your role',
}

export const ScorecardMetric = {
  rhythm_in_place: 'rhythm_in_place',
  not_progressing_raised: 'not_progressing_raised',
  adoption_milestone: 'adoption_milestone',
  nsat_partner: 'nsat_partner',
  nsat_customer: 'nsat_customer',
  prm_compliance: 'prm_compliance',
  issue_closure: 'issue_closure',
  cadence_compliance: 'cadence_compliance',
  mandatory_tasks: 'mandatory_tasks',
  insights_spotlights: 'insights_spotlights',
  training_on_time: 'training_on_time',
  learnings_shared: 'learnings_shared',
  development_plan: 'development_plan',
} as const
export type ScorecardMetric = (typeof ScorecardMetric)[keyof typeof ScorecardMetric]
export const scorecardMetrics = Object.values(ScorecardMetric) as [ScorecardMetric, ...ScorecardMetric[]]

/** share: numerator ÷ denominator (0–1); nsat: 0–200 from VSAT/DSAT counts. */
export type MetricUnit = 'share' | 'nsat'

export type MetricDefinition = {
  code: ScorecardMetric
  factor: ScorecardFactor
  name: string
  unit: MetricUnit
  /** `period`: counts what happened in the period (has a trend); `now`: the state today (no trend). */
  basis: 'period' | 'now'
  /** What Trellis would need to compute it, when it cannot (yet): shown instead of a 0. */
  notTracked?: string
  /** The role guide's success metric it measures, word for word. */
  roleGuide: string
}

const BT = 'business_transformation'
const PM = 'portfolio_management'
const OE = 'operational_excellence'
const IR = 'invest_in_role'

export const metricDefinitions: readonly MetricDefinition[] = [
  {
    code: 'rhythm_in_place',
    factor: BT,
    name: 'Stakeholders identified, rhythm in place',
    unit: 'share',
    basis: 'now',
    roleGuide:
      'Stakeholders in partner and Microsoft are identified and business rhythm in place (Sponsor, FRP delivery team).',
  },
  {
    code: 'not_progressing_raised',
    factor: BT,
    name: 'Partners not progressing, raised',
    unit: 'share',
    basis: 'now',
    roleGuide: 'Escalation actions & raise awareness of partners not progressing through transformation.',
  },
  {
    code: 'adoption_milestone',
    factor: PM,
    name: 'Engagements at the top usage milestone',
    unit: 'share',
    basis: 'period',
    roleGuide: 'Achieve program KPI’s and NSAT (partner & customer) at Regional team level.',
  },
  {
    code: 'nsat_partner',
    factor: PM,
    name: 'Partner NSAT',
    unit: 'nsat',
    basis: 'period',
    roleGuide: 'Achieve program KPI’s and NSAT (partner & customer) at Regional team level.',
  },
  {
    code: 'nsat_customer',
    factor: PM,
    name: 'Customer NSAT',
    unit: 'nsat',
    basis: 'period',
    roleGuide: 'Achieve program KPI’s and NSAT (partner & customer) at Regional team level.',
  },
  {
    code: 'prm_compliance',
    factor: PM,
    name: 'Data compliance (PRM updates)',
    unit: 'share',
    basis: 'now',
    roleGuide: 'Compliance in required PRM Updates.',
  },
  {
    code: 'issue_closure',
    factor: PM,
    name: 'Escalations resolved within SLA',
    unit: 'share',
    basis: 'period',
    roleGuide: 'Evidence of closure of issues through effective engagement and conflict resolution.',
  },
  {
    code: 'cadence_compliance',
    factor: PM,
    name: 'ROBs and MBRs held',
    unit: 'share',
    basis: 'period',
    roleGuide: 'Establish and execute regular cadence of MBR and operational meetings.',
  },
  {
    code: 'mandatory_tasks',
    factor: OE,
    name: 'Mandatory tasks complete',
    unit: 'share',
    basis: 'now',
    roleGuide:
      'Evidence of driving partners to complete FTOP including key milestones and mandatory tasks to meet agreed commitments at Regional team level.',
  },
  {
    code: 'insights_spotlights',
    factor: OE,
    name: 'Partners submitting Insights or Spotlights',
    unit: 'share',
    basis: 'period',
    roleGuide: 'Evidence of driving partners to submit Insights & Spotlights.',
  },
  {
    code: 'training_on_time',
    factor: IR,
    name: 'Required training on time',
    unit: 'share',
    basis: 'period',
    notTracked: 'Trellis does not record the FPM’s own trainings, qualifications or certifications yet.',
    roleGuide: 'Complete required training/qualification/certification ON TIME.',
  },
  {
    code: 'learnings_shared',
    factor: IR,
    name: 'Learnings shared with the community',
    unit: 'share',
    basis: 'period',
    notTracked: 'Trellis does not record learnings or trainings shared with the FTC community yet.',
    roleGuide: 'Share learnings/training with the FTC community.',
  },
  {
    code: 'development_plan',
    factor: IR,
    name: 'Personal development plan',
    unit: 'share',
    basis: 'now',
    notTracked: 'Trellis does not hold personal development plans yet.',
    roleGuide: 'Own and drive personal development plan.',
  },
]

export const metricDefinition = (code: ScorecardMetric) => metricDefinitions.find((m) => m.code === code)!

/** A metric's raw totals: numerator over denominator, or NSAT's counts. Summed over partners. */
export type MetricTotals = { numerator: number; denominator: number }

export const addTotals = (a: MetricTotals, b: MetricTotals): MetricTotals => ({
  numerator: a.numerator + b.numerator,
  denominator: a.denominator + b.denominator,
})
export const sumTotals = (list: readonly MetricTotals[]): MetricTotals =>
  list.reduce(addTotals, { numerator: 0, denominator: 0 })

/** numerator ÷ denominator, null when nothing to count. */
export const shareOf = (t: MetricTotals): number | null =>
  t.denominator > 0 ? t.numerator / t.denominator : null

export type MetricStatus = 'on_target' | 'below_target' | 'no_data' | 'not_tracked'

export function statusOf(value: number | null, target: number | null, tracked: boolean): MetricStatus {
  if (!tracked) return 'not_tracked'
  if (value === null) return 'no_data'
  if (target === null) return 'on_target'
  return value >= target - 1e-9 ? 'on_target' : 'below_target'
}

/** The period `key` and the `count − 1` periods of the same kind before it, oldest first. */
export function trendPeriods(key: string, count: number): string[] {
  const p = parsePeriod(key)
  if (!p) return []
  const step = key.includes('Q') ? 3 : 1
  return Array.from({ length: count }, (_, i) => {
    const from = addMonths(p.from, -(count - 1 - i) * step)
    if (step === 1) return from.slice(0, 7)
    return `${from.slice(0, 4)}-Q${Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1}`
  })
}

/** The dated setting (settings.scorecard) that holds each metric's target; cadence and NSAT have their own. */
export const targetSettingMetric = {
  rhythmInPlace: 'rhythm_in_place',
  notProgressingRaised: 'not_progressing_raised',
  adoptionMilestone: 'adoption_milestone',
  prmCompliance: 'prm_compliance',
  issueClosure: 'issue_closure',
  mandatoryTasks: 'mandatory_tasks',
  insightsSpotlights: 'insights_spotlights',
} as const satisfies Record<string, ScorecardMetric>
export type TargetSetting = keyof typeof targetSettingMetric
