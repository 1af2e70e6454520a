import type { HealthAggregate, HealthBand, HealthFactor, HealthFactorKey } from '#shared/contracts/analytics'
import type { ProgramSettingsValues } from '#shared/contracts/settings'
import { daysBetween } from '#shared/domain/periods'

const clip01 = (x: number) => Math.min(1, Math.max(0, x))
const pct = (x: number) => `${(x * 100).toFixed(1)} %`

export type Health = { score: number; band: HealthBand; factors: HealthFactor[] }

/**
 * Health, 0–100, with every factor explained (docs/metrics.md "Health score"). Pure: the same aggregate
 * and settings give the same answer; the score is exactly the sum of the factors' points.
 * The aggregate comes from SQL for every customer and partner at once (refresh/) or from `aggregate()`.
 */
export function scoreHealth(a: HealthAggregate, settings: ProgramSettingsValues): Health {
  const { weights: w, bands, trendFullScale, freshDays, staleDays } = settings.health
  const milestone = settings.program.adoptionMilestone

  const usage = a.licensed === 0 ? 0 : clip01(a.usageSum / a.licensed)
  const activeShare = a.licensed === 0 ? 0 : a.active / a.licensed
  const delta = a.prevLicensed === 0 ? 0 : a.deltaSum / a.prevLicensed
  const trend = a.measured === 0 ? 0 : a.withPrev === 0 ? 0.5 : clip01(0.5 + delta / trendFullScale)
  const intent = a.n === 0 ? 0 : clip01((a.inProgress - a.blocked) / a.n)
  const age = a.newestAsOf ? Math.max(0, daysBetween(a.newestAsOf, a.referenceDate)) : null
  const freshness = age === null ? 0 : age <= freshDays ? 1 : age <= staleDays ? 0.5 : 0
  const phase = a.n === 0 ? 0 : clip01(a.phaseSum / a.n)

  const factor = (key: HealthFactorKey, value: number, reason: string): HealthFactor => ({
    key,
    value,
    weight: w[key],
    points: w[key] * value,
    reason,
  })
  const factors = [
    factor(
      'usage',
      usage,
      a.licensed === 0
        ? 'No usage data yet'
        : `${pct(activeShare)} of ${a.licensed.toLocaleString('en-US')} licensed users active; each workload earns full points at ${pct(milestone)}`,
    ),
    factor(
      'trend',
      trend,
      a.measured === 0
        ? 'No usage data yet'
        : a.withPrev === 0
          ? 'Only one snapshot: trend counted as neutral'
          : Math.abs(delta) < 0.0005
            ? `Active share unchanged since the previous snapshot; full points at +${(trendFullScale * 100).toFixed(0)} pts`
            : `Active share ${delta >= 0 ? 'up' : 'down'} ${(Math.abs(delta) * 100).toFixed(1)} pts since the previous snapshot; full points at +${(trendFullScale * 100).toFixed(0)} pts`,
    ),
    factor(
      'intent',
      intent,
      a.n === 0
        ? 'No workloads in scope'
        : `${a.inProgress} of ${a.n} workloads in progress, ${a.blocked} blocked`,
    ),
    factor(
      'freshness',
      freshness,
      age === null
        ? 'No usage data'
        : `Newest usage data is ${age} days old at the end of the period (full points up to ${freshDays} days, half up to ${staleDays})`,
    ),
    factor(
      'phase',
      phase,
      a.n === 0
        ? 'No workloads in scope'
        : `Average lifecycle position ${(phase * 100).toFixed(0)} % of the way to Success`,
    ),
  ]
  const score = factors.reduce((s, f) => s + f.points, 0)
  return { score, band: bandOf(score, bands), factors }
}

export function bandOf(score: number, bands: ProgramSettingsValues['health']['bands']): HealthBand {
  return score >= bands.healthy ? 'healthy' : score >= bands.watch ? 'watch' : 'at_risk'
}
