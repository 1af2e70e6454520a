import { z } from 'zod'
import { isoDate as dateString } from './common'

/** The most usage milestones a program can set (the rollups keep a count per milestone). */
export const MAX_MILESTONES = 6

const share = z.number().min(0).max(1)
const weight = z.number().min(0).max(100)

/**
 * Program parameters and score settings of one period. A set takes effect on its date (usually the first
 * day of a fiscal year) and stays in force until the next set's date. Nothing here is a constant in code:
 * scores and rules read the set in force for the period they compute (docs/metrics.md).
 */
export const programSettingsValues = z
  .object({
    health: z.object({
      /** Points each factor can give; they add up to 100. */
      weights: z.object({ usage: weight, trend: weight, intent: weight, freshness: weight, phase: weight }),
      /** Band thresholds: score ≥ healthy is healthy, ≥ watch is watch, below is at risk. */
      bands: z.object({ healthy: z.number().min(0).max(100), watch: z.number().min(0).max(100) }),
      /** Active-share change (in share points) that moves the trend factor from neutral to full. */
      trendFullScale: z.number().gt(0).max(1),
      /** Usage data up to this many days behind the newest data earns full freshness, up to staleDays half. */
      freshDays: z.number().int().min(0).max(365),
      staleDays: z.number().int().min(0).max(730),
    }),
    program: z.object({
      /** Paid seats from which a customer is eligible for FastTrack (domain.md §1). */
      eligibleMinSeats: z.number().int().min(1),
      /** Active-usage milestones as shares of licensed users, ascending (10 %, 15 %, 40 %). */
      milestones: z.array(share).min(1).max(MAX_MILESTONES),
      /** The adoption milestone: the usage factor gives full points at this active share. */
      adoptionMilestone: share,
      /** Referral threshold: below this active share an eligible, endorsed workload is worth driving. */
      driveUsageBelow: share,
      /** Within this many share points below a milestone counts as "close to the milestone". */
      nearMilestonePts: share,
      /** An engagement in progress in the same phase this many days or more is stalled. */
      stalledDays: z.number().int().min(1).max(730),
      /** A success review is due once every workload of a customer reaches this share, and overdue after successReviewDays. */
      successReviewAt: share,
      successReviewDays: z.number().int().min(1).max(730),
    }),
    /** Business rhythm (decision 012); sets saved before it existed read the defaults. */
    cadence: z
      .object({
        /** A partner with no ROB or MBR held in this many weeks has no business rhythm in place. */
        silentWeeks: z.number().int().min(1).max(52),
        /** Compliance at or above this share is on target. */
        complianceTarget: share,
      })
      .default({ silentWeeks: 6, complianceTarget: 0.8 }),
    /** Referrals (decision 016); sets saved before it existed read the defaults. */
    referrals: z
      .object({
        /** A referral still pending this many days after it was received is unanswered ([PC-REF]: 7). */
        answerWithinDays: z.number().int().min(1).max(90),
      })
      .default({ answerWithinDays: 7 }),
  })
  .superRefine((v, ctx) => {
    const w = v.health.weights
    const sum = w.usage + w.trend + w.intent + w.freshness + w.phase
    if (Math.abs(sum - 100) > 1e-6)
      ctx.addIssue({
        code: 'custom',
        path: ['health', 'weights'],
        message: `The weights add up to ${sum}; they must add up to 100`,
      })
    if (v.health.bands.watch > v.health.bands.healthy)
      ctx.addIssue({
        code: 'custom',
        path: ['health', 'bands', 'watch'],
        message: 'The watch threshold must not be above the healthy threshold',
      })
    if (v.health.staleDays < v.health.freshDays)
      ctx.addIssue({
        code: 'custom',
        path: ['health', 'staleDays'],
        message: 'Stale days must be at least fresh days',
      })
    const m = v.program.milestones
    if (m.some((x, i) => i > 0 && x <= m[i - 1]!))
      ctx.addIssue({
        code: 'custom',
        path: ['program', 'milestones'],
        message: 'Milestones must be ascending',
      })
  })
export type ProgramSettingsValues = z.infer<typeof programSettingsValues>

/** The defaults of a program year (domain.md §6.1, §6.7; FY starts 1 July). */
export const defaultProgramSettings: ProgramSettingsValues = {
  health: {
    weights: { usage: 50, trend: 15, intent: 15, freshness: 10, phase: 10 },
    bands: { healthy: 70, watch: 40 },
    trendFullScale: 0.1,
    freshDays: 35,
    staleDays: 65,
  },
  program: {
    eligibleMinSeats: 150,
    milestones: [0.1, 0.15, 0.4],
    adoptionMilestone: 0.4,
    driveUsageBelow: 0.2,
    nearMilestonePts: 0.03,
    stalledDays: 60,
    successReviewAt: 0.1,
    successReviewDays: 90,
  },
  cadence: { silentWeeks: 6, complianceTarget: 0.8 },
  referrals: { answerWithinDays: 7 },
}

export const settingsVersion = z.object({
  effectiveFrom: dateString,
  /** The last day this set is in force, or null while it is the newest. */
  effectiveTo: dateString.nullable(),
  values: programSettingsValues,
  note: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
  /** True for the built-in defaults that apply before the first saved set. */
  builtIn: z.boolean(),
})
export type SettingsVersion = z.infer<typeof settingsVersion>

export const settingsList = z.object({ versions: z.array(settingsVersion) })
export const settingsInForceQuery = z.object({ date: dateString.optional() })
export const effectiveFromParam = z.object({ effectiveFrom: dateString })
export const saveSettingsBody = z.object({
  values: programSettingsValues,
  note: z.string().trim().max(500).optional(),
})
export type SaveSettingsBody = z.infer<typeof saveSettingsBody>
