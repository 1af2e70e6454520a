import { z } from 'zod'
import { type ComplianceCheck, complianceChecks } from '#shared/domain/compliance'
import { partnerStatuses } from '#shared/domain/portfolio'

/** Data compliance (decision 015): tallies per check, per partner, per FPM and region; the failing records. */

export const complianceTally = z.object({
  applicable: z.number().int(),
  passed: z.number().int(),
  /** passed ÷ applicable; null when nothing applies ("—"). */
  compliance: z.number().nullable(),
})
export type ComplianceTally = z.infer<typeof complianceTally>

const byCheck = z.object(
  Object.fromEntries(complianceChecks.map((c) => [c, complianceTally])) as Record<
    ComplianceCheck,
    typeof complianceTally
  >,
)

export const compliancePartner = z.object({
  partnerId: z.number().int(),
  name: z.string(),
  status: z.enum(partnerStatuses),
  regionId: z.number().int().nullable(),
  regionName: z.string().nullable(),
  fpmUserId: z.number().int().nullable(),
  fpmName: z.string().nullable(),
  /** All switched-on checks together. */
  overall: complianceTally,
  byCheck,
  /** The facts behind the partner-level checks. */
  lastNoteOn: z.string().nullable(),
  sponsorIdentified: z.boolean(),
  deliveryLeadIdentified: z.boolean(),
  nextMeetingAt: z.string().nullable(),
})
export type CompliancePartner = z.infer<typeof compliancePartner>

export const complianceRollup = z.object({
  id: z.number().int().nullable(),
  name: z.string(),
  partners: z.number().int(),
  overall: complianceTally,
  byCheck,
})
export type ComplianceRollup = z.infer<typeof complianceRollup>

const daysCheck = z.object({ enabled: z.boolean(), days: z.number().int() })
export const complianceSettings = z.object({
  notes: daysCheck,
  stakeholders: z.object({ enabled: z.boolean() }),
  nextMeeting: daysCheck,
  usage: daysCheck,
  escalations: daysCheck,
  target: z.number(),
})
export type ComplianceSettings = z.infer<typeof complianceSettings>

const positiveId = z.coerce.number().int().positive()
export const complianceQuery = z.object({
  regionId: positiveId.optional(),
  fpmUserId: positiveId.optional(),
})
export type ComplianceQuery = z.infer<typeof complianceQuery>

export const complianceOverview = z.object({
  /** The instant the checks were evaluated at: compliance is a statement about now. */
  asOf: z.string(),
  settings: complianceSettings,
  totals: complianceRollup,
  byRegion: z.array(complianceRollup),
  byFpm: z.array(complianceRollup),
  partners: z.array(compliancePartner),
})
export type ComplianceOverview = z.infer<typeof complianceOverview>

export const complianceFailuresQuery = complianceQuery.extend({
  check: z.enum(complianceChecks).optional(),
  partnerId: positiveId.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
})
export type ComplianceFailuresQuery = z.infer<typeof complianceFailuresQuery>

/** One failing record: what fails, about what, and where it is fixed (a path of the web app). */
export const complianceFailure = z.object({
  check: z.enum(complianceChecks),
  partnerId: z.number().int(),
  partnerName: z.string(),
  fpmUserId: z.number().int().nullable(),
  fpmName: z.string().nullable(),
  /** The record: the partner itself, one of its customers, or an open escalation. */
  subject: z.object({
    kind: z.enum(['partner', 'customer', 'escalation']),
    id: z.number().int(),
    name: z.string(),
  }),
  /** Why it fails, in words ("Newest note 23 days ago"). */
  detail: z.string(),
  /** The date the check looked at (newest note, newest usage, last update), null when there is none. */
  lastOn: z.string().nullable(),
  /** Where it is fixed: a path of the web app. */
  fixPath: z.string(),
  fixLabel: z.string(),
})
export type ComplianceFailure = z.infer<typeof complianceFailure>

export const complianceFailures = z.object({
  asOf: z.string(),
  /** Every failing record matching the query; `items` holds the first `limit` of them. */
  total: z.number().int(),
  items: z.array(complianceFailure),
})
export type ComplianceFailures = z.infer<typeof complianceFailures>

export const partnerCompliance = z.object({
  asOf: z.string(),
  settings: complianceSettings,
  partner: compliancePartner,
  failures: z.array(complianceFailure),
})
export type PartnerCompliance = z.infer<typeof partnerCompliance>
