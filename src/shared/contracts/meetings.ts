import { z } from 'zod'
import { actionSources, actionStatuses, meetingKinds, occurrenceStatuses } from '#shared/domain/meetings'
import { isoDate, optionalText } from './common'
import { escalation } from './escalations'

const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Use the local date-time format YYYY-MM-DDTHH:mm')
const instant = z.iso.datetime({ offset: true, message: 'Use an ISO date-time, e.g. 2026-03-24T08:00:00Z' })

export const seriesIdParam = z.object({ id: z.coerce.number().int().positive() })
export const occurrenceParams = z.object({
  id: z.coerce.number().int().positive(),
  originalStart: instant,
})

export const person = z.object({ id: z.number().int(), name: z.string(), email: z.string().nullable() })

export const attendee = z.object({
  kind: z.enum(['user', 'stakeholder']),
  id: z.number().int(),
  name: z.string(),
  email: z.string().nullable(),
  /** trellis for a user; the stakeholder's side otherwise. */
  side: z.enum(['trellis', 'partner', 'microsoft']),
})
export type Attendee = z.infer<typeof attendee>

export const meetingSeries = z.object({
  id: z.number().int(),
  partnerId: z.number().int(),
  partnerName: z.string(),
  kind: z.enum(meetingKinds),
  title: z.string(),
  rrule: z.string(),
  startLocal: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number().int(),
  owner: person,
  attendees: z.array(attendee),
  activeFrom: z.string().nullable(),
  endsAt: z.string().nullable(),
  previousSeriesId: z.number().int().nullable(),
  supersededById: z.number().int().nullable(),
  canEdit: z.boolean(),
})
export type MeetingSeries = z.infer<typeof meetingSeries>

const seriesFields = {
  kind: z.enum(meetingKinds),
  title: z.string().trim().min(1, 'Give the meeting a title').max(200),
  rrule: z.string().trim().min(1, 'Give a recurrence rule').max(500),
  startLocal: localDateTime,
  timeZone: z.string().trim().min(1).max(64),
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  ownerUserId: z.number().int().positive().optional(),
  attendeeUserIds: z.array(z.number().int().positive()).max(100).default([]),
  attendeeStakeholderIds: z.array(z.number().int().positive()).max(100).default([]),
}
export const createSeriesBody = z.object(seriesFields)
export type CreateSeriesBody = z.input<typeof createSeriesBody>
export const updateSeriesBody = z
  .object({
    kind: seriesFields.kind,
    title: seriesFields.title,
    rrule: seriesFields.rrule,
    startLocal: seriesFields.startLocal,
    timeZone: seriesFields.timeZone,
    durationMinutes: seriesFields.durationMinutes,
    ownerUserId: seriesFields.ownerUserId,
    attendeeUserIds: z.array(z.number().int().positive()).max(100),
    attendeeStakeholderIds: z.array(z.number().int().positive()).max(100),
  })
  .partial()
export type UpdateSeriesBody = z.infer<typeof updateSeriesBody>
export const endSeriesBody = z.object({ at: instant.optional() })

export const seriesList = z.object({ items: z.array(meetingSeries) })

/** Who can be invited to a partner's meetings: its stakeholders and the Trellis users around it. */
export const meetingPeople = z.object({ users: z.array(person), stakeholders: z.array(attendee) })

export const occurrence = z.object({
  seriesId: z.number().int(),
  partnerId: z.number().int(),
  partnerName: z.string(),
  title: z.string(),
  kind: z.enum(meetingKinds),
  timeZone: z.string(),
  /** The rule's instant: the key of the occurrence. */
  originalStart: z.string(),
  /** Where it takes place: the moved start, or the original one. */
  start: z.string(),
  end: z.string(),
  moved: z.boolean(),
  status: z.enum(occurrenceStatuses),
  agenda: z.string().nullable(),
  agendaFrozenAt: z.string().nullable(),
  minutes: z.string().nullable(),
  decisions: z.array(z.string()),
  heldAt: z.string().nullable(),
  canEdit: z.boolean(),
})
export type Occurrence = z.infer<typeof occurrence>

