import type { Database } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import { type ProgramFilters, programScope } from '#server/modules/access/program-scope'
import { cadenceService } from '#server/modules/cadence/service'
import { settingsInForce } from '#server/modules/settings/service'
import { allTime, tasksService } from '#server/modules/tasks/service'
import type {
  DrilldownQuery,
  MetricValue,
  Scorecard,
  ScorecardDrilldown,
  ScorecardGroup,
  ScorecardMetricInfo,
  ScorecardQuery,
} from '#shared/contracts/scorecard'
import type { ProgramSettingsValues } from '#shared/contracts/settings'
import { type CadencePeriod, parsePeriod, quarterOf } from '#shared/domain/cadence'
import { scorecardMetricDefinitions } from '#shared/domain/metrics'
import { nsat } from '#shared/domain/nsat'
import { addDays } from '#shared/domain/periods'
import {
  type MetricDefinition,
  type MetricTotals,
  metricDefinition,
  metricDefinitions,
  type ScorecardMetric,
  shareOf,
  statusOf,
  sumTotals,
  type TargetSetting,
  targetSettingMetric,
  trendPeriods,
} from '#shared/domain/scorecard'
import { type CachedTotals, type InViewRow, scorecardRepository } from './repository'
import { scorecardSources } from './sources/index'
import type { PartnerTotals, ScorecardContext, ScorecardSource } from './sources/types'

/** How many periods the trend shows, the one asked for included. */
const TREND = 4

const targetKeyOf = new Map(
  (Object.entries(targetSettingMetric) as [TargetSetting, ScorecardMetric][]).map(([k, m]) => [m, k]),
)

function targetOf(code: ScorecardMetric, s: ProgramSettingsValues): number | null {
  if (code === 'cadence_compliance') return s.cadence.complianceTarget
  if (code === 'nsat_partner' || code === 'nsat_customer') return s.nsat.target
  const key = targetKeyOf.get(code)
  return key ? s.scorecard[key] : null
}

/**
 * The value of a metric's totals: a share, or an NSAT (0–200) from the NSAT module's formula, with
 * numerator = VSAT − DSAT and denominator = valid responses.
 */
function metricValueOf(def: MetricDefinition, t: MetricTotals): number | null {
  if (def.unit === 'nsat')
    return nsat({ valid: t.denominator, vsat: Math.max(t.numerator, 0), dsat: Math.max(-t.numerator, 0) })
  return shareOf(t)
}

/** A function that runs `fn` the first time it is called and returns that same promise afterwards. */
function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined
  return () => {
    p ??= fn()
    return p
  }
}

/** Which metrics some source collects: the rest have no data source in Trellis yet. */
const collected = new Set(scorecardSources.flatMap((s) => s.metrics))
const tracked = (def: MetricDefinition) => !def.notTracked && collected.has(def.code)

