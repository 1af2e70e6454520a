import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { groupWorkloadMonthly, partners } from '#db/schema/index'
import type { Actor } from '#server/modules/access/actor'
import { groupVisible, partnerVisible } from '#server/modules/access/scope'
import { settingsInForce } from '#server/modules/settings/service'
import type {
  Dashboard,
  DashboardQuery,
  PartnerAnalytics,
  WorkloadStanding,
} from '#shared/contracts/dashboards'
import { addMonths } from '#shared/domain/periods'
import { phases } from '#shared/domain/portfolio'
import { workloadCatalog } from '#shared/domain/workloads'
import { AppError } from '#shared/errors'
import { median, percentileRank, standingOf } from './benchmark'
import { dashboardsRepository } from './repository'

const HEATMAP_PARTNERS = 25
const MOVERS = 5
/** Partner × workloads with fewer licensed users are left out of the movers (noise). */
const MOVER_MIN_LICENSED = 50

const workloadOrder = new Map<string, number>(workloadCatalog.map((w, i) => [w.code, i]))
const byWorkload = (a: string, b: string) =>
  (workloadOrder.get(a) ?? 99) - (workloadOrder.get(b) ?? 99) || a.localeCompare(b)
const share = (active: number, licensed: number) => (licensed > 0 ? active / licensed : null)

/** Region benchmark rows by `${regionId}:${period}`, shared by the calls of one report. */
export type RegionMemo = Map<string, ReturnType<ReturnType<typeof dashboardsRepository>['regionShares']>>

