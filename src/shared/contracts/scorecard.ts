import { z } from 'zod'
import { parsePeriod } from '#shared/domain/cadence'
import { scorecardFactors, scorecardMetrics } from '#shared/domain/scorecard'

const id = z.coerce.number().int().positive()

export const scorecardQuery = z.object({
  /** `YYYY-Qn` (default: the current quarter) or `YYYY-MM`. */
  period: z
    .string()
    .refine((v) => parsePeriod(v) !== null, 'A period is a month (2026-11) or a quarter (2026-Q4)')
    .optional(),
  regionId: id.optional(),
  fpmUserId: id.optional(),
})
export type ScorecardQuery = z.infer<typeof scorecardQuery>

export const metricStatus = z.enum(['on_target', 'below_target', 'no_data', 'not_tracked'])

/** One metric of one group (an FPM, the region) in one period. */
export const metricValue = z.object({
  numerator: z.number(),
  denominator: z.number(),
  /** A share (0–1) or an NSAT (0–200); null when there was nothing to count (or it is not tracked). */
  value: z.number().nullable(),
  status: metricStatus,
  /** Fewer responses than the minimum: shown, but not to be read as a trend (NSAT). */
  lowN: z.boolean(),
})
export type MetricValue = z.infer<typeof metricValue>

export const scorecardMetricInfo = z.object({
  code: z.enum(scorecardMetrics),
  factor: z.enum(scorecardFactors),
  name: z.string(),
  unit: z.enum(['share', 'nsat']),
  basis: z.enum(['period', 'now']),
  definition: z.string(),
  roleGuide: z.string(),
  target: z.number().nullable(),
  /** Why it cannot be computed from Trellis data (yet), when it cannot. */
  notTracked: z.string().nullable(),
})
export type ScorecardMetricInfo = z.infer<typeof scorecardMetricInfo>

export const scorecardGroup = z.object({
  /** The FPM's user id; null for the region row or partners without an FPM. */
  fpmUserId: z.number().int().nullable(),
  name: z.string(),
  partners: z.number().int(),
  /** Per metric: the current period's value and the trend (oldest first, the current period last). */
  metrics: z.record(
    z.enum(scorecardMetrics),
    z.object({
      current: metricValue,
      trend: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
    }),
  ),
})
export type ScorecardGroup = z.infer<typeof scorecardGroup>

export const scorecard = z.object({
  period: z.object({ key: z.string(), from: z.string(), to: z.string() }),
  periods: z.array(z.string()),
  asOf: z.string(),
  metrics: z.array(scorecardMetricInfo),
  fpms: z.array(scorecardGroup),
  /** Every partner in view together: Σ numerators ÷ Σ denominators. */
  total: scorecardGroup,
})
export type Scorecard = z.infer<typeof scorecard>

export const drilldownQuery = scorecardQuery.extend({ metric: z.enum(scorecardMetrics) })
export type DrilldownQuery = z.infer<typeof drilldownQuery>

/** The rows behind one metric: each partner's numerator and denominator, and where to fix it. */
export const scorecardDrilldown = z.object({
  metric: scorecardMetricInfo,
  period: z.string(),
  rows: z.array(
    z.object({
      partnerId: z.number().int(),
      name: z.string(),
      fpmName: z.string().nullable(),
      numerator: z.number(),
      denominator: z.number(),
      value: z.number().nullable(),
      /** The page (path) where the rows behind this number are. */
      link: z.string(),
    }),
  ),
})
export type ScorecardDrilldown = z.infer<typeof scorecardDrilldown>
