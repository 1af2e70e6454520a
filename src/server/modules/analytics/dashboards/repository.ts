import { type SQL, sql } from 'drizzle-orm'
import { type Db, execRows } from '#db/client'
import { partners, regions } from '#db/schema/index'
import type { HealthBand } from '#shared/contracts/analytics'

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

    /**
     * The partner × workload rollup rows of the given periods (the dashboard's period and the one before):
     * totals, funnel, milestones, heat map and movers are all sums or pairs of these rows.
     */
    async slices(partnerIds: SQL, periods: string[], workload: string | undefined) {
      const rows = await execRows<{
        partnerId: number
        workloadCode: string
        period: string
        engagements: number
        eligible: number
        claimed: number
        licensed: string
        active: string
        milestoneCounts: number[]
        phaseCounts: number[]
      }>(
        db,
        sql`select partner_id as "partnerId", workload_code as "workloadCode", period::text as period, engagements,
                   eligible, claimed, licensed, active, milestone_counts as "milestoneCounts", phase_counts as "phaseCounts"
            from partner_workload_monthly
            where partner_id in ${partnerIds} and period in (${sql.join(
              periods.map((p) => sql`${p}::date`),
              sql`, `,
            )})
              ${workload ? sql`and workload_code = ${workload}` : sql``}`,
      )
      return rows.map((r) => ({ ...r, licensed: num(r.licensed), active: num(r.active) }))
    },

    /** Every partner in scope with its score and bands of `period` and its previous scored score. */
    async partners(partnerIds: SQL, period: string) {
      return execRows<{
        partnerId: number
        name: string
        fpmName: string | null
        score: number | null
        band: HealthBand | null
        previous: number | null
        customersHealthy: number | null
        customersWatch: number | null
        customersAtRisk: number | null
      }>(
        db,
        sql`select p.id as "partnerId", p.name, u.display_name as "fpmName", ph.score::float8 as score, ph.band,
                   prev.score::float8 as previous, ph.customers_healthy as "customersHealthy",
                   ph.customers_watch as "customersWatch", ph.customers_at_risk as "customersAtRisk"
            from partners p
            left join users u on u.id = p.fpm_user_id
            left join partner_health ph on ph.partner_id = p.id and ph.period = ${period}::date
            left join lateral (
              select score from partner_health x where x.partner_id = p.id and x.period < ${period}::date
              order by x.period desc limit 1
            ) prev on true
            where p.id in ${partnerIds}
            order by ph.score asc nulls first, p.name`,
      )
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
