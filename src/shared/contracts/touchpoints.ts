import { z } from 'zod'
import { touchpointKinds } from '#shared/domain/touchpoints'
import { isoDate, optionalText, pageOf, pageQuery } from './common'

const id = z.coerce.number().int().positive()

export const touchpointListQuery = pageQuery.extend({
  partnerId: id.optional(),
  customerId: id.optional(),
  /** Only the touchpoints logged from this meeting occurrence (`meetingOccurrenceRef`). */
  meetingRef: z.string().max(80).optional(),
})
export type TouchpointListQuery = z.infer<typeof touchpointListQuery>

export const touchpoint = z.object({
  id: z.number().int(),
  partnerId: z.number().int(),
  partnerName: z.string(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  occurredOn: isoDate,
  kind: z.enum(touchpointKinds),
  summary: z.string(),
  notes: z.string().nullable(),
  loggedByName: z.string(),
  meetingOccurrenceRef: z.string().nullable(),
  createdAt: z.string(),
})
export type Touchpoint = z.infer<typeof touchpoint>
export const touchpointPage = pageOf(touchpoint)

export const createTouchpointBody = z.object({
  partnerId: z.number({ error: 'Choose a partner' }).int().positive(),
  customerId: z.number().int().positive().nullish(),
  /** Today by default. */
  occurredOn: isoDate.optional(),
  kind: z.enum(touchpointKinds, 'Choose a kind'),
  summary: z
    .string()
    .trim()
    .min(1, 'Say in a few words what it was about')
    .max(500, 'At most 500 characters'),
  notes: optionalText(5000),
  /** Logged from a meeting: the occurrence (of a series of the same partner) it records. */
  meeting: z
    .object({ seriesId: z.number().int().positive(), originalStart: z.iso.datetime({ offset: true }) })
    .nullish(),
})
export type CreateTouchpointBody = z.infer<typeof createTouchpointBody>

export const touchpointMonthlyQuery = z.object({
  partnerId: id.optional(),
  /** First and last month (any day of it); the last 12 months by default. */
  from: isoDate.optional(),
  to: isoDate.optional(),
})
export type TouchpointMonthlyQuery = z.infer<typeof touchpointMonthlyQuery>
export const touchpointMonthly = z.object({
  from: isoDate,
  to: isoDate,
  rows: z.array(
    z.object({
      partnerId: z.number().int(),
      partnerName: z.string(),
      month: isoDate,
      count: z.number().int(),
    }),
  ),
})
export type TouchpointMonthly = z.infer<typeof touchpointMonthly>
