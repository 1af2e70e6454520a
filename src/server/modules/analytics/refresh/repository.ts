import { copyText } from '#db/bulk'
import type { SqlClient } from '#db/client'
import type { Step } from '#server/modules/analytics/refresh/service'
import type { HealthAggregate } from '#shared/contracts/analytics'
import { phases } from '#shared/domain/portfolio'
import { buildUsageHistory } from './usage-history'

/** Which engagements a refresh reads: all, or those of some partners and of those partners' customers. */
export type RefreshScope = { partnerIds: number[] } | null

const phaseArray = `array[${phases.map((p) => `'${p}'`).join(',')}]::text[]`
const phaseIndex = (col: string) => `(array_position(${phaseArray}, ${col}) - 1)`

/**
 * The periods (months) that hold usage data, oldest first. Distinct months of usage_snapshots: a loose
 * scan would need an index on as_of; the refresh asks once per run.
 */
export async function usagePeriods(sql: SqlClient): Promise<string[]> {
  const { rows } = await sql.query<{ period: string }>(
    `select distinct date_trunc('month', as_of)::date::text as period from usage_snapshots order by 1`,
  )
  return rows.map((r) => r.period)
}

/** The periods that hold scores already, oldest first (an index scan of partner_health). */
export async function scoredPeriods(sql: SqlClient): Promise<string[]> {
  const { rows } = await sql.query<{ period: string }>(
    'select distinct period::text as period from partner_health order by 1',
  )
  return rows.map((r) => r.period)
}

/**
 * Builds the temp table `analytics_cur`: every live engagement in scope with the newest snapshot of its customer × workload
 * up to the period's end and the newest one of an earlier month (for the trend), read from the usage
 * history (usage-history.ts: stored facts plus the snapshots after them, not two index probes per
 * engagement). graph_csv wins over portfolio on the same date, as everywhere (customers/repository.ts); then
 * the source in descending order, as health/repository.ts's snapshotsOfPeriod.
 */
export async function buildCurrent(
  tx: SqlClient,
  periodEnd: string,
  program: { eligibleMinSeats: number; successReviewAt: number },
  scope: RefreshScope,
  step: Step,
) {
  const params: unknown[] = [program.eligibleMinSeats]
  let scopeSql = ''
  if (scope) {
    params.push(scope.partnerIds)
    scopeSql = `and (e.partner_id = any($2::int[]) or e.customer_id in (select customer_id from engagements where partner_id = any($2::int[])))`
  }
  await tx.query('drop table if exists analytics_eng')
  await tx.query(
    `create temp table analytics_eng on commit drop as
     select e.id as engagement_id, e.partner_id, e.customer_id, e.workload_code, e.intent_status, e.claimed,
            ${phaseIndex('e.phase')} as phase_idx, coalesce(c.seats, 0) >= $1 as eligible, e.phase, e.phase_since
     from engagements e
     join customers c on c.id = e.customer_id and c.archived_at is null
     join partners pa on pa.id = e.partner_id and pa.archived_at is null
     where e.archived_at is null ${scopeSql}`,
    params,
  )
  await step('usage history', () => buildUsageHistory(tx, periodEnd, program.successReviewAt, scope === null))
  // Kept past the commit (no "on commit drop"): the opportunities' transaction of the same session reads it;
  // the refresh drops it at its end.
  await tx.query('drop table if exists analytics_cur')
  await tx.query(
    `create temp table analytics_cur as
     select e.*, h.latest_on as as_of, h.latest_lic as lic, h.latest_act as act,
            h.prior_lic as plic, h.prior_act as pact, h.peak, h.share_since
     from analytics_eng e
     left join usage_hist h on h.customer_id = e.customer_id and h.workload_code = e.workload_code`,
  )
}

const aggregateColumns = (milestoneParam: string) => `
  count(*)::int as n,
  count(*) filter (where intent_status = 'in_progress')::int as "inProgress",
  count(*) filter (where intent_status = 'blocked')::int as blocked,
  coalesce(sum(phase_idx::float8 / ${phases.length - 1}), 0)::float8 as "phaseSum",
  count(*) filter (where lic > 0)::int as measured,
  coalesce(sum(lic) filter (where lic > 0), 0)::float8 as licensed,
  coalesce(sum(act) filter (where lic > 0), 0)::float8 as active,
  coalesce(sum(lic * least(1.0, act::float8 / lic / ${milestoneParam})) filter (where lic > 0), 0)::float8 as "usageSum",
  count(*) filter (where lic > 0 and plic > 0)::int as "withPrev",
  coalesce(sum(lic) filter (where lic > 0 and plic > 0), 0)::float8 as "prevLicensed",
  coalesce(sum(lic * (act::float8 / lic - pact::float8 / plic)) filter (where lic > 0 and plic > 0), 0)::float8 as "deltaSum",
  (max(as_of) filter (where lic > 0))::text as "newestAsOf"`

export type AggregateRow = Omit<HealthAggregate, 'referenceDate'> & { id: number }

/** The health aggregate of every customer (by = 'customer_id') or partner (by = 'partner_id') in analytics_cur. */
export async function aggregates(
  tx: SqlClient,
  by: 'customer_id' | 'partner_id',
  adoptionMilestone: number,
  only: 'all' | 'scoped-partners',
  partnerIds: number[] = [],
): Promise<AggregateRow[]> {
  const filter = only === 'scoped-partners' ? `and partner_id = any($2::int[])` : ''
  const { rows } = await tx.query<AggregateRow>(
    `select ${by} as id, ${aggregateColumns('$1::float8')}
     from analytics_cur where intent_status <> 'duplicate' ${filter}
     group by ${by}`,
    only === 'scoped-partners' ? [adoptionMilestone, partnerIds] : [adoptionMilestone],
  )
  return rows
}

