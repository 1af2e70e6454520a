import { type SQL, sql } from 'drizzle-orm'
import { type Db, execRows } from '#db/client'
import { partners, regions } from '#db/schema/index'
import type { HealthBand } from '#shared/contracts/analytics'
import { MAX_MILESTONES } from '#shared/contracts/settings'
import { phases } from '#shared/domain/portfolio'

/**
 * Every dashboard reads the rollups the refresh writes (partner_workload_monthly, partner_health), never
 * the raw snapshots: a region's dashboard touches a few thousand rows whatever the history's size.
 * `partnerIds` is a subquery of the partner ids in scope (access scope ∩ filters).
 */
const num = (x: unknown) => Number(x ?? 0)
const shareOf = (active: number, licensed: number) => (licensed > 0 ? active / licensed : null)

export function dashboardsRepository(db: Db) {
  return {
    async periods(scope: { partnerIds: SQL; groups: SQL | null }): Promise<string[]> {
      const rows = await execRows<{ period: string }>(
        db,
        scope.groups
          ? sql`select distinct period::text as period from group_workload_monthly where ${scope.groups} order by 1`
          : sql`select distinct period::text as period from partner_health where partner_id in ${scope.partnerIds} order by 1`,
      )
      return rows.map((r) => r.period)
    },

    /**
     * Usage per workload and month of the partners in scope: from the region × FPM rollup when the scope is
     * whole groups (`groups`, a condition on group_workload_monthly), else from the partner rollup.
     */
    async trend(scope: { partnerIds: SQL; groups: SQL | null }, workload: string | undefined) {
      const source = scope.groups
        ? sql`group_workload_monthly where ${scope.groups}`
        : sql`partner_workload_monthly where partner_id in ${scope.partnerIds}`
      const rows = await execRows<{ period: string; workloadCode: string; licensed: string; active: string }>(
        db,
        sql`select period::text as period, workload_code as "workloadCode", sum(licensed) as licensed, sum(active) as active
            from ${source} ${workload ? sql`and workload_code = ${workload}` : sql``}
            group by period, workload_code order by period, workload_code`,
      )
      return rows.map((r) => {
        const licensed = num(r.licensed)
        const active = num(r.active)
        return {
          period: r.period,
          workloadCode: r.workloadCode,
          licensed,
          active,
          share: shareOf(active, licensed),
        }
      })
    },

    /** Totals, funnel and milestone counts of one period. */
    async summary(partnerIds: SQL, period: string, workload: string | undefined) {
      // Element-wise sums of the count arrays, one column per position (a set-returning function here would
      // make the planner expect 1,000 rows per rollup row and start parallel workers for a few hundred).
      const sums = (column: string, n: number) =>
        sql.raw(Array.from({ length: n }, (_, i) => `coalesce(sum(${column}[${i + 1}]), 0)::int`).join(', '))
      const [row] = await execRows<Record<string, unknown>>(
        db,
        sql`select count(distinct partner_id)::int as partners, coalesce(sum(engagements), 0)::int as engagements,
                   coalesce(sum(eligible), 0)::int as eligible, coalesce(sum(claimed), 0)::int as claimed,
                   coalesce(sum(licensed), 0)::float8 as licensed, coalesce(sum(active), 0)::float8 as active,
                   array[${sums('phase_counts', phases.length)}] as funnel,
                   array[${sums('milestone_counts', MAX_MILESTONES)}] as milestones
            from partner_workload_monthly
            where partner_id in ${partnerIds} and period = ${period}::date
              ${workload ? sql`and workload_code = ${workload}` : sql``}`,
      )
      return {
        partners: num(row?.partners),
        engagements: num(row?.engagements),
        eligible: num(row?.eligible),
        claimed: num(row?.claimed),
        licensed: num(row?.licensed),
        active: num(row?.active),
        funnel: ((row?.funnel as number[] | null) ?? []).map(num),
        milestones: ((row?.milestones as number[] | null) ?? []).map(num),
      }
    },

    /** Every partner in scope with its score, its change since the previous scored period and its usage. */
    async partners(partnerIds: SQL, period: string, workload: string | undefined) {
      const rows = await execRows<{
        partnerId: number
        name: string
        fpmName: string | null
        score: number | null
        band: HealthBand | null
        previous: number | null
        licensed: string | null
        active: string | null
        engagements: number | null
        customersHealthy: number | null
        customersWatch: number | null
        customersAtRisk: number | null
      }>(
        db,
        sql`select p.id as "partnerId", p.name, u.display_name as "fpmName", ph.score::float8 as score, ph.band,
                   prev.score::float8 as previous, ph.customers_healthy as "customersHealthy",
                   ph.customers_watch as "customersWatch", ph.customers_at_risk as "customersAtRisk",
                   w.licensed, w.active, w.engagements
            from partners p
            left join users u on u.id = p.fpm_user_id
            left join partner_health ph on ph.partner_id = p.id and ph.period = ${period}::date
            left join lateral (
              select score from partner_health x where x.partner_id = p.id and x.period < ${period}::date
              order by x.period desc limit 1
            ) prev on true
            left join lateral (
              select sum(licensed) as licensed, sum(active) as active, sum(engagements)::int as engagements
              from partner_workload_monthly m
              where m.partner_id = p.id and m.period = ${period}::date ${workload ? sql`and m.workload_code = ${workload}` : sql``}
            ) w on true
            where p.id in ${partnerIds}
            order by ph.score asc nulls first, p.name`,
      )
      return rows.map((r) => {
        const licensed = num(r.licensed)
        const active = num(r.active)
        return {
          partnerId: r.partnerId,
          name: r.name,
          fpmName: r.fpmName,
          score: r.score,
          band: r.band,
          scoreDelta: r.score !== null && r.previous !== null ? r.score - r.previous : null,
          licensed,
          active,
          share: shareOf(active, licensed),
          engagements: num(r.engagements),
          customersAtRisk: num(r.customersAtRisk),
          customersHealthy: num(r.customersHealthy),
          customersWatch: num(r.customersWatch),
        }
      })
    },

    /**
     * Partner × workload cells of one period for the `top` partners with the most licensed users (the heat
     * map's rows; partners tied with the last one come too).
     */
    async topCells(partnerIds: SQL, period: string, workload: string | undefined, top: number) {
      const inPeriod = sql`partner_id in ${partnerIds} and period = ${period}::date
        ${workload ? sql`and workload_code = ${workload}` : sql``}`
      const rows = await execRows<{
        partnerId: number
        workloadCode: string
        licensed: string
        active: string
        engagements: number
      }>(
        db,
        sql`with totals as (
              select partner_id, sum(licensed) as licensed from partner_workload_monthly where ${inPeriod}
              group by partner_id),
            cut as (select licensed from totals order by licensed desc offset ${top - 1} limit 1)
            select partner_id as "partnerId", workload_code as "workloadCode", licensed, active, engagements
            from partner_workload_monthly
            where ${inPeriod}
              and partner_id in (select partner_id from totals where licensed >= coalesce((select licensed from cut), 0))`,
      )
      return rows.map((r) => ({
        partnerId: r.partnerId,
        workloadCode: r.workloadCode,
        licensed: num(r.licensed),
        active: num(r.active),
        share: shareOf(num(r.active), num(r.licensed)),
        engagements: num(r.engagements),
      }))
    },

    /**
     * The partner × workloads whose share moved most between `before` and `period` (`limit` up, `limit`
     * down), both months measured and at least `minLicensed` licensed users now.
     */
    async movers(
      partnerIds: SQL,
      period: string,
      before: string,
      workload: string | undefined,
      minLicensed: number,
      limit: number,
    ) {
      const rows = await execRows<{
        partnerId: number
        partnerName: string
        workloadCode: string
        licensed: string
        share: number
        previousShare: number
      }>(
        db,
        sql`with changes as (
              select m.partner_id, m.workload_code, m.licensed, m.active::float8 / m.licensed as share,
                     b.active::float8 / b.licensed as previous_share
              from partner_workload_monthly m
              join partner_workload_monthly b on b.partner_id = m.partner_id and b.workload_code = m.workload_code
                and b.period = ${before}::date
              where m.partner_id in ${partnerIds} and m.period = ${period}::date and m.licensed >= ${minLicensed}
                and m.licensed > 0 and b.licensed > 0
                ${workload ? sql`and m.workload_code = ${workload}` : sql``}),
            picked as (
              (select * from changes where share > previous_share order by share - previous_share desc limit ${limit})
              union all
              (select * from changes where share < previous_share order by share - previous_share asc limit ${limit}))
            select x.partner_id as "partnerId", p.name as "partnerName", x.workload_code as "workloadCode",
                   x.licensed, x.share, x.previous_share as "previousShare"
            from picked x join partners p on p.id = x.partner_id`,
      )
      return rows.map((r) => ({
        partnerId: r.partnerId,
        partnerName: r.partnerName,
        workloadCode: r.workloadCode,
        share: r.share,
        previousShare: r.previousShare,
        change: r.share - r.previousShare,
        licensed: num(r.licensed),
      }))
    },

    /** Each workload's share for every partner of a region in a period: the benchmark population. */
    async regionShares(regionId: number | null, period: string) {
      const rows = await execRows<{
        partnerId: number
        workloadCode: string
        licensed: string
        active: string
      }>(
        db,
        sql`select m.partner_id as "partnerId", m.workload_code as "workloadCode", m.licensed, m.active
            from partner_workload_monthly m join partners p on p.id = m.partner_id and p.archived_at is null
            where m.period = ${period}::date and m.licensed > 0
              and ${regionId === null ? sql`p.region_id is null` : sql`p.region_id = ${regionId}`}`,
      )
      return rows.map((r) => ({
        partnerId: r.partnerId,
        workloadCode: r.workloadCode,
        share: num(r.active) / num(r.licensed),
      }))
    },

    /** The partner the analytics are about, when the actor may see it: its region for the benchmark. */
    async partnerRef(scope: SQL, id: number) {
      const [row] = await execRows<{ regionId: number | null; regionName: string | null }>(
        db,
        sql`select ${partners.regionId} as "regionId", ${regions.name} as "regionName"
            from ${partners} left join ${regions} on ${regions.id} = ${partners.regionId}
            where ${partners.id} = ${id} and ${scope}`,
      )
      return row
    },

    /** One partner's customers by band in one period (partner_health keeps the counts). */
    async partnerBands(partnerId: number, period: string) {
      const [row] = await execRows<Record<string, number>>(
        db,
        sql`select customers_healthy as healthy, customers_watch as watch, customers_at_risk as at_risk
            from partner_health where partner_id = ${partnerId} and period = ${period}::date`,
      )
      return { healthy: num(row?.healthy), watch: num(row?.watch), at_risk: num(row?.at_risk) }
    },

    async partnerRows(partnerId: number) {
      return execRows<{
        period: string
        workloadCode: string
        licensed: string
        active: string
        engagements: number
        milestoneCounts: number[]
        phaseCounts: number[]
      }>(
        db,
        sql`select period::text as period, workload_code as "workloadCode", licensed, active, engagements,
                   milestone_counts as "milestoneCounts", phase_counts as "phaseCounts"
            from partner_workload_monthly where partner_id = ${partnerId} order by period, workload_code`,
      )
    },
  }
}
