import { sql } from 'drizzle-orm'
import { bigint, boolean, date, index, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core'
import { partners } from './partners'
import { workloads } from './regions'

export const customers = pgTable(
  'customers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Top Parent ID: the natural key. */
    tpid: text('tpid').notNull().unique(),
    name: text('name').notNull(),
    country: text('country'),
    seats: integer('seats'),
    /** The partner that brought the customer in; the customer stays visible to that partner's managers. */
    primaryPartnerId: integer('primary_partner_id').references(() => partners.id),
    /** Who answers the customer satisfaction survey (FTOP task 3690 "Identify survey contact"). */
    surveyContactEmail: text('survey_contact_email'),
    /** The date of the last success review with the customer (FTOP task 3735). */
    lastSuccessReviewOn: date('last_success_review_on'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('customers_primary_partner_idx').on(t.primaryPartnerId),
    index('customers_name_idx').on(sql`lower(${t.name})`),
  ],
)

/** One customer × workload served by one partner: the core row of the portfolio. */
export const engagements = pgTable(
  'engagements',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    workloadCode: text('workload_code')
      .notNull()
      .references(() => workloads.code),
    intentStatus: text('intent_status').notNull().default('unknown'),
    phase: text('phase').notNull().default('initiate'),
    claimed: boolean('claimed').notNull().default(false),
    /** When the engagement entered its current phase; kept by the trigger engagements_phase_since (migration 0003). */
    phaseSince: timestamp('phase_since', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('engagements_natural_key').on(t.partnerId, t.customerId, t.workloadCode),
    index('engagements_customer_idx').on(t.customerId),
  ],
)

/** Licensed vs active users of a customer's workload at a date (28-day activity window). */
export const usageSnapshots = pgTable(
  'usage_snapshots',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    workloadCode: text('workload_code')
      .notNull()
      .references(() => workloads.code),
    asOf: date('as_of').notNull(),
    licensedUsers: integer('licensed_users').notNull(),
    activeUsers: integer('active_users').notNull(),
    source: text('source').notNull(),
    importId: integer('import_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('usage_snapshots_natural_key').on(t.customerId, t.workloadCode, t.asOf, t.source)],
)
