import { z } from 'zod'
import { referralStatuses } from '#shared/domain/referrals'
import { workloadCodes } from '#shared/domain/workloads'
import { optionalText, pageOf, pageQuery } from './common'

const id = z.coerce.number().int().positive()

export const referralListQuery = pageQuery.extend({
  partnerId: id.optional(),
  status: z.enum(referralStatuses).optional(),
  /** Only the unanswered ones (pending past the answer window of the settings in force today). */
  unanswered: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
})
export type ReferralListQuery = z.infer<typeof referralListQuery>
export const partnerReferralsQuery = referralListQuery.omit({ partnerId: true })
export type PartnerReferralsQuery = z.infer<typeof partnerReferralsQuery>

export const referral = z.object({
  id: z.number().int(),
  partnerId: z.number().int(),
  partnerName: z.string(),
  customerId: z.number().int().nullable(),
  customerTpid: z.string().nullable(),
  customerName: z.string(),
  workloadCodes: z.array(z.string()),
  receivedAt: z.string(),
  status: z.enum(referralStatuses),
  respondedAt: z.string().nullable(),
  note: z.string().nullable(),
  recordedByName: z.string(),
  /** received + the settings' answer window (calendar days): reassigned after it ([PC-REF]). */
  answerDueAt: z.string(),
  /** received + 2 business days: when the partner should have contacted the customer. */
  slaDueAt: z.string(),
  /** Pending past answerDueAt now (or reassigned without an answer). */
  unanswered: z.boolean(),
})
export type Referral = z.infer<typeof referral>
export const referralPage = pageOf(referral).extend({
  answerWithinDays: z.number().int(),
  /** Of the listed filter (before paging): how many are unanswered. */
  unansweredTotal: z.number().int(),
})
export type ReferralPage = z.infer<typeof referralPage>

export const createReferralBody = z
  .object({
    partnerId: z.number({ error: 'Choose a partner' }).int().positive(),
    /** A known customer; or give the TPID and name the referral carries. */
    customerId: z.number().int().positive().nullish(),
    customerTpid: optionalText(40),
    customerName: optionalText(200),
    workloadCodes: z
      .array(z.enum(workloadCodes, 'Choose workloads of the catalogue'))
      .min(1, 'Choose at least one workload')
      .max(20)
      .refine((l) => new Set(l).size === l.length, 'Choose each workload once'),
    receivedAt: z.iso.datetime({ offset: true, error: 'Give the date and time it was received' }),
    note: optionalText(1000),
  })
  .superRefine((b, ctx) => {
    if (!b.customerId && !b.customerName && !b.customerTpid)
      ctx.addIssue({ code: 'custom', path: ['customerName'], message: 'Choose a customer or give its name' })
  })
export type CreateReferralBody = z.infer<typeof createReferralBody>

export const patchReferralBody = z
  .object({
    status: z.enum(referralStatuses, 'Choose a status').optional(),
    /** When the partner answered (or the referral was reassigned); now by default. */
    respondedAt: z.iso.datetime({ offset: true }).optional(),
    note: optionalText(1000),
  })
  .refine((b) => Object.keys(b).length > 0, 'Change at least one field')
export type PatchReferralBody = z.infer<typeof patchReferralBody>
