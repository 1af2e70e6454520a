import type { IntentStatus, Phase } from '#shared/domain/portfolio'
import { phases } from '#shared/domain/portfolio'
import type { HealthParams } from './params'

/** One engagement of the customer as the score sees it: its latest two snapshots and its state. */
export type HealthInput = {
  engagementId: number
  workloadCode: string
  intentStatus: IntentStatus
  phase: Phase
  latest: { asOf: string; licensed: number; active: number } | null
  previous: { asOf: string; licensed: number; active: number } | null
}

export type FactorKey = keyof HealthParams['weights']
export type Factor = {
  key: FactorKey
  /** 0–1: how well the customer does on this factor. */
  value: number
  weight: number
  /** weight × value: what the factor adds to the score. */
  points: number
  /** Plain-language reason, with the numbers behind it. */
  reason: string
  /** The engagements the factor was computed from (the rows behind it). */
  engagementIds: number[]
}
export type Band = 'healthy' | 'watch' | 'at_risk'
export type Health = { score: number; band: Band; factors: Factor[] }

const clip01 = (x: number) => Math.min(1, Math.max(0, x))
const pct = (x: number) => `${(x * 100).toFixed(1)} %`
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000)

/**
 * Customer health, 0–100, with every factor explained. Pure: same inputs, same answer.
 * In scope: engagements not marked duplicate. The score is the sum of the factors' points.
 */
export function customerHealth(engagements: HealthInput[], today: string, params: HealthParams): Health {
  const inScope = engagements.filter((e) => e.intentStatus !== 'duplicate')
  const ids = inScope.map((e) => e.engagementId)
  const measured = inScope.filter((e) => e.latest && e.latest.licensed > 0)
  const w = params.weights

  // Usage: licence-weighted active share against the milestone, each workload capped at the milestone.
  const licensed = measured.reduce((s, e) => s + e.latest!.licensed, 0)
  const usageValue =
    licensed === 0
      ? 0
      : measured.reduce(
          (s, e) =>
            s + e.latest!.licensed * clip01(e.latest!.active / e.latest!.licensed / params.usageMilestone),
          0,
        ) / licensed
  const activeShare = licensed === 0 ? 0 : measured.reduce((s, e) => s + e.latest!.active, 0) / licensed

  // Trend: licence-weighted change of the active share between the last two snapshots.
  const withPrev = measured.filter((e) => e.previous && e.previous.licensed > 0)
  const prevLicensed = withPrev.reduce((s, e) => s + e.latest!.licensed, 0)
  const delta =
    prevLicensed === 0
      ? 0
      : withPrev.reduce(
          (s, e) =>
            s +
            e.latest!.licensed *
              (e.latest!.active / e.latest!.licensed - e.previous!.active / e.previous!.licensed),
          0,
        ) / prevLicensed
  const trendValue =
    measured.length === 0 ? 0 : withPrev.length === 0 ? 0.5 : clip01(0.5 + delta / params.trendFullScale)

  // Intent: share in progress, minus the share blocked.
  const inProgress = inScope.filter((e) => e.intentStatus === 'in_progress').length
  const blocked = inScope.filter((e) => e.intentStatus === 'blocked').length
  const intentValue = inScope.length === 0 ? 0 : clip01((inProgress - blocked) / inScope.length)

  // Freshness: age of the newest snapshot.
  const newest = measured
    .map((e) => e.latest!.asOf)
    .sort()
    .at(-1)
  const age = newest ? daysBetween(newest, today) : null
  const freshnessValue = age === null ? 0 : age <= params.freshDays ? 1 : age <= params.staleDays ? 0.5 : 0

  // Phase: how far along the FastTrack lifecycle the engagements are, on average.
  const phaseValue =
    inScope.length === 0
      ? 0
      : inScope.reduce((s, e) => s + phases.indexOf(e.phase) / (phases.length - 1), 0) / inScope.length

  const factor = (key: FactorKey, value: number, reason: string, rows: number[]): Factor => ({
    key,
    value,
    weight: w[key],
    points: w[key] * value,
    reason,
    engagementIds: rows,
  })
  const factors: Factor[] = [
    factor(
      'usage',
      usageValue,
      licensed === 0
        ? 'No usage data yet'
        : `${pct(activeShare)} of ${licensed} licensed users active; full points at ${pct(params.usageMilestone)} per workload`,
      measured.map((e) => e.engagementId),
    ),
    factor(
      'trend',
      trendValue,
      measured.length === 0
        ? 'No usage data yet'
        : withPrev.length === 0
          ? 'Only one snapshot: trend neutral'
          : `Active share ${delta >= 0 ? 'up' : 'down'} ${(Math.abs(delta) * 100).toFixed(1)} pts since the previous snapshot`,
      withPrev.map((e) => e.engagementId),
    ),
    factor(
      'intent',
      intentValue,
      `${inProgress} of ${inScope.length} workloads in progress, ${blocked} blocked`,
      ids,
    ),
    factor(
      'freshness',
      freshnessValue,
      age === null ? 'No usage data' : `Newest usage data is ${age} days old`,
      measured.map((e) => e.engagementId),
    ),
    factor(
      'phase',
      phaseValue,
      `Average lifecycle position ${(phaseValue * 100).toFixed(0)} % of the way to Success`,
      ids,
    ),
  ]
  const score = factors.reduce((s, f) => s + f.points, 0)
  const band: Band =
    score >= params.bands.healthy ? 'healthy' : score >= params.bands.watch ? 'watch' : 'at_risk'
  return { score, band, factors }
}
