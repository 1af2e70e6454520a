import { date, integer, jsonb, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core'
import { partners } from './partners'

/**
 * The MBR pack of a partner × closed month, as first built after the month closed (decision 010): later
 * builds of that month read it, so a re-scored period, today's opportunities or a changed SLA never change
 * a pack already delivered. `pack` is the gathered data (numbers and lists), not the file.
 */
export const mbrPacks = pgTable(
  'mbr_packs',
  {
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    period: date('period').notNull(),
    pack: jsonb('pack').notNull(),
    frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.period] })],
)
