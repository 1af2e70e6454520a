import { z } from 'zod'
import { defaultNsatMapping, isAnswerOf, NOT_APPLICABLE, nsatScales } from '#shared/domain/nsat'
import { isoDate as dateString } from './common'

/** The most usage milestones a program can set (the rollups keep a count per milestone). */
export const MAX_MILESTONES = 6

const share = z.number().min(0).max(1)

/** Default scorecard targets (proposals, decision 018): a lead sets the region's own. */
const scorecardTargetDefaults = {
  rhythmInPlace: 0.8,
  notProgressingRaised: 1,
  adoptionMilestone: 0.3,
  prmCompliance: 0.9,
  issueClosure: 0.8,
  mandatoryTasks: 0.9,
  insightsSpotlights: 0.5,
}
const weight = z.number().min(0).max(100)
const daysCheck = z.object({ enabled: z.boolean(), days: z.number().int().min(1).max(366) })
const defaultCompliance = {
  notes: { enabled: true, days: 14 },
  stakeholders: { enabled: true },
  nextMeeting: { enabled: true, days: 35 },
  usage: { enabled: true, days: 31 },
  escalations: { enabled: true, days: 7 },
  target: 0.9,
}

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
    /** Offboarding rules (decision 017); sets saved before it existed read the defaults. */
    offboarding: z
      .object({
        /** No growth of active users over this many months flags a partner. */
        noGrowthMonths: z.number().int().min(1).max(24),
        /** Flag from this many overdue mandatory tasks. */
        overdueMandatoryTasks: z.number().int().min(1).max(1000),
        /** Flag from this many referrals left unanswered. */
        unansweredReferrals: z.number().int().min(1).max(1000),
      })
      .default({ noGrowthMonths: 6, overdueMandatoryTasks: 1, unansweredReferrals: 1 }),
    /** Role scorecard targets (decision 018), shares; sets saved before it existed read the defaults. */
    scorecard: z
      .object({
        rhythmInPlace: share,
        notProgressingRaised: share,
        adoptionMilestone: share,
        prmCompliance: share,
        issueClosure: share,
        mandatoryTasks: share,
        insightsSpotlights: share,
      })
      .default(scorecardTargetDefaults),
    /** Milestones and tasks (decision 014); sets saved before it existed read the defaults. */
    tasks: z
      .object({
        /** A phase task is expected this many days after the engagement entered the task's phase. */
        phaseGraceDays: z.number().int().min(0).max(365),
      })
      .default({ phaseGraceDays: 30 }),
    /** NSAT (decision 013); sets saved before it existed read the defaults. */
    nsat: z
      .object({
        /** Per scale, the answers that count as VSAT and as DSAT (the other valid answers count only in n). */
        mapping: z.object({
          msit4: z.object({ vsat: z.array(z.string()), dsat: z.array(z.string()) }),
          cpe5: z.object({ vsat: z.array(z.string()), dsat: z.array(z.string()) }),
        }),
        /** NSAT (0–200) at or above this is on target. */
        target: z.number().int().min(0).max(200),
        /** A period with fewer valid responses is shown but marked "low n". */
        minResponses: z.number().int().min(1).max(1000),
      })
      .default({ mapping: defaultNsatMapping, target: 100, minResponses: 5 }),
    /** Data compliance checks (decision 015): each on or off, with its days; sets saved before it read the defaults. */
    compliance: z
      .object({
        /** A live partner's newest engagement note (touchpoint, or minutes of a held meeting) is at most this old. */
        notes: daysCheck,
        /** A live partner has an active partner-side sponsor and delivery lead. */
        stakeholders: z.object({ enabled: z.boolean() }),
        /** A live partner has a ROB or MBR (not cancelled) within this many days from now. */
        nextMeeting: daysCheck,
        /** Each customer of a live partner has usage data at most this old. */
        usage: daysCheck,
        /** Each open escalation has an update at most this old. */
        escalations: daysCheck,
        /** Compliance at or above this share is on target. */
        target: share,
      })
      .default(defaultCompliance),
    /** Referrals (decision 016); sets saved before it existed read the defaults. */
    referrals: z
      .object({
        /** A referral still pending this many days after it was received is unanswered ([PC-REF]: 7). */
        answerWithinDays: z.number().int().min(1).max(90),
      })
      .default({ answerWithinDays: 7 }),
  })
  .superRefine((v, ctx) => {
    for (const scale of nsatScales) {
      const m = v.nsat.mapping[scale]
      for (const side of ['vsat', 'dsat'] as const)
        for (const a of m[side])
          if (a === NOT_APPLICABLE || !isAnswerOf(scale, a))
            ctx.addIssue({
              code: 'custom',
              path: ['nsat', 'mapping', scale, side],
              message: `"${a}" is not a counted answer of this scale`,
            })
      if (m.vsat.some((a) => m.dsat.includes(a)))
        ctx.addIssue({
          code: 'custom',
          path: ['nsat', 'mapping', scale, 'dsat'],
          message: 'An answer cannot count as both VSAT and DSAT',
        })
    }
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
export type OffboardingSettings = ProgramSettingsValues['offboarding']
export type ScorecardTargets = ProgramSettingsValues['scorecard']

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
  offboarding: { noGrowthMonths: 6, overdueMandatoryTasks: 1, unansweredReferrals: 1 },
  scorecard: scorecardTargetDefaults,
  tasks: { phaseGraceDays: 30 },
  nsat: { mapping: defaultNsatMapping, target: 100, minResponses: 5 },
  compliance: defaultCompliance,
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
