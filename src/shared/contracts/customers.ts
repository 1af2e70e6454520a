import { z } from 'zod'
import { intentStatuses, phases, usageSources } from '#shared/domain/portfolio'
import { workloadCodes } from '#shared/domain/workloads'
import { healthBands } from './analytics'
import { isoDate, optionalText, pageOf, pageQuery } from './common'

export const customerSort = ['name', 'tpid', 'seats', 'activePct', 'health', 'updatedAt'] as const

export const customerListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  partnerId: z.coerce.number().int().positive().optional(),
  /** Customers of a partner (primary or engaged) in this region / assigned to this partner manager. */
  regionId: z.coerce.number().int().positive().optional(),
  fpmUserId: z.coerce.number().int().positive().optional(),
  workload: z.enum(workloadCodes).optional(),
  /** Customers with an engagement in this lifecycle phase (with `workload`: on that workload). */
  phase: z.enum(phases).optional(),
  /** The band of the customer's newest health score. */
  band: z.enum(healthBands).optional(),
  eligible: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  archived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.enum(customerSort).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
})
export type CustomerListQuery = z.infer<typeof customerListQuery>

export const customerSummary = z.object({
  id: z.number().int(),
  tpid: z.string(),
  name: z.string(),
  country: z.string().nullable(),
  seats: z.number().int().nullable(),
  eligible: z.boolean(),
  primaryPartnerId: z.number().int().nullable(),
  primaryPartnerName: z.string().nullable(),
  workloads: z.number().int(),
  /** Latest snapshot totals over the customer's workloads. */
  licensedUsers: z.number().int().nullable(),
  activeUsers: z.number().int().nullable(),
  activePct: z.number().nullable(),
  /** Newest health score (0–100) and band; null before the first score. */
  healthScore: z.number().nullable(),
  healthBand: z.enum(healthBands).nullable(),
  archived: z.boolean(),
  updatedAt: z.string(),
})
export type CustomerSummary = z.infer<typeof customerSummary>
export const customerPage = pageOf(customerSummary)

export const usagePoint = z.object({
  asOf: z.string(),
  licensedUsers: z.number().int(),
  activeUsers: z.number().int(),
  source: z.enum(usageSources),
})
export type UsagePoint = z.infer<typeof usagePoint>

export const engagement = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  partnerId: z.number().int(),
  partnerName: z.string(),
  workloadCode: z.enum(workloadCodes),
  intentStatus: z.enum(intentStatuses),
  phase: z.enum(phases),
  claimed: z.boolean(),
  licensedUsers: z.number().int().nullable(),
  activeUsers: z.number().int().nullable(),
  activePct: z.number().nullable(),
  /** Change of active % points since the previous snapshot. */
  activePctDelta: z.number().nullable(),
  usage: z.array(usagePoint),
  archived: z.boolean(),
})
export type Engagement = z.infer<typeof engagement>

export const customerDetail = customerSummary.extend({
  /** Who answers the customer satisfaction survey (opportunity rule "missing survey contact"). */
  surveyContactEmail: z.string().nullable(),
  /** The last success review (opportunity rule "success review overdue"). */
  lastSuccessReviewOn: isoDate.nullable(),
  engagements: z.array(engagement),
  canEdit: z.boolean(),
})
export type CustomerDetail = z.infer<typeof customerDetail>

export const createCustomerBody = z.object({
  tpid: z.string().trim().min(1, 'Enter the TPID').max(40, 'At most 40 characters'),
  name: z.string().trim().min(1, 'Enter the customer name').max(200),
  country: optionalText(80),
  seats: z.number().int().min(0, 'Seats cannot be negative').nullable().default(null),
  primaryPartnerId: z.number().int().positive({ message: 'Choose the partner' }),
  surveyContactEmail: z
    .string()
    .trim()
    .max(200)
    .transform((v) => (v === '' ? null : v))
    .pipe(z.email('Enter an email address').nullable())
    .nullish(),
  lastSuccessReviewOn: isoDate.nullish(),
})
export type CreateCustomerBody = z.input<typeof createCustomerBody>
export const updateCustomerBody = createCustomerBody.partial()

export const engagementBody = z.object({
  partnerId: z.number().int().positive({ message: 'Choose the partner' }),
  workloadCode: z.enum(workloadCodes),
  intentStatus: z.enum(intentStatuses).default('unknown'),
  phase: z.enum(phases).default('initiate'),
  claimed: z.boolean().default(false),
})
export type EngagementBody = z.input<typeof engagementBody>
export const updateEngagementBody = z
  .object({
    intentStatus: z.enum(intentStatuses),
    phase: z.enum(phases),
    claimed: z.boolean(),
    archived: z.boolean(),
  })
  .partial()
