import { z } from 'zod'
import { insightStatuses, insightTypes, spotlightStatuses } from '#shared/domain/insights'
import { workloadCodes } from '#shared/domain/workloads'
import { isoDate, optionalText, pageOf, pageQuery } from './common'

const id = z.coerce.number().int().positive()
const bodyId = (message: string) => z.number({ error: message }).int().positive()
const required = (max: number, message: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, `At most ${max} characters`)

/** Filters shared by the lists, the exports and the counts; `from`/`to` bound the submission date [from, to). */
const registerFilters = z.object({
  partnerId: id.optional(),
  customerId: id.optional(),
  regionId: id.optional(),
  fpmUserId: id.optional(),
  workloadCode: z.enum(workloadCodes).optional(),
  q: z.string().trim().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
})

// ---------- insights ----------
export const insightFilters = registerFilters.extend({
  type: z.enum(insightTypes).optional(),
  status: z.enum(insightStatuses).optional(),
})
export type InsightFilters = z.infer<typeof insightFilters>
export const insightListQuery = insightFilters.extend(pageQuery.shape)
export type InsightListQuery = z.infer<typeof insightListQuery>
export const exportFormat = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') })
export const insightExportQuery = insightFilters.extend(exportFormat.shape)
export type InsightExportQuery = z.infer<typeof insightExportQuery>

export const insight = z.object({
  id: z.number().int(),
  partnerId: z.number().int(),
  partnerName: z.string(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  workloadCode: z.string().nullable(),
  type: z.enum(insightTypes),
  status: z.enum(insightStatuses),
  title: z.string(),
  description: z.string(),
  submittedByName: z.string(),
  submittedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Customers (tenants) that have this need: the raising customer and every +1. */
  plusOnes: z.number().int(),
})
export type Insight = z.infer<typeof insight>
export const insightPage = pageOf(insight)

export const plusOne = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  customerName: z.string(),
  customerTpid: z.string(),
  addedByName: z.string(),
  note: z.string().nullable(),
  addedAt: z.string(),
})
export type PlusOne = z.infer<typeof plusOne>
export const insightDetail = insight.extend({ plusOneList: z.array(plusOne) })
export type InsightDetail = z.infer<typeof insightDetail>

export const createInsightBody = z.object({
  partnerId: bodyId('Choose a partner'),
  customerId: z.number().int().positive().nullish(),
  workloadCode: z.enum(workloadCodes, 'Choose a workload of the catalogue').nullish(),
  type: z.enum(insightTypes, 'Choose a type'),
  title: required(200, 'Give the insight a title'),
  description: required(5000, 'Describe the feedback'),
  /** Submit it straight away (status "submitted") instead of keeping it as "new". */
  submit: z.boolean().optional(),
})
export type CreateInsightBody = z.infer<typeof createInsightBody>

export const patchInsightBody = z
  .object({
    workloadCode: z.enum(workloadCodes, 'Choose a workload of the catalogue').nullish(),
    type: z.enum(insightTypes, 'Choose a type').optional(),
    title: required(200, 'Give the insight a title').optional(),
    description: required(5000, 'Describe the feedback').optional(),
    /** Move along the workflow (new → submitted → acknowledged → addressed / declined). */
    status: z.enum(insightStatuses, 'Choose a status').optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Change at least one field')
export type PatchInsightBody = z.infer<typeof patchInsightBody>

export const addPlusOneBody = z.object({
  customerId: bodyId('Choose a customer'),
  note: optionalText(500),
})
export type AddPlusOneBody = z.infer<typeof addPlusOneBody>

// ---------- spotlights ----------
export const spotlightFilters = registerFilters.extend({ status: z.enum(spotlightStatuses).optional() })
export type SpotlightFilters = z.infer<typeof spotlightFilters>
export const spotlightListQuery = spotlightFilters.extend(pageQuery.shape)
export type SpotlightListQuery = z.infer<typeof spotlightListQuery>
export const spotlightExportQuery = spotlightFilters.extend(exportFormat.shape)
export type SpotlightExportQuery = z.infer<typeof spotlightExportQuery>

export const spotlight = z.object({
  id: z.number().int(),
  partnerId: z.number().int(),
  partnerName: z.string(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  workloadCodes: z.array(z.string()),
  title: z.string(),
  /** Markdown (rendered without raw HTML). */
  situation: z.string(),
  actions: z.string(),
  outcome: z.string(),
  status: z.enum(spotlightStatuses),
  createdByName: z.string(),
  submittedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Spotlight = z.infer<typeof spotlight>
export const spotlightPage = pageOf(spotlight)

const workloadList = z
  .array(z.enum(workloadCodes, 'Choose workloads of the catalogue'))
  .max(20)
  .refine((l) => new Set(l).size === l.length, 'Choose each workload once')
export const createSpotlightBody = z.object({
  partnerId: bodyId('Choose a partner'),
  customerId: z.number().int().positive().nullish(),
  workloadCodes: workloadList.default([]),
  title: required(200, 'Give the story a title'),
  situation: required(10000, 'Describe the situation'),
  actions: required(10000, 'Say what was done'),
  outcome: required(10000, 'Say what the outcome was'),
  submit: z.boolean().optional(),
})
export type CreateSpotlightBody = z.infer<typeof createSpotlightBody>

export const patchSpotlightBody = z
  .object({
    customerId: z.number().int().positive().nullish(),
    workloadCodes: workloadList.optional(),
    title: required(200, 'Give the story a title').optional(),
    situation: required(10000, 'Describe the situation').optional(),
    actions: required(10000, 'Say what was done').optional(),
    outcome: required(10000, 'Say what the outcome was').optional(),
    /** draft → submitted → approved (internally / publicly) or rejected; approvals are a lead's or admin's. */
    status: z.enum(spotlightStatuses, 'Choose a status').optional(),
    decisionNote: optionalText(1000),
  })
  .refine((b) => Object.keys(b).length > 0, 'Change at least one field')
export type PatchSpotlightBody = z.infer<typeof patchSpotlightBody>

// ---------- counts per partner, FPM, region ----------
export const voiceCountsQuery = z.object({
  regionId: id.optional(),
  fpmUserId: id.optional(),
  partnerId: id.optional(),
  /** The period [from, to) by submission date; the last 90 days by default. */
  from: isoDate.optional(),
  to: isoDate.optional(),
})
export type VoiceCountsQuery = z.infer<typeof voiceCountsQuery>

const tallies = {
  insights: z.number().int(),
  spotlights: z.number().int(),
  spotlightsApproved: z.number().int(),
}
export const voiceCounts = z.object({
  from: isoDate,
  to: isoDate,
  partners: z.array(
    z.object({
      partnerId: z.number().int(),
      partnerName: z.string(),
      fpmUserId: z.number().int().nullable(),
      fpmName: z.string().nullable(),
      regionId: z.number().int(),
      regionName: z.string(),
      ...tallies,
    }),
  ),
  fpms: z.array(
    z.object({
      fpmUserId: z.number().int().nullable(),
      fpmName: z.string().nullable(),
      partners: z.number().int(),
      /** Partners with no insight and no spotlight submitted in the period: the ones to drive. */
      partnersWithNone: z.number().int(),
      ...tallies,
    }),
  ),
  regions: z.array(
    z.object({
      regionId: z.number().int(),
      regionName: z.string(),
      partners: z.number().int(),
      partnersWithNone: z.number().int(),
      ...tallies,
    }),
  ),
})
export type VoiceCounts = z.infer<typeof voiceCounts>
