import { skipForeignKeyTriggers } from '#db/bulk'
import type { Database, SqlClient } from '#db/client'
import { scoreHealth } from '#server/modules/analytics/health/score'
import { rebuildOpportunities } from '#server/modules/analytics/opportunities/service'
import { loadVersions, resolverOf } from '#server/modules/settings/service'
import { monthEnd, monthStart, today } from '#shared/domain/periods'
import {
  aggregates,
  buildCurrent,
  type RefreshScope,
  type ScoreRow,
  scoredPeriods,
  tidyAfterRefresh,
  usagePeriods,
  writeGroupRollup,
  writePartnerBands,
  writeRollup,
  writeScores,
} from './repository'

export type RefreshRequest = {
  /** Recompute periods from this date's month (inclusive) … */
  from?: string
  /** … up to this date (inclusive); null or absent: the newest period. */
  to?: string | null
  /** Only the newest period (an edit changes today's state, not the past). */
  latestOnly?: boolean
  /** Only these partners and their customers (an edit); absent: everything. */
  partnerIds?: number[]
  /** Exactly these periods (an import names the months it wrote). */
  periods?: string[]
  /** Called after each period is written (progress of long runs: seeding, settings). */
  onPeriod?: (period: string, done: number, total: number) => void
}
export type RefreshResult = {
  periods: string[]
  customers: number
  partners: number
  ms: number
  /** Of `ms`, the time until every period's scores and rollups were committed (visible). */
  scoresMs: number
  /** Of `ms`, the time spent finding the newest period's opportunities (after its scores were committed). */
  opportunitiesMs: number
  /** Of `ms`, milliseconds per step summed over the periods (where a refresh's time goes: the bench prints it). */
  steps: Record<string, number>
}

/** Runs one step of a refresh and adds its time to the result's `steps`. */
export type Step = <T>(name: string, work: () => Promise<T>) => Promise<T>

const REFRESH_WORK_MEM = '64MB'

/**
 * Session settings of a refresh transaction. Whole-table aggregates: hash them in memory, and skip JIT
 * compilation (seconds, gaining nothing here). A whole refresh joins hundreds of thousands of rows with as
 * many: hash joins over one pass each, not an index probe per row (the planner picks probes for temp tables
 * it has no counts of; twice to thrice slower here, on both databases). And every key a whole refresh
 * writes comes from rows it has just read (live customers, partners, engagements; none is ever deleted):
 * the per-row foreign-key checks of 300,000 rows cost seconds and find nothing.
 */
async function prepare(tx: SqlClient, scope: RefreshScope) {
  await tx.query(`set local work_mem = '${REFRESH_WORK_MEM}'`)
  await tx.query('set local jit = off')
  if (!scope) await tx.query('set local enable_nestloop = off')
  if (!scope) await skipForeignKeyTriggers(tx)
}

/** The working tables a refresh keeps in its session between the scores' and the opportunities' transactions. */
const dropWorkingTables = 'drop table if exists analytics_cur'

/** One refresh at a time per database: refreshes queue behind each other instead of interleaving. */
const queues = new WeakMap<Database, Promise<unknown>>()

/**
 * Recomputes health scores (customers, partners) and the partner × workload rollup for the periods a
 * change touched. Called after every import, edit and settings change, so nothing waits for a nightly run.
 */
