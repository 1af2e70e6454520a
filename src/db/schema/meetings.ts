import { sql } from 'drizzle-orm'
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { customers } from './customers'
import { partners, stakeholders } from './partners'
import { users } from './users'

/**
 * A recurring meeting with a partner. Occurrences are computed from the rule (shared/domain/recurrence);
 * a change of rule or time ends this version at `endsAt` and starts a new one (`previousSeriesId`) from
 * the same instant, so stored past occurrences stay where they were (decision 008).
 */
export const meetingSeries = pgTable(
  'meeting_series',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    rrule: text('rrule').notNull(),
    /** Local wall-clock start of the first occurrence, `YYYY-MM-DDTHH:mm`, in `timeZone`. */
    startLocal: text('start_local').notNull(),
    timeZone: text('time_zone').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    ownerUserId: integer('owner_user_id')
      .notNull()
      .references(() => users.id),
    /** Occurrences before this instant belong to the previous version. */
    activeFrom: timestamp('active_from', { withTimezone: true }),
    /** Occurrences from this instant on do not take place (ended, or a newer version). */
    endsAt: timestamp('ends_at', { withTimezone: true }),
    previousSeriesId: integer('previous_series_id'),
    supersededById: integer('superseded_by_id'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meeting_series_partner_idx').on(t.partnerId),
    index('meeting_series_owner_idx').on(t.ownerUserId),
  ],
)

/** Who is invited: a Trellis user or a partner's stakeholder — exactly one per row. */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    seriesId: integer('series_id')
      .notNull()
      .references(() => meetingSeries.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    stakeholderId: integer('stakeholder_id').references(() => stakeholders.id, { onDelete: 'cascade' }),
  },
  (t) => [
    index('meeting_attendees_series_idx').on(t.seriesId),
    index('meeting_attendees_user_idx').on(t.userId),
    check('meeting_attendees_one_kind', sql`(${t.userId} is null) <> (${t.stakeholderId} is null)`),
  ],
)

/** Only occurrences with something to keep are stored: keyed by the rule's original start. */
export const meetingOccurrences = pgTable(
  'meeting_occurrences',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    seriesId: integer('series_id')
      .notNull()
      .references(() => meetingSeries.id, { onDelete: 'cascade' }),
    originalStart: timestamp('original_start', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('scheduled'),
    /** A moved occurrence's new start (the ICS shows a RECURRENCE-ID override). */
    movedStart: timestamp('moved_start', { withTimezone: true }),
    agenda: text('agenda'),
    agendaFrozenAt: timestamp('agenda_frozen_at', { withTimezone: true }),
    minutes: text('minutes'),
    decisions: jsonb('decisions').$type<string[]>().notNull().default([]),
    heldAt: timestamp('held_at', { withTimezone: true }),
    updatedBy: integer('updated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('meeting_occurrences_key').on(t.seriesId, t.originalStart)],
)

/** Follow-ups: owned by a user or a stakeholder (exactly one), always for a partner. */
export const actionItems = pgTable(
  'action_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    customerId: integer('customer_id').references(() => customers.id),
    occurrenceId: integer('occurrence_id').references(() => meetingOccurrences.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    ownerUserId: integer('owner_user_id').references(() => users.id),
    ownerStakeholderId: integer('owner_stakeholder_id').references(() => stakeholders.id),
    dueOn: date('due_on'),
    status: text('status').notNull().default('open'),
    source: text('source').notNull().default('manual'),
    sourceId: text('source_id'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('action_items_partner_idx').on(t.partnerId, t.status),
    index('action_items_owner_user_idx').on(t.ownerUserId, t.status),
    index('action_items_occurrence_idx').on(t.occurrenceId),
    index('action_items_source_idx').on(t.source, t.sourceId),
    check('action_items_one_owner', sql`(${t.ownerUserId} is null) <> (${t.ownerStakeholderId} is null)`),
  ],
)

/** A user's secret calendar feed: only the SHA-256 of the token is stored; a new one replaces it. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})
