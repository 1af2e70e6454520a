import { type SQL, sql } from 'drizzle-orm'
import { type Db, execRows } from '#db/client'
import type { HealthBand } from '#shared/contracts/analytics'
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
    async periods(partnerIds: SQL): Promise<string[]> {
      const rows = await execRows<{ period: string }>(
        db,
        sql`select distinct period::text as period from partner_health where partner_id in ${partnerIds} order by 1`,
      )
      return rows.map((r) => r.period)
    },

    async trend(partnerIds: SQL, workload: string | undefined) {
      const rows = await execRows<{ period: string; workloadCode: string; licensed: string; active: string }>(
        db,
        sql`select period::text as period, workload_code as "workloadCode", sum(licensed) as licensed, sum(active) as active
            from partner_workload_monthly
            where partner_id in ${partnerIds} ${workload ? sql`and workload_code = ${workload}` : sql``}
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
    async period(partnerIds: SQL, period: string, workload: string | undefined) {
      const phaseSums = sql.raw(
        phases.map((_, i) => `coalesce(sum(phase_counts[${i + 1}]), 0)::int`).join(', '),
      )
      const [row] = await execRows<Record<string, unknown>>(
        db,
        sql`select count(distinct partner_id)::int as partners, coalesce(sum(engagements), 0)::int as engagements,
                   coalesce(sum(eligible), 0)::int as eligible, coalesce(sum(claimed), 0)::int as claimed,
                   coalesce(sum(licensed), 0)::float8 as licensed, coalesce(sum(active), 0)::float8 as active,
                   array[${phaseSums}] as funnel,
                   (select array_agg(s order by i) from (
                      select i, coalesce(sum(m.milestone_counts[i]), 0)::int as s
                      from partner_workload_monthly m, generate_subscripts(m.milestone_counts, 1) i
                      where m.partner_id in ${partnerIds} and m.period = ${period}::date
                        ${workload ? sql`and m.workload_code = ${workload}` : sql``}
                      group by i) x) as milestones
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

    async bands(partnerIds: SQL, period: string) {
      const [row] = await execRows<Record<string, number>>(
        db,
        sql`select coalesce(sum(customers_healthy), 0)::int as c_healthy, coalesce(sum(customers_watch), 0)::int as c_watch,
                   coalesce(sum(customers_at_risk), 0)::int as c_at_risk,
                   count(*) filter (where band = 'healthy')::int as p_healthy,
                   count(*) filter (where band = 'watch')::int as p_watch,
                   count(*) filter (where band = 'at_risk')::int as p_at_risk
            from partner_health where partner_id in ${partnerIds} and period = ${period}::date`,
      )
      return {
        customers: { healthy: num(row?.c_healthy), watch: num(row?.c_watch), at_risk: num(row?.c_at_risk) },
        partners: { healthy: num(row?.p_healthy), watch: num(row?.p_watch), at_risk: num(row?.p_at_risk) },
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
        customersAtRisk: number | null
      }>(
        db,
        sql`select p.id as "partnerId", p.name, u.display_name as "fpmName", ph.score::float8 as score, ph.band,
                   prev.score::float8 as previous, ph.customers_at_risk as "customersAtRisk",
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
        }
      })
    },

    /** Partner × workload cells of one period, for the partners given. */
    async cells(partnerIds: SQL, period: string, workload: string | undefined) {
      const rows = await execRows<{
        partnerId: number
        workloadCode: string
        licensed: string
        active: string
        engagements: number
      }>(
        db,
        sql`select partner_id as "partnerId", workload_code as "workloadCode", licensed, active, engagements
            from partner_workload_monthly
            where partner_id in ${partnerIds} and period = ${period}::date
              ${workload ? sql`and workload_code = ${workload}` : sql``}`,
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

    /** Partner × workload share at `period` and at `before`, both measured (for movers and trends). */
    async shareChanges(partnerIds: SQL, period: string, before: string, workload: string | undefined) {
      const rows = await execRows<{
        partnerId: number
        partnerName: string
        workloadCode: string
        licensed: string
        active: string
        prevLicensed: string
        prevActive: string
      }>(
        db,
        sql`select m.partner_id as "partnerId", p.name as "partnerName", m.workload_code as "workloadCode",
                   m.licensed, m.active, b.licensed as "prevLicensed", b.active as "prevActive"
            from partner_workload_monthly m
            join partner_workload_monthly b on b.partner_id = m.partner_id and b.workload_code = m.workload_code
              and b.period = ${before}::date
            join partners p on p.id = m.partner_id
            where m.partner_id in ${partnerIds} and m.period = ${period}::date and m.licensed > 0 and b.licensed > 0
              ${workload ? sql`and m.workload_code = ${workload}` : sql``}`,
      )
      return rows.map((r) => {
        const share = num(r.active) / num(r.licensed)
        const previousShare = num(r.prevActive) / num(r.prevLicensed)
        return {
          partnerId: r.partnerId,
          partnerName: r.partnerName,
          workloadCode: r.workloadCode,
          share,
          previousShare,
          change: share - previousShare,
          licensed: num(r.licensed),
        }
      })
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
