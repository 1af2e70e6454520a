import { sql } from 'drizzle-orm'
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { engagements } from './customers'
import { partners } from './partners'
import { users } from './users'

/**
 * The task catalogue (decision 014): milestone and onboarding tasks, mandatory or optional, that apply to
 * every live partner or to every engagement (customer × workload). Retired by archiving, never deleted.
 */
export const taskDefinitions = pgTable('task_definitions', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  /** The program's task number (e.g. FTOP 3616) or any short code: unique. */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  description: text('description'),
  mandatory: boolean('mandatory').notNull().default(true),
  /** 'partner' (onboarding) or 'engagement' (customer × workload). */
  appliesTo: text('applies_to').notNull(),
  /** 'phase': expected once the engagement reaches `phase`; 'days': `days` after the partner's or engagement's start. */
  expectedBy: text('expected_by').notNull(),
  phase: text('phase'),
  days: integer('days'),
  /** Engagement tasks only for these workloads (e.g. 1702 Migrate exit); null = every workload. */
  workloads: text('workloads').array(),
  sortOrder: integer('sort_order').notNull().default(0),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * A completion of one task instance (task × partner, or task × engagement). Instances themselves are not
 * stored: which ones apply is computed from the catalogue and the engagements (decision 014). Undoing keeps
 * the row (undone_at); at most one current (not undone) completion per instance.
 */
export const taskCompletions = pgTable(
  'task_completions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer('task_id')
      .notNull()
      .references(() => taskDefinitions.id),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    /** Null for a partner task. */
    engagementId: integer('engagement_id').references(() => engagements.id),
    completedOn: date('completed_on').notNull(),
    completedBy: integer('completed_by')
      .notNull()
      .references(() => users.id),
    evidence: text('evidence'),
    evidenceLink: text('evidence_link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: integer('undone_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('task_completions_current')
      .on(t.taskId, t.partnerId, sql`coalesce(${t.engagementId}, 0)`)
      .where(sql`${t.undoneAt} is null`),
    index('task_completions_partner_idx').on(t.partnerId),
  ],
)
