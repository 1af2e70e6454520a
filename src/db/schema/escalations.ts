import { date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { customers } from './customers'
import { partners } from './partners'
import { workloads } from './regions'
import { users } from './users'

/** An escalation or blocker of a partner (optionally about one of its customers and a workload). Decision 009. */
export const escalations = pgTable(
  'escalations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    customerId: integer('customer_id').references(() => customers.id),
    workloadCode: text('workload_code').references(() => workloads.code),
    title: text('title').notNull(),
    description: text('description'),
    severity: text('severity').notNull(),
    category: text('category').notNull(),
    status: text('status').notNull().default('open'),
    ownerUserId: integer('owner_user_id')
      .notNull()
      .references(() => users.id),
    raisedBy: integer('raised_by')
      .notNull()
      .references(() => users.id),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    /** When it was last resolved (or closed without resolving first): the SLA clock stops here. Cleared on reopen. */
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** What was done (required to close), and a link to it. */
    closureEvidence: text('closure_evidence'),
    closureLink: text('closure_link'),
    /** The newest step of the escalation path (lead, sme, program_team), null before any. */
    escalatedTo: text('escalated_to'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('escalations_partner_idx').on(t.partnerId),
    index('escalations_owner_idx').on(t.ownerUserId),
    index('escalations_status_idx').on(t.status),
  ],
)

/**
 * The timeline of an escalation: one row per event (raised, status change, escalation-path step, edit),
 * who did it and when. Rows are only ever added.
 */
export const escalationEvents = pgTable(
  'escalation_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    escalationId: integer('escalation_id')
      .notNull()
      .references(() => escalations.id),
    /** raised | status | escalated | edited */
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    /** The escalation-path target of an `escalated` step. */
    target: text('target'),
    note: text('note'),
    evidence: text('evidence'),
    link: text('link'),
    userId: integer('user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('escalation_events_escalation_idx').on(t.escalationId)],
)

/** Hours to resolve per severity, as set by an admin; a severity without a row uses the built-in default. */
export const escalationSla = pgTable('escalation_sla', {
  severity: text('severity').primaryKey(),
  hours: integer('hours').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/** A touchpoint with a partner (call, e-mail, workshop, meeting, other), optionally about one of its customers. */
export const touchpoints = pgTable(
  'touchpoints',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    customerId: integer('customer_id').references(() => customers.id),
    occurredOn: date('occurred_on').notNull(),
    kind: text('kind').notNull(),
    summary: text('summary').notNull(),
    notes: text('notes'),
    loggedBy: integer('logged_by')
      .notNull()
      .references(() => users.id),
    /** A meeting occurrence this touchpoint records (linked by the meetings capability later). */
    meetingOccurrenceRef: text('meeting_occurrence_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('touchpoints_partner_idx').on(t.partnerId, t.occurredOn)],
)
