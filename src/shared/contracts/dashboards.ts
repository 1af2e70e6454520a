import { z } from 'zod'
import { healthBands } from './analytics'
import { isoDate } from './common'

/** Filters shared by every dashboard; the actor's row scope always applies on top. */
export const dashboardQuery = z.object({
  regionId: z.coerce.number().int().positive().optional(),
  fpmUserId: z.coerce.number().int().positive().optional(),
  partnerId: z.coerce.number().int().positive().optional(),
  /** "me": the partners assigned to the signed-in user (My portfolio). */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  workload: z.string().trim().min(1).max(20).optional(),
  /** A month (YYYY-MM-01); the newest one with data by default. */
  period: isoDate.optional(),
})
export type DashboardQuery = z.infer<typeof dashboardQuery>

const count = z.number().int()

export const usageTrendPoint = z.object({
  period: isoDate,
  workloadCode: z.string(),
  licensed: z.number(),
  active: z.number(),
  /** active ÷ licensed, 0–1, null without licensed users. */
  share: z.number().nullable(),
})

export const heatCell = z.object({
  partnerId: z.number(),
  workloadCode: z.string(),
  licensed: z.number(),
  share: z.number().nullable(),
  engagements: count,
})

export const partnerRow = z.object({
  partnerId: z.number(),
  name: z.string(),
  fpmName: z.string().nullable(),
  score: z.number().nullable(),
  band: z.enum(healthBands).nullable(),
  /** Score change since the previous period with a score. */
  scoreDelta: z.number().nullable(),
  licensed: z.number(),
  active: z.number(),
  share: z.number().nullable(),
  engagements: count,
  customersAtRisk: count,
})

export const mover = z.object({
  partnerId: z.number(),
  partnerName: z.string(),
  workloadCode: z.string(),
  share: z.number(),
  previousShare: z.number(),
  /** Share points gained (negative: lost) over the span. */
  change: z.number(),
  licensed: z.number(),
})

export const dashboard = z.object({
  period: isoDate.nullable(),
  periods: z.array(isoDate),
  totals: z.object({
    partners: count,
    engagements: count,
    eligible: count,
    claimed: count,
    licensed: z.number(),
    active: z.number(),
    share: z.number().nullable(),
    /** Share change since the previous period (share points). */
    shareDelta: z.number().nullable(),
  }),
  customerBands: z.object({ healthy: count, watch: count, at_risk: count }),
  partnerBands: z.object({ healthy: count, watch: count, at_risk: count }),
  /** Engagements per lifecycle phase in phase order (phases from shared/domain/portfolio). */
  funnel: z.array(z.object({ phase: z.string(), engagements: count })),
  /** Engagements at or above each usage milestone in force for the period. */
  milestones: z.array(z.object({ milestone: z.number(), engagements: count })),
  trend: z.array(usageTrendPoint),
  heatmap: z.object({
    partners: z.array(z.object({ partnerId: z.number(), name: z.string() })),
    workloads: z.array(z.string()),
    cells: z.array(heatCell),
    /** Partners in scope beyond the ones shown (largest by licensed users are shown). */
    more: count,
  }),
  partners: z.array(partnerRow),
  movers: z.object({ up: z.array(mover), down: z.array(mover) }),
})
export type Dashboard = z.infer<typeof dashboard>

export const StandingLabel = { strength: 'strength', weakness: 'weakness', par: 'par' } as const
export type Standing = (typeof StandingLabel)[keyof typeof StandingLabel]

/** One workload of a partner against the region's benchmark in a period. */
export const workloadStanding = z.object({
  workloadCode: z.string(),
  engagements: count,
  licensed: z.number(),
  active: z.number(),
  share: z.number().nullable(),
  /** Median share of the region's partners on this workload. */
  regionMedian: z.number().nullable(),
  /** 0–100: share of the region's partners on this workload with a lower share. */
  percentile: z.number().nullable(),
  peers: count,
  standing: z.enum(['strength', 'weakness', 'par']),
  /** Share points since the previous month and the month three months before, null without data. */
  mom: z.number().nullable(),
  qoq: z.number().nullable(),
  adoptionReached: count,
})
export type WorkloadStanding = z.infer<typeof workloadStanding>

export const partnerAnalytics = z.object({
  period: isoDate.nullable(),
  periods: z.array(isoDate),
  regionName: z.string().nullable(),
  trend: z.array(usageTrendPoint),
  funnel: z.array(z.object({ phase: z.string(), engagements: count })),
  milestones: z.array(z.object({ milestone: z.number(), engagements: count })),
  standings: z.array(workloadStanding),
  customerBands: z.object({ healthy: count, watch: count, at_risk: count }),
})
export type PartnerAnalytics = z.infer<typeof partnerAnalytics>
export const partnerAnalyticsQuery = z.object({ period: isoDate.optional() })
