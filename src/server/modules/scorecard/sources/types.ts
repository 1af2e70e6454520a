import type { SQL } from 'drizzle-orm'
import type { Database } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import type { CadenceFilters } from '#server/modules/cadence/service'
import type { KnownFacts } from '#server/modules/offboarding/signals'
import type { CadencePartner } from '#shared/contracts/cadence'
import type { ProgramSettingsValues } from '#shared/contracts/settings'
import type { CadencePeriod, KindTallies } from '#shared/domain/cadence'
import type { ScorecardMetric } from '#shared/domain/scorecard'

/** What every source reads: the scope, the periods of the trend, the partners in view and the settings. */
export type ScorecardContext = {
  database: Database
  actor: Actor
  filters: CadenceFilters
  /** A condition on `partners`: the actor's live partners narrowed by the filters. */
  scope: SQL
  /** The trend's periods, oldest first; the last one is the period asked for. */
  periods: CadencePeriod[]
  /**
   * The live partners in view with their cadence facts for the period asked for (and their rhythm today), and
   * per trend period each partner's ROB and MBR tallies: one gather, read once by whichever source asks first,
   * so the sources that do not need it start at once.
   */
  facts: () => Promise<{ partners: CadencePartner[]; trendTallies: Map<string, Map<number, KindTallies>> }>
  settings: ProgramSettingsValues
  /** The tasks module's all-time totals, read once per request by whichever source asks first. */
  taskTotals: NonNullable<KnownFacts['taskTotals']>
  now: Date
}

/** One partner's totals of one metric in one period (the period asked for, for metrics of today). */
export type PartnerTotals = {
  metric: ScorecardMetric
  period: string
  partnerId: number
  numerator: number
  denominator: number
}

/**
 * A source of metric totals: one file per source, each reading its module's set-based aggregates. A module
 * that records new data (NSAT, tasks, compliance, insights) adds a source; until then its metrics say "no data".
 */
export type ScorecardSource = {
  metrics: readonly ScorecardMetric[]
  collect(ctx: ScorecardContext): Promise<PartnerTotals[]>
}
