import { sql } from 'drizzle-orm'
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { partners } from './partners'
import { users } from './users'

/**
 * An offboarding recommendation for a partner (decision 017): proposed → reviewed → accepted or rejected,
 * reversible, never deleted. `flags` keeps the rules' evidence as it was when proposed.
 */
export const offboardingRecommendations = pgTable(
  'offboarding_recommendations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    status: text('status').notNull().default('proposed'),
    /** Why: the FPM's words, required. */
    reason: text('reason').notNull(),
    /** The flags (rule, label, evidence) at the time of proposing. */
    flags: jsonb('flags').notNull(),
    /** The partner's status before an accepted recommendation set it, restored on reversal. */
    previousPartnerStatus: text('previous_partner_status'),
    proposedBy: integer('proposed_by')
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('offboarding_recommendations_partner_idx').on(t.partnerId),
    uniqueIndex('offboarding_recommendations_one_open')
      .on(t.partnerId)
      .where(sql`${t.status} in ('proposed', 'reviewed')`),
  ],
)

/** Every step of a recommendation, with who, when and the comment. Rows are only ever added. */
export const offboardingEvents = pgTable(
  'offboarding_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    recommendationId: integer('recommendation_id')
      .notNull()
      .references(() => offboardingRecommendations.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    comment: text('comment'),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('offboarding_events_recommendation_idx').on(t.recommendationId)],
)
