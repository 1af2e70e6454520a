import { z } from 'zod'
import {
  escalationCategories,
  escalationStatuses,
  escalationTargets,
  severities,
  slaStates,
} from '#shared/domain/escalations'
import { workloadCodes } from '#shared/domain/workloads'
import { isoDate, optionalText, pageOf, pageQuery } from './common'

const id = z.coerce.number().int().positive()

export const escalationListQuery = pageQuery.extend({
  /** active = open or in progress. */
  status: z.enum([...escalationStatuses, 'active', 'all']).default('all'),
  severity: z.enum(severities).optional(),
  category: z.enum(escalationCategories).optional(),
  partnerId: id.optional(),
  customerId: id.optional(),
  /** `me`: owned by the caller. */
  owner: z.literal('me').optional(),
  /** breached, or at risk (at risk excludes breached). */
  sla: z.enum(['breached', 'at_risk']).optional(),
})
export type EscalationListQuery = z.infer<typeof escalationListQuery>

export const slaInfo = z.object({
  hours: z.number(),
  dueAt: z.string(),
  /** Elapsed time over the SLA (0–1+); stops at resolution. */
  elapsedShare: z.number(),
  state: z.enum(slaStates),
})

export const escalation = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  severity: z.enum(severities),
  category: z.enum(escalationCategories),
  status: z.enum(escalationStatuses),
  partnerId: z.number().int(),
  partnerName: z.string(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  workloadCode: z.string().nullable(),
  ownerUserId: z.number().int(),
  ownerName: z.string(),
  raisedBy: z.number().int(),
  raisedByName: z.string(),
  raisedAt: z.string(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closureEvidence: z.string().nullable(),
  closureLink: z.string().nullable(),
  escalatedTo: z.enum(escalationTargets).nullable(),
  sla: slaInfo,
  /** The caller may edit, transition and escalate it. */
  canEdit: z.boolean(),
})
export type Escalation = z.infer<typeof escalation>
export const escalationPage = pageOf(escalation)

export const escalationEvent = z.object({
  id: z.number().int(),
  kind: z.enum(['raised', 'status', 'escalated', 'edited']),
  fromStatus: z.enum(escalationStatuses).nullable(),
  toStatus: z.enum(escalationStatuses).nullable(),
  target: z.enum(escalationTargets).nullable(),
  note: z.string().nullable(),
  evidence: z.string().nullable(),
  link: z.string().nullable(),
  userName: z.string().nullable(),
  createdAt: z.string(),
})
export type EscalationEvent = z.infer<typeof escalationEvent>
export const escalationDetail = escalation.extend({ timeline: z.array(escalationEvent) })
export type EscalationDetail = z.infer<typeof escalationDetail>

const title = z.string().trim().min(1, 'Give the escalation a title').max(200, 'At most 200 characters')

export const createEscalationBody = z.object({
  title,
  description: optionalText(5000),
  severity: z.enum(severities, 'Choose a severity'),
  category: z.enum(escalationCategories, 'Choose a category'),
  partnerId: z.number({ error: 'Choose a partner' }).int().positive('Choose a partner'),
  customerId: z.number().int().positive().nullish(),
  workloadCode: z.enum(workloadCodes).nullish(),
  /** The owner; the caller by default. */
  ownerUserId: z.number().int().positive().nullish(),
})
export type CreateEscalationBody = z.infer<typeof createEscalationBody>

export const updateEscalationBody = z
  .object({
    title,
    description: optionalText(5000),
    severity: z.enum(severities),
    category: z.enum(escalationCategories),
    customerId: z.number().int().positive().nullable(),
    workloadCode: z.enum(workloadCodes).nullable(),
    ownerUserId: z.number().int().positive(),
  })
  .partial()
export type UpdateEscalationBody = z.infer<typeof updateEscalationBody>

/** A status change; closing needs `evidence` (what was done) and `link` (an http(s) URL), checked by the service. */
export const transitionBody = z.object({
  status: z.enum(escalationStatuses),
  note: optionalText(2000),
  evidence: z.string().trim().max(5000).nullish(),
  link: z.string().trim().max(2000).nullish(),
})
export type TransitionBody = z.infer<typeof transitionBody>

export const escalateBody = z.object({
  target: z.enum(escalationTargets, 'Choose where to escalate'),
  note: z.string().trim().min(1, 'Say why and what is needed').max(2000),
})
export type EscalateBody = z.infer<typeof escalateBody>

export const slaSetting = z.object({
  severity: z.enum(severities),
  hours: z.number().int(),
  builtIn: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
})
export const slaSettings = z.object({ items: z.array(slaSetting) })
export const saveSlaBody = z.object({
  hours: z.object(
    Object.fromEntries(
      severities.map((s) => [
        s,
        z
          .number()
          .int()
          .min(1, 'At least 1 hour')
          .max(24 * 365, 'At most a year'),
      ]),
    ) as Record<(typeof severities)[number], z.ZodNumber>,
  ),
})
export type SaveSlaBody = z.infer<typeof saveSlaBody>

/** Report filters: a period (resolutions in it) and the scope (partner, FPM, region), within the caller's. */
export const escalationReportQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  partnerId: id.optional(),
  fpmUserId: id.optional(),
  regionId: id.optional(),
})
export type EscalationReportQuery = z.infer<typeof escalationReportQuery>

export const timeToResolveReport = z.object({
  from: isoDate,
  to: isoDate,
  rows: z.array(
    z.object({
      severity: z.enum(severities),
      count: z.number().int(),
      medianHours: z.number().nullable(),
      p90Hours: z.number().nullable(),
    }),
  ),
})
export type TimeToResolveReport = z.infer<typeof timeToResolveReport>

export const openByAgeReport = z.object({
  asOf: isoDate,
  rows: z.array(
    z.object({
      severity: z.enum(severities),
      d0_7: z.number().int(),
      d8_30: z.number().int(),
      d31_90: z.number().int(),
      d90_plus: z.number().int(),
      total: z.number().int(),
    }),
  ),
})
export type OpenByAgeReport = z.infer<typeof openByAgeReport>
