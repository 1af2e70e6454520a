import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * A version per partner of everything the program's rollups read about it, kept by statement triggers on
 * those tables (migration 0017, decision 019): a write bumps the version of each partner it touched.
 * Partner 0 is everything at once: writes to catalogue-wide tables (settings, task catalogue, usage) and
 * bulk writes that run without triggers (src/db/bulk.ts) bump it.
 */
export const dataVersions = pgTable('data_versions', {
  partnerId: integer('partner_id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
})

/**
 * The role scorecard's per-partner totals (decision 019), valid while the partner's data version and the
 * global one are those in `stamp`; `key` names what they were computed for (the period asked, its trend and
 * the day, since some metrics are "as of today").
 */
export const scorecardCache = pgTable(
  'scorecard_cache',
  {
    partnerId: integer('partner_id').notNull(),
    key: text('key').notNull(),
    stamp: text('stamp').notNull(),
    totals: jsonb('totals').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.key] })],
)
