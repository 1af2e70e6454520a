import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { regions } from './regions'

export const users = pgTable('users', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['admin', 'lead', 'fpm', 'sme', 'viewer'] }).notNull(),
  regionId: integer('region_id').references(() => regions.id),
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  /** Opted in to the daily digest e-mail (decision 011); users switch it off on My week. */
  digestEnabled: boolean('digest_enabled').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token: a stolen database does not yield live sessions. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)
