import { z } from 'zod'
import { offboardingRules, recommendationStatuses } from '#shared/domain/offboarding'
import { partnerStatuses } from '#shared/domain/portfolio'

const id = z.coerce.number().int().positive()

/** One rule that flags a partner, with its evidence in words and the numbers behind them. */
export const offboardingFlag = z.object({
  rule: z.enum(offboardingRules),
  label: z.string(),
  evidence: z.string(),
  facts: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
})
export type OffboardingFlag = z.infer<typeof offboardingFlag>

export const offboardingEvent = z.object({
  fromStatus: z.enum(recommendationStatuses).nullable(),
  toStatus: z.enum(recommendationStatuses),
  comment: z.string().nullable(),
  userName: z.string(),
  at: z.string(),
})

export const offboardingRecommendation = z.object({
  id: z.number().int(),
  partnerId: z.number().int(),
  partnerName: z.string(),
  status: z.enum(recommendationStatuses),
  reason: z.string(),
  /** The flags when it was proposed (kept as they were). */
  flags: z.array(offboardingFlag),
  proposedByName: z.string(),
  proposedAt: z.string(),
  updatedAt: z.string(),
  /** The statuses the caller may move it to now. */
  canMoveTo: z.array(z.enum(recommendationStatuses)),
  events: z.array(offboardingEvent),
})
export type OffboardingRecommendation = z.infer<typeof offboardingRecommendation>

export const offboardingCandidate = z.object({
  partnerId: z.number().int(),
  name: z.string(),
  status: z.enum(partnerStatuses),
  regionName: z.string().nullable(),
  fpmUserId: z.number().int().nullable(),
  fpmName: z.string().nullable(),
  flags: z.array(offboardingFlag),
  /** Its open recommendation, or the newest one. */
  recommendation: offboardingRecommendation.nullable(),
  /** The caller may propose one now (writer on the partner, none open). */
  canPropose: z.boolean(),
})
export type OffboardingCandidate = z.infer<typeof offboardingCandidate>

export const offboardingQuery = z.object({
  regionId: id.optional(),
  fpmUserId: id.optional(),
})
export type OffboardingQuery = z.infer<typeof offboardingQuery>

export const offboardingSettingsOut = z.object({
  noGrowthMonths: z.number().int(),
  overdueMandatoryTasks: z.number().int(),
  unansweredReferrals: z.number().int(),
})

export const offboardingOverview = z.object({
  asOf: z.string(),
  settings: offboardingSettingsOut,
  /** Rules that found no data for any partner of the scope: they flag nobody because nothing is recorded. */
  rulesWithoutData: z.array(z.enum(offboardingRules)),
  /** Flagged partners, or partners with a recommendation in progress, most flags first. */
  partners: z.array(offboardingCandidate),
  /** Live partners checked. */
  checked: z.number().int(),
})
export type OffboardingOverview = z.infer<typeof offboardingOverview>

export const partnerOffboarding = z.object({
  partnerId: z.number().int(),
  asOf: z.string(),
  flags: z.array(offboardingFlag),
  rulesWithoutData: z.array(z.enum(offboardingRules)),
  /** Every recommendation, newest first. */
  recommendations: z.array(offboardingRecommendation),
  /** The caller may propose one now (writer on the partner, none open). */
  canPropose: z.boolean(),
})
export type PartnerOffboarding = z.infer<typeof partnerOffboarding>

export const proposeBody = z.object({
  reason: z.string().trim().min(1, 'Say why you recommend offboarding').max(4000),
})
export type ProposeBody = z.infer<typeof proposeBody>

export const recommendationTransitionBody = z.object({
  to: z.enum(recommendationStatuses),
  comment: z.string().trim().max(4000).optional(),
})
export type RecommendationTransitionBody = z.infer<typeof recommendationTransitionBody>