export const occurrencesQuery = z
  .object({
    from: instant,
    to: instant,
    partnerId: z.coerce.number().int().positive().optional(),
    /** Only meetings the caller owns or attends. */
    mine: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000, {
    message: 'Ask for at most 400 days at a time',
    path: ['to'],
  })
export type OccurrencesQuery = z.infer<typeof occurrencesQuery>
export const occurrenceList = z.object({ items: z.array(occurrence) })

export const patchOccurrenceBody = z.object({
  status: z.enum(occurrenceStatuses).optional(),
  /** A new start moves the occurrence; null moves it back to the rule's time. */
  start: instant.nullable().optional(),
  agenda: z.string().max(50_000).nullable().optional(),
  minutes: z.string().max(100_000).nullable().optional(),
  decisions: z.array(z.string().trim().min(1).max(1000)).max(100).optional(),
})
export type PatchOccurrenceBody = z.infer<typeof patchOccurrenceBody>

export const agendaSection = z.object({ key: z.string(), title: z.string(), markdown: z.string() })
export const agendaDraft = z.object({ sections: z.array(agendaSection), markdown: z.string() })
export type AgendaSection = z.infer<typeof agendaSection>

// Action items

export const actionOwner = z.object({
  kind: z.enum(['user', 'stakeholder']),
  id: z.number().int(),
  name: z.string(),
})

export const actionItem = z.object({
  id: z.number().int(),
  partnerId: z.number().int(),
  partnerName: z.string(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  meeting: z.object({ seriesId: z.number().int(), originalStart: z.string(), title: z.string() }).nullable(),
  title: z.string(),
  owner: actionOwner,
  dueOn: isoDate.nullable(),
  status: z.enum(actionStatuses),
  source: z.enum(actionSources),
  sourceId: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  canEdit: z.boolean(),
})
export type ActionItem = z.infer<typeof actionItem>

const ownerFields = {
  ownerUserId: z.number().int().positive().nullable().optional(),
  ownerStakeholderId: z.number().int().positive().nullable().optional(),
}
export const createActionBody = z.object({
  partnerId: z.number().int().positive(),
  title: z.string().trim().min(1, 'Say what is to be done').max(500),
  ...ownerFields,
  dueOn: isoDate.nullable().optional(),
  customerId: z.number().int().positive().nullable().optional(),
  /** The meeting it came from. */
  meeting: z.object({ seriesId: z.number().int().positive(), originalStart: instant }).nullable().optional(),
  source: z.enum(actionSources).optional(),
  sourceId: optionalText(100),
})
export type CreateActionBody = z.infer<typeof createActionBody>
export const patchActionBody = z.object({
  title: z.string().trim().min(1, 'Say what is to be done').max(500).optional(),
  ...ownerFields,
  dueOn: isoDate.nullable().optional(),
  status: z.enum(actionStatuses).optional(),
})
export type PatchActionBody = z.infer<typeof patchActionBody>

const bool = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional()
export const actionListQuery = z.object({
  partnerId: z.coerce.number().int().positive().optional(),
  owner: z.enum(['me']).optional(),
  status: z.enum([...actionStatuses, 'all']).default('open'),
  overdue: bool,
  /** Items of one meeting. */
  seriesId: z.coerce.number().int().positive().optional(),
  originalStart: instant.optional(),
})
export type ActionListQuery = z.infer<typeof actionListQuery>
export const actionList = z.object({ items: z.array(actionItem) })
export const actionIdParam = z.object({ id: z.coerce.number().int().positive() })

/** The meeting page: the occurrence, its series, its action items and the open ones carried over. */
export const meetingPage = z.object({
  occurrence,
  series: meetingSeries,
  actions: z.array(actionItem),
  carriedOver: z.array(actionItem),
})
export type MeetingPage = z.infer<typeof meetingPage>

export const myWeek = z.object({
  from: z.string(),
  to: z.string(),
  meetings: z.array(occurrence),
  due: z.array(actionItem),
  overdue: z.array(actionItem),
  /** My other open items: due after the week, or without a date. */
  later: z.array(actionItem),
  /** My open and in-progress escalations, most urgent first (breached SLAs stand out). */
  escalations: z.array(escalation),
})
export type MyWeek = z.infer<typeof myWeek>
export const myWeekQuery = z.object({ from: instant.optional(), to: instant.optional() })

// Calendar feed

export const calendarFeedStatus = z.object({ active: z.boolean(), createdAt: z.string().nullable() })
export const calendarFeedCreated = z.object({ url: z.string(), path: z.string(), createdAt: z.string() })
export const calendarTokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) })
