import { z } from 'zod'
import { isAnswerOf, nsatScales, nsatSources, parseNsatPeriod } from '#shared/domain/nsat'
import { isoDate, optionalText, pageOf, pageQuery } from './common'

const id = z.coerce.number().int().positive()

export const nsatResponse = z.object({
  id: z.number().int(),
  partnerId: z.number().int(),
  partnerName: z.string(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  customerTpid: z.string().nullable(),
  respondentName: z.string().nullable(),
  respondentEmail: z.string().nullable(),
  respondedOn: isoDate,
  source: z.enum(nsatSources),
  scale: z.enum(nsatScales),
  answer: z.string(),
  comment: z.string().nullable(),
  origin: z.enum(['form', 'import']),
  createdAt: z.string(),
})
export type NsatResponse = z.infer<typeof nsatResponse>
export const nsatResponsePage = pageOf(nsatResponse)

export const nsatResponseListQuery = pageQuery.extend({
  partnerId: id.optional(),
  customerId: id.optional(),
  source: z.enum(nsatSources).optional(),
  /** Responses dated on or after / before (exclusive) these days. */
  from: isoDate.optional(),
  to: isoDate.optional(),
})
export type NsatResponseListQuery = z.infer<typeof nsatResponseListQuery>

export const recordNsatBody = z
  .object({
    respondentName: optionalText(200),
    respondentEmail: z
      .email('Use an e-mail address, e.g. name@example.com')
      .max(320)
      .nullish()
      .or(z.literal('').transform(() => null)),
    customerId: z.number().int().positive().nullish(),
    respondedOn: isoDate,
    source: z.enum(nsatSources, 'Choose partner survey or customer survey'),
    scale: z.enum(nsatScales, 'Choose the 4-point or the 5-point scale'),
    answer: z.string({ error: 'Choose an answer' }).min(1, 'Choose an answer'),
    comment: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (!v.respondentName && !v.respondentEmail)
      ctx.addIssue({
        code: 'custom',
        path: ['respondentName'],
        message: 'Give the respondent’s name or e-mail',
      })
    if (!isAnswerOf(v.scale, v.answer))
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'Not an answer of this scale' })
    if (v.source === 'customer_survey' && !v.customerId)
      ctx.addIssue({
        code: 'custom',
        path: ['customerId'],
        message: 'A customer survey is about a customer: choose it',
      })
  })
export type RecordNsatBody = z.infer<typeof recordNsatBody>

/** Valid responses and how many of them are VSAT and DSAT, with the NSAT they give. */
export const nsatScore = z.object({
  valid: z.number().int(),
  vsat: z.number().int(),
  dsat: z.number().int(),
  /** 0–200, null without a valid response. */
  nsat: z.number().int().nullable(),
  /** Fewer valid responses than the settings' minimum. */
  lowN: z.boolean(),
  /** null without a score. */
  onTarget: z.boolean().nullable(),
})
export type NsatScore = z.infer<typeof nsatScore>
export const nsatPair = z.object({ partner: nsatScore, customer: nsatScore })
export type NsatPair = z.infer<typeof nsatPair>

export const nsatSettings = z.object({ target: z.number().int(), minResponses: z.number().int() })

export const nsatPartnerRow = nsatPair.extend({
  partnerId: z.number().int(),
  name: z.string(),
  regionId: z.number().int().nullable(),
  regionName: z.string().nullable(),
  fpmUserId: z.number().int().nullable(),
  fpmName: z.string().nullable(),
})
export type NsatPartnerRow = z.infer<typeof nsatPartnerRow>
export const nsatRollup = nsatPair.extend({
  id: z.number().int().nullable(),
  name: z.string(),
  partners: z.number().int(),
})
export type NsatRollup = z.infer<typeof nsatRollup>

const periodKey = z
  .string()
  .refine(
    (v) => parseNsatPeriod(v) !== null,
    'Use a month (YYYY-MM), a quarter (YYYY-Qn) or a fiscal year (FY2026), e.g. 2026-Q3',
  )

export const nsatQuery = z.object({
  /** The current fiscal year when left out. */
  period: periodKey.optional(),
  regionId: id.optional(),
  fpmUserId: id.optional(),
})
export type NsatQuery = z.infer<typeof nsatQuery>

export const nsatTrendPoint = nsatPair.extend({ key: z.string(), from: isoDate, to: isoDate })
export type NsatTrendPoint = z.infer<typeof nsatTrendPoint>

export const nsatOverview = z.object({
  period: z.object({ key: z.string(), from: isoDate, to: isoDate }),
  settings: nsatSettings,
  totals: nsatRollup,
  byRegion: z.array(nsatRollup),
  byFpm: z.array(nsatRollup),
  partners: z.array(nsatPartnerRow),
  /** The scope's totals per quarter, the four quarters ending with the period's last one (today's while it runs). */
  trend: z.array(nsatTrendPoint),
})
export type NsatOverview = z.infer<typeof nsatOverview>

export const partnerNsatQuery = z.object({ grain: z.enum(['month', 'quarter']).default('quarter') })
export const partnerNsat = z.object({
  partnerId: z.number().int(),
  settings: nsatSettings,
  /** The last 12 months up to today. */
  current: nsatPair.extend({ from: isoDate, to: isoDate }),
  /** Six quarters or twelve months, oldest first. */
  trend: z.array(nsatTrendPoint),
})
export type PartnerNsat = z.infer<typeof partnerNsat>

export const nsatImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false'),
})
export const nsatImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  unknownColumns: z.array(z.string()),
})
export type NsatImportResult = z.infer<typeof nsatImportResult>
