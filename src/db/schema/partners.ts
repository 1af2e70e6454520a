import { sql } from 'drizzle-orm'
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { regions, workloads } from './regions'
import { users } from './users'

export const partners = pgTable(
  'partners',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The program's partner ID (MPN / Partner ID column of import files): the natural key. */
    programId: text('program_id').notNull().unique(),
    name: text('name').notNull(),
    status: text('status').notNull().default('active'),
    program: text('program').notNull().default('frp'),
    hqCountry: text('hq_country'),
    regionId: integer('region_id').references(() => regions.id),
    fpmUserId: integer('fpm_user_id').references(() => users.id),
    referralReady: boolean('referral_ready').notNull().default(false),
    joinedOn: date('joined_on'),
    website: text('website'),
    notes: text('notes'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('partners_region_idx').on(t.regionId),
    index('partners_fpm_idx').on(t.fpmUserId),
    index('partners_name_idx').on(sql`lower(${t.name})`),
  ],
)

export const partnerEndorsements = pgTable(
  'partner_endorsements',
  {
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    workloadCode: text('workload_code')
      .notNull()
      .references(() => workloads.code),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.workloadCode] })],
)

/** SMEs who help a partner: an SME sees exactly these partners. */
export const partnerSmes = pgTable(
  'partner_smes',
  {
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.userId] }), index('partner_smes_user_idx').on(t.userId)],
)

export const stakeholders = pgTable(
  'stakeholders',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    side: text('side').notNull(),
    role: text('role').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    title: text('title'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stakeholders_partner_idx').on(t.partnerId)],
)