export type ScoreRow = { id: number; score: number; band: string; inputs: HealthAggregate }

/** Replaces the scores of one period for the given subjects (customers or partners). */
export async function writeScores(
  tx: SqlClient,
  table: 'customer_health' | 'partner_health',
  period: string,
  settingsFrom: string | null,
  rows: ScoreRow[],
  replace: { all: true } | { ids: number[] },
) {
  const key = table === 'customer_health' ? 'customer_id' : 'partner_id'
  if ('all' in replace) await tx.query(`delete from ${table} where period = $1::date`, [period])
  else
    await tx.query(`delete from ${table} where period = $1::date and ${key} = any($2::int[])`, [
      period,
      replace.ids,
    ])
  // COPY in text format: JSON inputs need no quoting there (a third of the time of json_to_recordset on PGlite).
  const periodField = `${period}\t`
  const from = `\t${settingsFrom === null ? '\\N' : settingsFrom}\n`
  for (let i = 0; i < rows.length; i += 20_000) {
    const lines: string[] = []
    for (const r of rows.slice(i, i + 20_000))
      lines.push(
        `${r.id}\t${periodField}${r.score}\t${copyText(r.band)}\t${copyText(JSON.stringify(r.inputs))}${from}`,
      )
    await tx.copyCsv(
      table,
      [key, 'period', 'score', 'band', 'inputs', 'settings_from'],
      lines.join(''),
      'text',
    )
  }
}

/** Rebuilds the partner × workload rollup of one period for the partners in analytics_cur. */
export async function writeRollup(
  tx: SqlClient,
  period: string,
  milestones: number[],
  replace: { all: true } | { ids: number[] },
) {
  if ('all' in replace)
    await tx.query(`delete from partner_workload_monthly where period = $1::date`, [period])
  else
    await tx.query(
      `delete from partner_workload_monthly where period = $1::date and partner_id = any($2::int[])`,
      [period, replace.ids],
    )
  const milestoneCounts = milestones
    .map((m) => `count(*) filter (where lic > 0 and act::float8 / lic >= ${Number(m)})::int`)
    .join(', ')
  const phaseCounts = phases.map((_, i) => `count(*) filter (where phase_idx = ${i})::int`).join(', ')
  const filter = 'all' in replace ? '' : 'and partner_id = any($2::int[])'
  await tx.query(
    `insert into partner_workload_monthly (partner_id, workload_code, period, engagements, customers, eligible,
       claimed, in_progress, blocked, measured, licensed, active, milestone_counts, phase_counts)
     select partner_id, workload_code, $1::date, count(*)::int, count(distinct customer_id)::int,
       count(*) filter (where eligible)::int, count(*) filter (where claimed)::int,
       count(*) filter (where intent_status = 'in_progress')::int, count(*) filter (where intent_status = 'blocked')::int,
       count(*) filter (where lic > 0)::int, coalesce(sum(lic) filter (where lic > 0), 0),
       coalesce(sum(act) filter (where lic > 0), 0), array[${milestoneCounts}]::int[], array[${phaseCounts}]::int[]
     from analytics_cur where intent_status <> 'duplicate' ${filter}
     group by partner_id, workload_code`,
    'all' in replace ? [period] : [period, replace.ids],
  )
}

/** Counts each partner's customers by band (after both score tables of the period are written). */
export async function writePartnerBands(tx: SqlClient, period: string) {
  await tx.query(
    `update partner_health ph
     set customers_healthy = x.healthy, customers_watch = x.watch, customers_at_risk = x.at_risk
     from (
       select pc.partner_id,
              count(*) filter (where ch.band = 'healthy')::int as healthy,
              count(*) filter (where ch.band = 'watch')::int as watch,
              count(*) filter (where ch.band = 'at_risk')::int as at_risk
       from (select distinct partner_id, customer_id from analytics_cur where intent_status <> 'duplicate') pc
       join customer_health ch on ch.customer_id = pc.customer_id and ch.period = $1::date
       group by pc.partner_id
     ) x
     where ph.partner_id = x.partner_id and ph.period = $1::date`,
    [period],
  )
}

/**
 * After a whole refresh: reclaims the rows it deleted (the scores and rollups of the periods it rewrote) and
 * updates the planner's statistics of everything it wrote (the findings and usage facts are rewritten after
 * a truncate: nothing to reclaim). Outside any transaction: VACUUM cannot run in one.
 */
export async function tidyAfterRefresh(sql: SqlClient) {
  await sql.query(
    'vacuum (analyze) customer_health, partner_health, partner_workload_monthly, group_workload_monthly',
  )
  await sql.query('analyze usage_history_facts, opportunities')
}

/**
 * Rebuilds the region × FPM rollup (group_workload_monthly) of some periods, or of all, from the partner
 * rollup of the live partners.
 */
export async function writeGroupRollup(tx: SqlClient, periods: string[] | 'all') {
  const only = periods === 'all' ? '' : 'where period = any($1::date[])'
  const params = periods === 'all' ? [] : [periods]
  await tx.query(`delete from group_workload_monthly ${only}`, params)
  await tx.query(
    `insert into group_workload_monthly (region_id, fpm_user_id, period, workload_code, partners, engagements, licensed, active)
     select p.region_id, p.fpm_user_id, m.period, m.workload_code, count(*)::int, sum(m.engagements)::int,
            sum(m.licensed), sum(m.active)
     from partner_workload_monthly m join partners p on p.id = m.partner_id and p.archived_at is null
     ${periods === 'all' ? '' : 'where m.period = any($1::date[])'}
     group by p.region_id, p.fpm_user_id, m.period, m.workload_code`,
    params,
  )
}