export function dashboardsService(database: Database) {
  const repo = dashboardsRepository(database.db)

  async function milestoneList(period: string, counts: number[]) {
    const { values } = await settingsInForce(database, period)
    return values.program.milestones.map((milestone, i) => ({ milestone, engagements: counts[i] ?? 0 }))
  }

  return {
    /** "My portfolio" (mine), "Region" (regionId) or any filtered view, always within the actor's scope. */
    async dashboard(actor: Actor, q: DashboardQuery): Promise<Dashboard> {
      const fpm = q.mine ? actor.id : q.fpmUserId
      const partnerIds = sql`(select ${partners.id} from ${partners} where ${partners.archivedAt} is null
        and ${partnerVisible(actor)}
        ${q.regionId ? sql`and ${partners.regionId} = ${q.regionId}` : sql``}
        ${fpm ? sql`and ${partners.fpmUserId} = ${fpm}` : sql``}
        ${q.partnerId ? sql`and ${partners.id} = ${q.partnerId}` : sql``})`
      // The same partners as whole region × FPM groups, when the scope and filters say it that way.
      const visibleGroups = q.partnerId ? null : groupVisible(actor)
      const groups =
        visibleGroups &&
        and(
          visibleGroups,
          q.regionId ? eq(groupWorkloadMonthly.regionId, q.regionId) : undefined,
          fpm ? eq(groupWorkloadMonthly.fpmUserId, fpm) : undefined,
        )!
      const scope = { partnerIds, groups }
      const periods = await repo.periods(scope)
      const period = q.period && periods.includes(q.period) ? q.period : (periods.at(-1) ?? null)
      const empty = { healthy: 0, watch: 0, at_risk: 0 }
      if (!period) {
        return {
          period: null,
          periods,
          totals: {
            partners: 0,
            engagements: 0,
            eligible: 0,
            claimed: 0,
            licensed: 0,
            active: 0,
            share: null,
            shareDelta: null,
          },
          customerBands: empty,
          partnerBands: empty,
          funnel: phases.map((phase) => ({ phase, engagements: 0 })),
          milestones: [],
          trend: [],
          heatmap: { partners: [], workloads: [], cells: [], more: 0 },
          partners: [],
          movers: { up: [], down: [] },
        }
      }
      const previous = addMonths(period, -1)
      const [now, trend, partnerRows, cells, movers, settings] = await Promise.all([
        repo.summary(partnerIds, period, q.workload),
        repo.trend(scope, q.workload),
        repo.partners(partnerIds, period, q.workload),
        repo.topCells(partnerIds, period, q.workload, HEATMAP_PARTNERS),
        repo.movers(partnerIds, period, previous, q.workload, MOVER_MIN_LICENSED, MOVERS),
        settingsInForce(database, period),
      ])
      const nowShare = share(now.active, now.licensed)
      // Last month's share from the trend already read (same partners, same workload filter).
      const before = trend
        .filter((t) => t.period === previous)
        .reduce((sum, t) => ({ active: sum.active + t.active, licensed: sum.licensed + t.licensed }), {
          active: 0,
          licensed: 0,
        })
      const beforeShare = share(before.active, before.licensed)
      const shown = [...partnerRows].sort((a, b) => b.licensed - a.licensed).slice(0, HEATMAP_PARTNERS)
      const shownIds = new Set(shown.map((p) => p.partnerId))
      const bandCount = (band: string) => partnerRows.filter((p) => p.band === band).length
      const bandSum = (f: (p: (typeof partnerRows)[number]) => number) =>
        partnerRows.reduce((s, p) => s + f(p), 0)
      return {
        period,
        periods,
        totals: {
          partners: partnerRows.length,
          engagements: now.engagements,
          eligible: now.eligible,
          claimed: now.claimed,
          licensed: now.licensed,
          active: now.active,
          share: nowShare,
          shareDelta: nowShare !== null && beforeShare !== null ? nowShare - beforeShare : null,
        },
        customerBands: {
          healthy: bandSum((p) => p.customersHealthy),
          watch: bandSum((p) => p.customersWatch),
          at_risk: bandSum((p) => p.customersAtRisk),
        },
        partnerBands: {
          healthy: bandCount('healthy'),
          watch: bandCount('watch'),
          at_risk: bandCount('at_risk'),
        },
        funnel: phases.map((phase, i) => ({ phase, engagements: now.funnel[i] ?? 0 })),
        milestones: settings.values.program.milestones.map((milestone, i) => ({
          milestone,
          engagements: now.milestones[i] ?? 0,
        })),
        trend,
        heatmap: {
          partners: shown.map((p) => ({ partnerId: p.partnerId, name: p.name })),
          workloads: [...new Set(cells.map((c) => c.workloadCode))].sort(byWorkload),
          cells: cells.filter((c) => shownIds.has(c.partnerId)),
          more: partnerRows.length - shown.length,
        },
        partners: partnerRows.map(({ customersHealthy: _h, customersWatch: _w, ...row }) => row),
        movers: {
          up: movers.filter((m) => m.change > 0).sort((a, b) => b.change - a.change),
          down: movers.filter((m) => m.change < 0).sort((a, b) => a.change - b.change),
        },
      }
    },

    /**
     * A partner's analytics: usage trend per workload, funnel, and each workload against the region.
     * `regions` memoises the region benchmarks across calls (a report asks for every partner of a region).
     */
    async partner(
      actor: Actor,
      id: number,
      q: { period?: string },
      regions: RegionMemo = new Map(),
    ): Promise<PartnerAnalytics> {
      const [partner, rows] = await Promise.all([
        repo.partnerRef(partnerVisible(actor), id),
        repo.partnerRows(id),
      ])
      if (!partner) throw AppError.notFound('Partner')
      const periods = [...new Set(rows.map((r) => r.period))]
      const period = q.period && periods.includes(q.period) ? q.period : (periods.at(-1) ?? null)
      const empty = { healthy: 0, watch: 0, at_risk: 0 }
      const trend = rows.map((r) => ({
        period: r.period,
        workloadCode: r.workloadCode,
        licensed: Number(r.licensed),
        active: Number(r.active),
        share: share(Number(r.active), Number(r.licensed)),
      }))
      if (!period)
        return {
          period,
          periods,
          regionName: partner.regionName ?? null,
          trend,
          funnel: [],
          milestones: [],
          standings: [],
          customerBands: empty,
        }

      const at = (p: string) => rows.filter((r) => r.period === p)
      const current = at(period)
      const funnel = phases.map((phase, i) => ({
        phase,
        engagements: current.reduce((s, r) => s + (r.phaseCounts[i] ?? 0), 0),
      }))
      const milestoneCounts = current.reduce<number[]>(
        (acc, r) => r.milestoneCounts.map((c, i) => c + (acc[i] ?? 0)),
        [],
      )
      const regionKey = `${partner.regionId}:${period}`
      if (!regions.has(regionKey)) regions.set(regionKey, repo.regionShares(partner.regionId, period))
      const [milestones, region, customerBands] = await Promise.all([
        milestoneList(period, milestoneCounts),
        regions.get(regionKey)!,
        repo.partnerBands(id, period),
      ])
      const adoptionIndex = milestones.length - 1
      const shareAt = (p: string, w: string) => {
        const r = rows.find((x) => x.period === p && x.workloadCode === w)
        return r ? share(Number(r.active), Number(r.licensed)) : null
      }
      const delta = (a: number | null, b: number | null) => (a !== null && b !== null ? a - b : null)
      const standings: WorkloadStanding[] = current
        .map((r) => {
          const s = share(Number(r.active), Number(r.licensed))
          const peers = region.filter((x) => x.workloadCode === r.workloadCode).map((x) => x.share)
          const percentile = s === null ? null : percentileRank(s, peers.length ? peers : [s])
          return {
            workloadCode: r.workloadCode,
            engagements: r.engagements,
            licensed: Number(r.licensed),
            active: Number(r.active),
            share: s,
            regionMedian: median(peers),
            percentile,
            peers: peers.length,
            standing: standingOf(percentile),
            mom: delta(s, shareAt(addMonths(period, -1), r.workloadCode)),
            qoq: delta(s, shareAt(addMonths(period, -3), r.workloadCode)),
            adoptionReached: r.milestoneCounts[adoptionIndex] ?? 0,
          }
        })
        .sort((a, b) => byWorkload(a.workloadCode, b.workloadCode))
      return {
        period,
        periods,
        regionName: partner.regionName ?? null,
        trend,
        funnel,
        milestones,
        standings,
        customerBands,
      }
    },
  }
}
