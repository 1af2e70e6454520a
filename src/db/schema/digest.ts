import { sql } from 'drizzle-orm'
import { boolean, date, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { users } from './users'

/**
 * One daily digest e-mail per user and local day (decision 011). A send first claims the day with a
 * `sending` row — the partial unique index lets only one `sending` or `sent` row exist per user and day,
 * so a scheduler and a CLI run at the same time cannot both send (a forced send stands outside it) — then ends `sent` (with the SMTP
 * message id) or `failed` (with the error), and a failed day may be tried again.
 */
export const digestDeliveries = pgTable(
  'digest_deliveries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The user's local date the digest is for, `YYYY-MM-DD`. */
    localDate: date('local_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['sending', 'sent', 'failed'] }).notNull(),
    /** Sent by `trellis digest send --force`: outside the once-a-day rule, but recorded. */
    forced: boolean('forced').notNull().default(false),
    /** What it reported: overdue, dueToday, dueThisWeek, breached, atRisk, meetingsToday. */
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    subject: text('subject').notNull(),
    messageId: text('message_id'),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('digest_deliveries_once_a_day')
      .on(t.userId, t.localDate)
      .where(sql`${t.status} in ('sending', 'sent') and not ${t.forced}`),
  ],
)
