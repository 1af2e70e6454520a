import { z } from 'zod'
import { noRhythmReasons, parsePeriod } from '#shared/domain/cadence'
import { partnerStatuses } from '#shared/domain/portfolio'
import { touchpointKinds } from '#shared/domain/touchpoints'

/** Due ROBs or MBRs of a period: scheduled, held, cancelled (not held), and held ÷ scheduled. */
export const cadenceTally = z.object({
  scheduled: z.number().int(),
  held: z.number().int(),
  cancelled: z.number().int(),
  /** null when nothing was scheduled (shown as "—"). */
  compliance: z.number().nullable(),
})
export type CadenceTally = z.infer<typeof cadenceTally>
export const meetingTallies = z.object({ rob: cadenceTally, mbr: cadenceTally, all: cadenceTally })
export type MeetingTallies = z.infer<typeof meetingTallies>

export const touchpointCounts = z.object({
  total: z.number().int(),
  byKind: z.record(z.enum(touchpointKinds), z.number().int()),
})

export const cadencePartner = z.object({
  partnerId: z.number().int(),
  name: z.string(),
  status: z.enum(partnerStatuses),
  regionId: z.number().int().nullable(),
  regionName: z.string().nullable(),
  fpmUserId: z.number().int().nullable(),
  fpmName: z.string().nullable(),
  meetings: meetingTallies,
  touchpoints: touchpointCounts,
  activeSeries: z.number().int(),
  sponsorIdentified: z.boolean(),
  lastHeldAt: z.string().nullable(),
  /** Why the partner has no business rhythm in place; empty when it has one. */
  noRhythm: z.array(z.enum(noRhythmReasons)),
})
export type CadencePartner = z.infer<typeof cadencePartner>

/** Totals of a group of partners (an FPM, a region, everything): sums, never averages of percentages. */
export const cadenceRollup = z.object({
  id: z.number().int().nullable(),
  name: z.string(),
  partners: z.number().int(),
  meetings: meetingTallies,
  touchpoints: z.number().int(),
  noRhythm: z.number().int(),
})
export type CadenceRollup = z.infer<typeof cadenceRollup>

const periodKey = z
  .string()
  .refine((v) => parsePeriod(v) !== null, 'Use a month (YYYY-MM) or a quarter (YYYY-Qn), e.g. 2026-Q3')

export const cadenceQuery = z.object({
  /** A month or a calendar quarter; the current quarter when left out. */
  period: periodKey.optional(),
  regionId: z.coerce.number().int().positive().optional(),
  fpmUserId: z.coerce.number().int().positive().optional(),
})
export type CadenceQuery = z.infer<typeof cadenceQuery>

export const cadenceSettings = z.object({ silentWeeks: z.number().int(), complianceTarget: z.number() })

export const cadenceOverview = z.object({
  period: z.object({ key: z.string(), from: z.string(), to: z.string() }),
  /** The instant "due" was measured at. */
  asOf: z.string(),
  settings: cadenceSettings,
  totals: cadenceRollup,
  byRegion: z.array(cadenceRollup),
  byFpm: z.array(cadenceRollup),
  partners: z.array(cadencePartner),
})
export type CadenceOverview = z.infer<typeof cadenceOverview>

export const partnerCadenceQuery = z.object({
  /** The last month of the trend (YYYY-MM); the current month when left out. */
  to: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month: YYYY-MM')
    .optional(),
})

export const partnerCadence = z.object({
  partnerId: z.number().int(),
  asOf: z.string(),
  settings: cadenceSettings,
  months: z.array(z.object({ month: z.string(), meetings: meetingTallies, touchpoints: touchpointCounts })),
  activeSeries: z.number().int(),
  sponsorIdentified: z.boolean(),
  lastHeldAt: z.string().nullable(),
  noRhythm: z.array(z.enum(noRhythmReasons)),
})
export type PartnerCadence = z.infer<typeof partnerCadence>