/** The role scorecard (decision 018): the four success factors per FPM and for everyone in view. */
export function scorecardService(database: Database, sources: readonly ScorecardSource[] = scorecardSources) {
  const cadence = cadenceService(database)
  const repo = scorecardRepository(database.db)

  /** Every source's totals for the partners given (narrowed by `partnerIds`), computed from the data. */
  async function compute(
    actor: Actor,
    filters: ProgramFilters,
    periods: CadencePeriod[],
    settings: ProgramSettingsValues,
    now: Date,
  ) {
    const ctx: ScorecardContext = {
      database,
      actor,
      filters,
      scope: programScope(actor, filters),
      periods,
      facts: once(() => cadence.partnerFacts(actor, filters, periods.at(-1)!, now, periods)),
      settings,
      taskTotals: once(() => tasksService(database).totalsByPartner(actor, filters, allTime)),
      now,
    }
    return (await Promise.all(sources.map((s) => s.collect(ctx)))).flat()
  }

  /**
   * The totals of every partner in view: those stored for this request's key under the partners' current data
   * stamps, and the rest computed now — only for the partners whose data changed since (decision 019) — and
   * stored.
   */
  async function collect(actor: Actor, q: ScorecardQuery, now: Date) {
    const key = q.period ?? quarterOf(now.toISOString().slice(0, 10))
    const keys = trendPeriods(key, TREND)
    const periods = keys.map((k) => parsePeriod(k)!)
    const current = periods.at(-1)!
    const today = now.toISOString().slice(0, 10)
    const lastDay = addDays(current.to, -1)
    const filters = { regionId: q.regionId, fpmUserId: q.fpmUserId }
    const cacheKey = `${keys.join(',')}|${today}|v2`
    const [{ values: settings }, inView] = await Promise.all([
      settingsInForce(database, [lastDay, today].sort()[0]!), // ISO dates: the earlier one
      repo.inView(programScope(actor, filters), cacheKey),
    ])
    const stale = inView.filter((p) => p.totals === null)
    const totals: PartnerTotals[] = inView.flatMap((p) =>
      (p.totals ?? []).map(([metric, i, numerator, denominator]) => ({
        metric,
        period: keys[i]!,
        partnerId: p.partnerId,
        numerator,
        denominator,
      })),
    )
    if (stale.length > 0) {
      const fresh = await compute(
        actor,
        { ...filters, partnerIds: stale.map((p) => p.partnerId) },
        periods,
        settings,
        now,
      )
      const byPartner = new Map(stale.map((p) => [p.partnerId, [] as CachedTotals]))
      const periodIndex = new Map(keys.map((k, i) => [k, i]))
      for (const t of fresh)
        byPartner.get(t.partnerId)?.push([t.metric, periodIndex.get(t.period)!, t.numerator, t.denominator])
      await repo.store(
        cacheKey,
        stale.map((p) => ({ partnerId: p.partnerId, stamp: p.stamp, totals: byPartner.get(p.partnerId)! })),
      )
      totals.push(...fresh)
    }
    return { keys, current, settings, partners: inView, totals }
  }

  function info(def: MetricDefinition, settings: ProgramSettingsValues): ScorecardMetricInfo {
    return {
      code: def.code,
      factor: def.factor,
      name: def.name,
      unit: def.unit,
      basis: def.basis,
      definition: scorecardMetricDefinitions[def.code],
      roleGuide: def.roleGuide,
      target: targetOf(def.code, settings),
      notTracked:
        def.notTracked ?? (collected.has(def.code) ? null : 'No Trellis module records this data yet.'),
    }
  }

  function group(
    fpmUserId: number | null,
    name: string,
    partners: InViewRow[],
    index: Map<string, PartnerTotals[]>,
    keys: string[],
    settings: ProgramSettingsValues,
  ): ScorecardGroup {
    const ids = new Set(partners.map((p) => p.partnerId))
    const totalsOf = (code: ScorecardMetric, period: string) =>
      sumTotals((index.get(`${code}|${period}`) ?? []).filter((t) => ids.has(t.partnerId)))
    const current = keys.at(-1)!
    const metrics = Object.fromEntries(
      metricDefinitions.map((def) => {
        const isTracked = tracked(def)
        const t = isTracked ? totalsOf(def.code, current) : { numerator: 0, denominator: 0 }
        const value = isTracked ? metricValueOf(def, t) : null
        const cur: MetricValue = {
          ...t,
          value,
          status: statusOf(value, targetOf(def.code, settings), isTracked),
          lowN: def.unit === 'nsat' && t.denominator > 0 && t.denominator < settings.nsat.minResponses,
        }
        const trend =
          isTracked && def.basis === 'period'
            ? keys.map((period) => ({ period, value: metricValueOf(def, totalsOf(def.code, period)) }))
            : []
        return [def.code, { current: cur, trend }]
      }),
    ) as ScorecardGroup['metrics']
    return { fpmUserId, name, partners: partners.length, metrics }
  }

  return {
    /** Every metric per FPM in view and for all of them together, with a trend over the periods before. */
    async scorecard(actor: Actor, q: ScorecardQuery, now = new Date()): Promise<Scorecard> {
      const { keys, current, settings, partners, totals } = await collect(actor, q, now)
      const index = new Map<string, PartnerTotals[]>()
      for (const t of totals) {
        const k = `${t.metric}|${t.period}`
        const list = index.get(k)
        if (list) list.push(t)
        else index.set(k, [t])
      }
      const byFpm = new Map<number | null, { name: string; partners: InViewRow[] }>()
      for (const p of partners) {
        const g = byFpm.get(p.fpmUserId) ?? { name: p.fpmName ?? 'No partner manager', partners: [] }
        g.partners.push(p)
        byFpm.set(p.fpmUserId, g)
      }
      return {
        period: current,
        periods: keys,
        asOf: now.toISOString(),
        metrics: metricDefinitions.map((d) => info(d, settings)),
        fpms: [...byFpm]
          .map(([id, g]) => group(id, g.name, g.partners, index, keys, settings))
          .sort((a, b) => a.name.localeCompare(b.name)),
        total: group(null, 'Everyone in view', partners, index, keys, settings),
      }
    },

    /** The partners behind one metric of the period (an FPM's when asked), worst first. */
    async drilldown(actor: Actor, q: DrilldownQuery, now = new Date()): Promise<ScorecardDrilldown> {
      const def = metricDefinition(q.metric)
      const { current, settings, partners, totals } = await collect(actor, q, now)
      const byId = new Map(partners.map((p) => [p.partnerId, p]))
      const rows = tracked(def)
        ? totals
            .filter((t) => t.metric === q.metric && t.period === current.key && t.denominator > 0)
            .flatMap((t) => {
              const p = byId.get(t.partnerId)
              if (!p) return []
              return [
                {
                  partnerId: t.partnerId,
                  name: p.name,
                  fpmName: p.fpmName,
                  numerator: t.numerator,
                  denominator: t.denominator,
                  value: metricValueOf(def, t),
                  link: linkOf(q.metric, t.partnerId),
                },
              ]
            })
            .sort((a, b) => (a.value ?? 0) - (b.value ?? 0) || a.name.localeCompare(b.name))
        : []
      return { metric: info(def, settings), period: current.key, rows }
    },
  }
}

/** Where the rows behind a partner's number are. */
function linkOf(metric: ScorecardMetric, partnerId: number): string {
  switch (metric) {
    case 'issue_closure':
      return `/escalations?partnerId=${partnerId}`
    case 'not_progressing_raised':
      return `/offboarding?partnerId=${partnerId}`
    default:
      return `/partners/${partnerId}`
  }
}
