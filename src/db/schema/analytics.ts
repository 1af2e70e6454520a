import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core'
import { customers, engagements } from './customers'
import { partners } from './partners'
import { workloads } from './regions'
import { users } from './users'

/** Program parameters and score settings, one set per effective date (in force until the next set's date). */
export const programSettings = pgTable('program_settings', {
  effectiveFrom: date('effective_from').primaryKey(),
  values: jsonb('values').notNull(),
  note: text('note'),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * A health score per customer and period (month). `inputs` holds the aggregate the score was computed
 * from, so the explanation is re-derived by the same pure function and always adds up to the score.
 */
export const customerHealth = pgTable(
  'customer_health',
  {
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    period: date('period').notNull(),
    score: doublePrecision('score').notNull(),
    band: text('band').notNull(),
    inputs: jsonb('inputs').notNull(),
    settingsFrom: date('settings_from'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.period] }),
    index('customer_health_period_idx').on(t.period),
  ],
)

/** A health score per partner and period, over the partner's engagements (same factors as customers). */
export const partnerHealth = pgTable(
  'partner_health',
  {
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    period: date('period').notNull(),
    score: doublePrecision('score').notNull(),
    band: text('band').notNull(),
    inputs: jsonb('inputs').notNull(),
    settingsFrom: date('settings_from'),
    /** The partner's customers by health band in the period (a customer served by two partners counts for each). */
    customersHealthy: integer('customers_healthy').notNull().default(0),
    customersWatch: integer('customers_watch').notNull().default(0),
    customersAtRisk: integer('customers_at_risk').notNull().default(0),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.period] }), index('partner_health_period_idx').on(t.period)],
)

/**
 * The rollup behind every dashboard: one row per partner × workload × period with the sums the charts
 * need (usage, milestones reached, lifecycle funnel, intent mix). Rebuilt with the scores.
 */
export const partnerWorkloadMonthly = pgTable(
  'partner_workload_monthly',
  {
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    workloadCode: text('workload_code')
      .notNull()
      .references(() => workloads.code),
    period: date('period').notNull(),
    engagements: integer('engagements').notNull(),
    customers: integer('customers').notNull(),
    eligible: integer('eligible').notNull(),
    claimed: integer('claimed').notNull(),
    inProgress: integer('in_progress').notNull(),
    blocked: integer('blocked').notNull(),
    measured: integer('measured').notNull(),
    licensed: bigint('licensed', { mode: 'number' }).notNull(),
    active: bigint('active', { mode: 'number' }).notNull(),
    /** Engagements at or above each usage milestone of the settings in force, in milestone order. */
    milestoneCounts: integer('milestone_counts').array().notNull(),
    /** Engagements per lifecycle phase, in phase order. */
    phaseCounts: integer('phase_counts').array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.workloadCode, t.period] }),
    index('pwm_period_partner_idx').on(t.period, t.partnerId),
  ],
)

/**
 * Usage per region × partner manager × workload × month, summed from partner_workload_monthly over the
 * live partners (decision 006): a region's or an FPM's trend reads a few thousand rows instead of every
 * partner's. Rebuilt with each period's refresh and, for every period, when a partner is archived,
 * restored or moved to another region or FPM. No key: the region or the FPM may be empty.
 */
export const groupWorkloadMonthly = pgTable(
  'group_workload_monthly',
  {
    regionId: integer('region_id'),
    fpmUserId: integer('fpm_user_id'),
    period: date('period').notNull(),
    workloadCode: text('workload_code').notNull(),
    partners: integer('partners').notNull(),
    engagements: integer('engagements').notNull(),
    licensed: bigint('licensed', { mode: 'number' }).notNull(),
    active: bigint('active', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('gwm_period_idx').on(t.period),
    index('gwm_region_idx').on(t.regionId, t.period),
    index('gwm_fpm_idx').on(t.fpmUserId, t.period),
  ],
)

/** What users did with an opportunity: dismissed or snoozed (with a reason), reopened, turned into an action. The newest row wins; all are kept. */
export const opportunityStates = pgTable(
  'opportunity_states',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    rule: text('rule').notNull(),
    engagementId: integer('engagement_id')
      .notNull()
      .references(() => engagements.id),
    action: text('action').notNull(),
    until: date('until'),
    reason: text('reason'),
    userId: integer('user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('opportunity_states_engagement_idx').on(t.engagementId, t.rule)],
)

/**
 * The opportunities found by the rules (analytics/opportunities) for the newest period, rebuilt with the
 * scores. One row per rule × engagement; `id` stays while the opportunity keeps being found. What users
 * did with it lives in opportunity_states.
 */
export const opportunities = pgTable(
  'opportunities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    rule: text('rule').notNull(),
    engagementId: integer('engagement_id')
      .notNull()
      .references(() => engagements.id),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    /** Null for a rule about the whole customer (e.g. the success review). */
    workloadCode: text('workload_code').references(() => workloads.code),
    /** The rank in the rule's own unit (docs/metrics.md); larger is more worth doing. */
    value: doublePrecision('value').notNull(),
    reason: text('reason').notNull(),
    evidence: jsonb('evidence').notNull(),
    period: date('period').notNull(),
    foundAt: timestamp('found_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('opportunities_rule_engagement').on(t.rule, t.engagementId),
    // As the lists sort (o.value desc = nulls first, then o.id): a top-N is an ordered index scan that stops early.
    index('opportunities_partner_value_idx').on(t.partnerId, t.value.desc().nullsFirst(), t.id),
    index('opportunities_rule_value_idx').on(t.rule, t.value.desc()),
    index('opportunities_customer_idx').on(t.customerId),
    index('opportunities_value_idx').on(t.value.desc().nullsFirst(), t.id),
  ],
)

/**
 * What the scores and the opportunity rules need of a customer × workload's whole usage history, kept as of
 * `through` so a refresh reads only the snapshots dated after it (decision 006-opportunities). A statement trigger on
 * usage_snapshots deletes the row when a snapshot dated on or before `through` is written or removed.
 */
export const usageHistoryFacts = pgTable(
  'usage_history_facts',
  {
    customerId: integer('customer_id').notNull(),
    workloadCode: text('workload_code').notNull(),
    /** The facts cover every snapshot dated on or before this date. */
    through: date('through').notNull(),
    /** The success-review share `lastBelow` and `shareSince` were measured against. */
    successShare: doublePrecision('success_share').notNull(),
    /** Highest active users of any snapshot; null without snapshots. */
    peak: integer('peak'),
    /** The newest snapshot date below the success-review share (or with no licences). */
    lastBelow: date('last_below'),
    /** The first snapshot date after `lastBelow`; null when the newest snapshot is below or there is none. */
    shareSince: date('share_since'),
    /** The newest snapshot (on or before `through`): its date, licensed and active users; null without snapshots. */
    latestOn: date('latest_on'),
    latestLicensed: integer('latest_licensed'),
    latestActive: integer('latest_active'),
    /** The newest snapshot of a month before `latestOn`'s (the scores' trend); null without one. */
    priorLicensed: integer('prior_licensed'),
    priorActive: integer('prior_active'),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.workloadCode] })],
)
