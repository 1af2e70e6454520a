import { index, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core'
import { customers } from './customers'
import { partners } from './partners'
import { workloads } from './regions'
import { users } from './users'

/** Voice of partner and customer: product or process feedback raised with a partner (decision 016). */
export const insights = pgTable(
  'insights',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    customerId: integer('customer_id').references(() => customers.id),
    workloadCode: text('workload_code').references(() => workloads.code),
    type: text('type').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    status: text('status').notNull().default('new'),
    submittedBy: integer('submitted_by')
      .notNull()
      .references(() => users.id),
    /** When it left "new" (sent to the product or program team): the date the counts use. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** When it was addressed or declined. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('insights_partner_idx').on(t.partnerId, t.submittedAt),
    index('insights_status_idx').on(t.status),
  ],
)

/** "+1": a customer (tenant) that has the same need. One per customer per insight, the raising customer included. */
export const insightPlusOnes = pgTable(
  'insight_plus_ones',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    insightId: integer('insight_id')
      .notNull()
      .references(() => insights.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    addedBy: integer('added_by')
      .notNull()
      .references(() => users.id),
    note: text('note'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('insight_plus_ones_one_per_customer').on(t.insightId, t.customerId)],
)

/** A success story (FastTrack Spotlight): situation, what was done, outcome; shared once approved. */
export const spotlights = pgTable(
  'spotlights',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    customerId: integer('customer_id').references(() => customers.id),
    workloadCodes: text('workload_codes').array().notNull().default([]),
    title: text('title').notNull(),
    situation: text('situation').notNull(),
    actions: text('actions').notNull(),
    outcome: text('outcome').notNull(),
    status: text('status').notNull().default('draft'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('spotlights_partner_idx').on(t.partnerId, t.submittedAt)],
)

/** A referral sent to a partner (domain.md §3.1 items 3 and 8): it must be accepted or declined in time. */
export const referrals = pgTable(
  'referrals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    /** A known customer, or only the TPID and name the referral carries. */
    customerId: integer('customer_id').references(() => customers.id),
    customerTpid: text('customer_tpid'),
    customerName: text('customer_name').notNull(),
    workloadCodes: text('workload_codes').array().notNull().default([]),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('pending'),
    /** When it left "pending" (accepted, declined or reassigned). */
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    note: text('note'),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('referrals_partner_idx').on(t.partnerId, t.receivedAt)],
)
