import { sql } from 'drizzle-orm'
import { date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { customers } from './customers'
import { partners } from './partners'
import { users } from './users'

/**
 * One survey answer about a partner (decision 013): from the partner (partner survey) or from one of its
 * customers about the partner's delivery (customer survey). The raw answer is stored; what counts as VSAT
 * and DSAT is read from the settings when counted. Natural key: respondent + partner + customer + date + source.
 */
export const nsatResponses = pgTable(
  'nsat_responses',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    customerId: integer('customer_id').references(() => customers.id),
    respondentName: text('respondent_name'),
    respondentEmail: text('respondent_email'),
    /** The e-mail (else the name), lower case: the respondent part of the natural key. */
    respondentKey: text('respondent_key').notNull(),
    respondedOn: date('responded_on').notNull(),
    source: text('source').notNull(),
    scale: text('scale').notNull(),
    answer: text('answer').notNull(),
    comment: text('comment'),
    recordedBy: integer('recorded_by').references(() => users.id),
    /** 'form' or 'import'. */
    origin: text('origin').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('nsat_responses_partner_idx').on(t.partnerId, t.respondedOn),
    index('nsat_responses_date_idx').on(t.respondedOn),
    uniqueIndex('nsat_responses_natural_key').on(
      t.respondentKey,
      t.partnerId,
      sql`coalesce(${t.customerId}, 0)`,
      t.respondedOn,
      t.source,
    ),
  ],
)