export function analyticsRefresher(database: Database) {
  async function run(req: RefreshRequest): Promise<RefreshResult> {
    const started = performance.now()
    const resolve = resolverOf(await loadVersions(database))
    // The periods already scored are cheap to list; the months of the usage data need a scan, done only
    // when nothing is scored yet or everything is recomputed.
    const scored = await scoredPeriods(database.sql)
    const wholeHistory = !req.periods && !req.latestOnly && !req.partnerIds
    let periods = req.periods ?? (scored.length && !wholeHistory ? scored : await usagePeriods(database.sql))
    if (periods.length === 0) periods = [monthStart(today())]
    const newest = periods.at(-1)
    if (req.latestOnly) periods = periods.slice(-1)
    if (req.from) periods = periods.filter((p) => p >= monthStart(req.from!))
    if (req.to) periods = periods.filter((p) => p <= req.to!)
    const scope: RefreshScope = req.partnerIds ? { partnerIds: req.partnerIds } : null
    let customers = 0
    let partners = 0
    let opportunitiesMs = 0
    let scoresMs = 0
    const steps: Record<string, number> = {}
    const step: Step = async (name, work) => {
      const t = performance.now()
      try {
        return await work()
      } finally {
        steps[name] = Math.round((steps[name] ?? 0) + performance.now() - t)
      }
    }
    await database.session(async (session) => {
      try {
        for (const period of periods) {
          const { from, values } = resolve(period)
          const end = monthEnd(period)
          const score = (r: Awaited<ReturnType<typeof aggregates>>[number]): ScoreRow => {
            const { id, ...rest } = r
            const inputs = { ...rest, referenceDate: end }
            const h = scoreHealth(inputs, values)
            return { id, score: h.score, band: h.band, inputs }
          }
          // The scores first, committed on their own: dashboards show them while the opportunities are found.
          await session.transaction(async (tx) => {
            await prepare(tx, scope)
            await step('current', () => buildCurrent(tx, end, values.program, scope, step))
            const milestone = values.program.adoptionMilestone
            const byCustomer = (
              await step('aggregates', () => aggregates(tx, 'customer_id', milestone, 'all'))
            ).map(score)
            const byPartner = (
              await step('aggregates', () =>
                aggregates(tx, 'partner_id', milestone, scope ? 'scoped-partners' : 'all', scope?.partnerIds),
              )
            ).map(score)
            if (scope) {
              const { rows } = await tx.query<{ id: number }>(
                'select distinct customer_id as id from engagements where partner_id = any($1::int[])',
                [scope.partnerIds],
              )
              await writeScores(tx, 'customer_health', period, from, byCustomer, {
                ids: rows.map((r) => r.id),
              })
              await writeScores(tx, 'partner_health', period, from, byPartner, { ids: scope.partnerIds })
              await writeRollup(tx, period, values.program.milestones, { ids: scope.partnerIds })
            } else {
              await step('scores', async () => {
                await writeScores(tx, 'customer_health', period, from, byCustomer, { all: true })
                await writeScores(tx, 'partner_health', period, from, byPartner, { all: true })
              })
              await step('rollups', () => writeRollup(tx, period, values.program.milestones, { all: true }))
            }
            await step('scores', () => writePartnerBands(tx, period))
            await step('rollups', () => writeGroupRollup(tx, [period]))
            customers += byCustomer.length
            partners += byPartner.length
          })
          scoresMs = Math.round(performance.now() - started)
          // Opportunities are about now: only the newest period finds them (analytics/opportunities), from the
          // engagements and usage the scores were computed from (analytics_cur, kept in the session).
          if (period === newest) {
            const t = performance.now()
            await session.transaction(async (tx) => {
              await prepare(tx, scope)
              await rebuildOpportunities(tx, period, values, scope, { step })
            })
            opportunitiesMs = Math.round(performance.now() - t)
          }
          req.onPeriod?.(period, periods.indexOf(period) + 1, periods.length)
        }
      } finally {
        // Not masking the refresh's own error when the connection itself is what failed.
        await session.sql.query(dropWorkingTables).catch(() => {})
      }
    })
    // PGlite runs no autovacuum: without this, every rescored period would leave its old scores behind as
    // dead rows (the tables only grow, and each insert checks the key against them) and the planner would
    // never learn the new tables' sizes. PostgreSQL's autovacuum does the same on its own.
    if (database.kind === 'pglite' && !scope) await step('maintenance', () => tidyAfterRefresh(database.sql))
    return {
      periods,
      customers,
      partners,
      ms: Math.round(performance.now() - started),
      scoresMs,
      opportunitiesMs,
      steps,
    }
  }
  function enqueue<T>(job: () => Promise<T>): Promise<T> {
    const prev = queues.get(database) ?? Promise.resolve()
    const next = prev.catch(() => {}).then(job)
    queues.set(database, next)
    return next
  }
  const refresh = (req: RefreshRequest = {}) => enqueue(() => run(req))
  const regroup = () => enqueue(() => database.transaction((tx) => writeGroupRollup(tx, 'all')))
  return {
    refresh,
    /** At start: computes every period once when there is portfolio data but no score yet (a new or older database). */
    async ensureComputed(): Promise<RefreshResult | null> {
      const { rows } = await database.sql.query<{ missing: boolean; groups: boolean }>(
        `select (exists (select 1 from engagements) and not exists (select 1 from customer_health)) as missing,
                (exists (select 1 from partner_workload_monthly) and not exists (select 1 from group_workload_monthly)) as groups`,
      )
      if (rows[0]?.missing) return refresh()
      if (rows[0]?.groups) await regroup()
      return null
    },
    /** After a partner moved to another region or FPM: the group sums of every period (nothing else changes). */
    afterPartnerMoved: regroup,
    /** After an edit of a customer or its engagements: today's scores of it and of its partners. */
    async afterCustomerChange(customerId: number) {
      const { rows } = await database.sql.query<{ id: number }>(
        'select distinct partner_id as id from engagements where customer_id = $1',
        [customerId],
      )
      if (rows.length > 0) await refresh({ latestOnly: true, partnerIds: rows.map((r) => r.id) })
    },
    /** After a partner is archived or restored: today's scores of it and of its customers, and every period's group sums. */
    async afterPartnerChange(partnerId: number) {
      await refresh({ latestOnly: true, partnerIds: [partnerId] })
      // Archiving or restoring changes which partners count in every period's group sums.
      await regroup()
    },
    /**
     * After an import: every period from the earliest usage date the import wrote (its new or changed
     * snapshots carry its id); only today's scores when it changed no usage (states still may have changed).
     */
    async afterImport(importId: number) {
      const { rows } = await database.sql.query<{ period: string }>(
        `select distinct date_trunc('month', as_of)::date::text as period from usage_snapshots where import_id = $1`,
        [importId],
      )
      const touched = rows.map((r) => r.period)
      if (touched.length === 0) return refresh({ latestOnly: true })
      const first = [...touched].sort()[0]!
      const later = (await scoredPeriods(database.sql)).filter((p) => p > first)
      return refresh({ periods: [...new Set([...touched, ...later])].sort() })
    },
  }
}
