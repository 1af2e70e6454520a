import { z } from 'zod'
import { isoDate } from './common'

export const HealthBand = { healthy: 'healthy', watch: 'watch', at_risk: 'at_risk' } as const
export type HealthBand = (typeof HealthBand)[keyof typeof HealthBand]
export const healthBands = Object.values(HealthBand) as [HealthBand, ...HealthBand[]]
export const healthBandLabel: Record<HealthBand, string> = {
  healthy: 'Healthy',
  watch: 'Watch',
  at_risk: 'At risk',
}

export const healthFactorKeys = ['usage', 'trend', 'intent', 'freshness', 'phase'] as const
export type HealthFactorKey = (typeof healthFactorKeys)[number]
export const healthFactorLabel: Record<HealthFactorKey, string> = {
  usage: 'Active usage vs the adoption milestone',
  trend: 'Usage trend',
  intent: 'Intent mix',
  freshness: 'Data freshness',
  phase: 'Lifecycle phase',
}

/** The sums a health score is computed from (see analytics/health/aggregate.ts for their definition). */
export const healthAggregate = z.object({
  n: z.number(),
  inProgress: z.number(),
  blocked: z.number(),
  phaseSum: z.number(),
  measured: z.number(),
  licensed: z.number(),
  active: z.number(),
  usageSum: z.number(),
  withPrev: z.number(),
  prevLicensed: z.number(),
  deltaSum: z.number(),
  newestAsOf: isoDate.nullable(),
  referenceDate: isoDate,
})
export type HealthAggregate = z.infer<typeof healthAggregate>

export const healthFactor = z.object({
  key: z.enum(healthFactorKeys),
  /** 0–1: how well the subject does on this factor. */
  value: z.number(),
  weight: z.number(),
  /** weight × value: what the factor adds to the score. */
  points: z.number(),
  reason: z.string(),
})
export type HealthFactor = z.infer<typeof healthFactor>

export const healthPoint = z.object({ period: isoDate, score: z.number(), band: z.enum(healthBands) })
export type HealthPoint = z.infer<typeof healthPoint>

/** One row behind a score: an engagement with the snapshots the score used. */
export const healthRow = z.object({
  engagementId: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  partnerId: z.number(),
  partnerName: z.string(),
  workloadCode: z.string(),
  intentStatus: z.string(),
  phase: z.string(),
  latestAsOf: isoDate.nullable(),
  licensed: z.number().nullable(),
  active: z.number().nullable(),
  previousAsOf: isoDate.nullable(),
  previousLicensed: z.number().nullable(),
  previousActive: z.number().nullable(),
})
export type HealthRow = z.infer<typeof healthRow>

export const healthExplanation = z.object({
  period: isoDate,
  score: z.number(),
  band: z.enum(healthBands),
  settingsFrom: isoDate.nullable(),
  computedAt: z.string(),
  factors: z.array(healthFactor),
  inputs: healthAggregate,
})
export type HealthExplanation = z.infer<typeof healthExplanation>

export const healthQuery = z.object({ period: isoDate.optional() })

export const subjectHealth = z.object({
  /** The explanation of the chosen period (the newest by default), or null before the first score. */
  current: healthExplanation.nullable(),
  history: z.array(healthPoint),
  /** The engagements behind the score (for a partner: its lowest-scoring customers' engagements first). */
  rows: z.array(healthRow),
  rowsTotal: z.number(),
})
export type SubjectHealth = z.infer<typeof subjectHealth>
