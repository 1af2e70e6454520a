import { customType, date, integer, jsonb, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core'
import { partners } from './partners'

/** PostgreSQL bytea: a Buffer (pg) or Uint8Array (PGlite) in, the same out. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' })

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
    /** Packs frozen before migration 0013 (JSON); newer ones are in `packGzip`. */
    pack: jsonb('pack'),
    /** The pack as gzip-compressed JSON: written and read far faster than a multi-megabyte jsonb value. */
    packGzip: bytea('pack_gzip'),
    frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.period] })],
)
