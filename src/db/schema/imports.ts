import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { users } from './users'

/** One import run (portfolio file or M365 report): what was asked, what happened, the problems found. */
export const imports = pgTable('imports', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  kind: text('kind').notNull(),
  fileName: text('file_name').notNull(),
  userId: integer('user_id').references(() => users.id),
  status: text('status').notNull(),
  options: jsonb('options').notNull().default({}),
  rowsTotal: integer('rows_total').notNull().default(0),
  rowsProcessed: integer('rows_processed').notNull().default(0),
  result: jsonb('result'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
})
