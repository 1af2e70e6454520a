import { z } from 'zod'
import { partnerStatuses, programs, stakeholderRoles, stakeholderSides } from '#shared/domain/portfolio'
import { workloadCodes } from '#shared/domain/workloads'
import { healthBands } from './analytics'
import { isoDate, optionalText, pageOf, pageQuery } from './common'

export const partnerSort = ['name', 'programId', 'status', 'customers', 'health', 'updatedAt'] as const

export const partnerListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(partnerStatuses).optional(),
  regionId: z.coerce.number().int().positive().optional(),
  fpmUserId: z.coerce.number().int().positive().optional(),
  /** The band of the partner's newest health score. */
  band: z.enum(healthBands).optional(),
  archived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.enum(partnerSort).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
})
export type PartnerListQuery = z.infer<typeof partnerListQuery>

export const partnerSummary = z.object({
  id: z.number().int(),
  programId: z.string(),
  name: z.string(),
  status: z.enum(partnerStatuses),
  program: z.enum(programs),
  regionId: z.number().int().nullable(),
  regionName: z.string().nullable(),
  fpmUserId: z.number().int().nullable(),
  fpmName: z.string().nullable(),
  referralReady: z.boolean(),
  customers: z.number().int(),
  /** Newest health score (0–100) and band; null before the first score. */
  healthScore: z.number().nullable(),
  healthBand: z.enum(healthBands).nullable(),
  archived: z.boolean(),
  updatedAt: z.string(),
})
export type PartnerSummary = z.infer<typeof partnerSummary>
export const partnerPage = pageOf(partnerSummary)

export const stakeholder = z.object({
  id: z.number().int(),
  partnerId: z.number().int(),
  side: z.enum(stakeholderSides),
  role: z.enum(stakeholderRoles),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  title: z.string().nullable(),
  archived: z.boolean(),
})
export type Stakeholder = z.infer<typeof stakeholder>

export const partnerDetail = partnerSummary.extend({
  hqCountry: z.string().nullable(),
  joinedOn: z.string().nullable(),
  website: z.string().nullable(),
  notes: z.string().nullable(),
  endorsedWorkloads: z.array(z.enum(workloadCodes)),
  smeUserIds: z.array(z.number().int()),
  stakeholders: z.array(stakeholder),
  sponsorIdentified: z.boolean(),
  deliveryTeamIdentified: z.boolean(),
  canEdit: z.boolean(),
})
export type PartnerDetail = z.infer<typeof partnerDetail>

const partnerFields = {
  programId: z.string().trim().min(1, 'Enter the partner ID').max(40, 'At most 40 characters'),
  name: z.string().trim().min(1, 'Enter the partner name').max(200),
  status: z.enum(partnerStatuses),
  program: z.enum(programs),
  hqCountry: optionalText(80),
  regionId: z.number().int().positive().nullable(),
  fpmUserId: z.number().int().positive().nullable(),
  referralReady: z.boolean(),
  joinedOn: isoDate.nullish().or(z.literal('').transform(() => null)),
  website: optionalText(300),
  notes: optionalText(4000),
  endorsedWorkloads: z.array(z.enum(workloadCodes)),
  smeUserIds: z.array(z.number().int().positive()),
}

export const createPartnerBody = z.object({
  ...partnerFields,
  status: partnerFields.status.default('onboarding'),
  program: partnerFields.program.default('frp'),
  regionId: partnerFields.regionId.default(null),
  fpmUserId: partnerFields.fpmUserId.default(null),
  referralReady: partnerFields.referralReady.default(false),
  endorsedWorkloads: partnerFields.endorsedWorkloads.default([]),
  smeUserIds: partnerFields.smeUserIds.default([]),
})
export type CreatePartnerBody = z.input<typeof createPartnerBody>
export const updatePartnerBody = z.object(partnerFields).partial()
export type UpdatePartnerBody = z.input<typeof updatePartnerBody>

const stakeholderFields = {
  side: z.enum(stakeholderSides),
  role: z.enum(stakeholderRoles),
  name: z.string().trim().min(1, 'Enter a name').max(200),
  email: z
    .string()
    .trim()
    .email('Enter a valid e-mail address')
    .or(z.literal('').transform(() => null))
    .nullish(),
  phone: optionalText(60),
  title: optionalText(120),
}
export const createStakeholderBody = z.object(stakeholderFields)
export type CreateStakeholderBody = z.input<typeof createStakeholderBody>
export const updateStakeholderBody = z.object(stakeholderFields).partial()
