import { inArray, type SQL } from 'drizzle-orm'
import type { Database } from '#db/client'
import { meetingSeries } from '#db/schema/index'
import type { Actor } from '#server/modules/access/actor'
import { type ProgramFilters, programScope } from '#server/modules/access/program-scope'
import { meetingsRepository } from '#server/modules/meetings/repository'
import { loadVersions, resolverOf } from '#server/modules/settings/service'
import type {
  CadenceOverview,
  CadencePartner,
  CadenceQuery,
  CadenceRollup,
  PartnerCadence,
} from '#shared/contracts/cadence'
import {
  type CadencePeriod,
  cadenceKinds,
  type KindTallies,
  monthsEnding,
  monthsOf,
  noRhythm,
  parsePeriod,
  quarterOf,
  sumTallies,
  tally,
} from '#shared/domain/cadence'
import { addDays } from '#shared/domain/periods'
import type { PartnerStatus } from '#shared/domain/portfolio'
import { type TouchpointKind, touchpointKinds } from '#shared/domain/touchpoints'
import { AppError } from '#shared/errors'
import { activeSeriesCount, cadenceOccurrences, presentTallies, talliesByPartner, windowOf } from './facts'
import { cadenceRepository } from './repository'

export type CadenceFilters = ProgramFilters
type Counts = Record<TouchpointKind, number>
const noCounts = () => Object.fromEntries(touchpointKinds.map((k) => [k, 0])) as Counts
const emptyKinds = (): KindTallies => ({ rob: sumTallies([]), mbr: sumTallies([]) })
const isoOf = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null)

/** Cadence compliance and business rhythm (docs/metrics.md "Business rhythm", decision 012). */
export function cadenceService(database: Database) {
  const repo = cadenceRepository(database.db)
  const meetings = meetingsRepository(database.db)

  const scopeOf = programScope

  /** The settings: silent weeks as of today, the target in force on the period's last due day. */
  async function settingsFor(period: CadencePeriod | null, now: Date) {
    const resolve = resolverOf(await loadVersions(database))
    const today = now.toISOString().slice(0, 10)
    const last = period ? addDays(period.to, -1) : today
    return {
      silentWeeks: resolve(today).values.cadence.silentWeeks,
      complianceTarget: resolve([last, today].sort()[0]!).values.cadence.complianceTarget,
    }
  }

  /** Series, their occurrences in [from, to), the newest held meeting and touchpoints: one query each. */
  async function gather(scope: SQL, from: string, to: string, now: Date) {
    const window = windowOf(from, to)
    const [rows, series, lastHeld, touchpoints] = await Promise.all([
      repo.partners(scope),
      meetings.listSeries(scope, inArray(meetingSeries.kind, [...cadenceKinds])),
      repo.lastHeld(scope, now),
      repo.touchpoints(scope, from, to),
    ])
    const stored = await meetings.occurrencesIn(
      series.map((s) => s.id),
      window[0],
      window[1],
    )
    return {
      rows,
      occurrences: cadenceOccurrences(series, stored, window),
      active: activeSeriesCount(series, now),
      lastHeld: new Map(lastHeld.map((r) => [r.partnerId, isoOf(r.lastHeldAt)])),
      touchpoints,
    }
  }

  const byPartner = <T extends { partnerId: number }>(rows: T[]) => {
    const map = new Map<number, T[]>()
    for (const r of rows) {
      const list = map.get(r.partnerId)
      if (list) list.push(r)
      else map.set(r.partnerId, [r])
    }
    return map
  }
  const touchpointsOf = (list: { kind: string; count: number }[]) => {
    const byKind = noCounts()
    for (const t of list) if (t.kind in byKind) byKind[t.kind as TouchpointKind] += t.count
    return { total: list.reduce((s, t) => s + t.count, 0), byKind }
  }

  /**
   * Per partner of the scope: its tallies, touchpoints and rhythm facts for the period — the reusable
   * function (a scorecard reads the same facts). With `trend`, one gather over the span of the period and
   * the trend's periods also gives each trend period's tallies per partner.
   */
  async function partnerFacts(
    actor: Actor,
    filters: CadenceFilters,
    period: CadencePeriod,
    now = new Date(),
    trend: CadencePeriod[] = [],
  ) {
    const settings = await settingsFor(period, now)
    const from = [period, ...trend].map((p) => p.from).sort()[0]!
    const to = [period, ...trend]
      .map((p) => p.to)
      .sort()
      .at(-1)!
    const g = await gather(scopeOf(actor, filters), from, to, now)
    const tallies = talliesByPartner(g.occurrences, period, now)
    const months = new Set(monthsOf(period))
    const touchpoints = byPartner(g.touchpoints.filter((t) => months.has(t.month)))
    const partners: CadencePartner[] = g.rows.map((r) => {
      const facts = {
        activeSeries: g.active.get(r.partnerId) ?? 0,
        sponsorIdentified: r.sponsorIdentified,
        lastHeldAt: g.lastHeld.get(r.partnerId) ?? null,
      }
      return {
        partnerId: r.partnerId,
        name: r.name,
        status: r.status as PartnerStatus,
        regionId: r.regionId,
        regionName: r.regionName,
        fpmUserId: r.fpmUserId,
        fpmName: r.fpmName,
        meetings: presentTallies(tallies.get(r.partnerId) ?? emptyKinds()),
        touchpoints: touchpointsOf(touchpoints.get(r.partnerId) ?? []),
        ...facts,
        noRhythm: noRhythm(facts, now, settings.silentWeeks),
      }
    })
    const trendTallies = new Map(trend.map((p) => [p.key, talliesByPartner(g.occurrences, p, now)]))
    return { settings, partners, trendTallies }
  }

  return {
    partnerFacts,
    /** The condition on `partners` for the actor's live partners narrowed by the filters (reused by readers of the same partners). */
    scopeOf,

    /** Partners, FPMs and regions of the scope in a period (the current quarter by default). */
    async overview(actor: Actor, q: CadenceQuery, now = new Date()): Promise<CadenceOverview> {
      const period = parsePeriod(q.period ?? quarterOf(now.toISOString().slice(0, 10)))!
      const { settings, partners: rows } = await partnerFacts(actor, q, period, now)
      return {
        period,
        asOf: now.toISOString(),
        settings,
        totals: rollup(null, 'All partners', rows),
        byRegion: groupBy(rows, (r) => [r.regionId, r.regionName ?? 'No region']),
        byFpm: groupBy(rows, (r) => [r.fpmUserId, r.fpmName ?? 'No partner manager']),
        partners: rows,
      }
    },

    /** One partner's last six months (to the month asked, the current one by default). */
    async partner(actor: Actor, id: number, q: { to?: string }, now = new Date()): Promise<PartnerCadence> {
      const scope = scopeOf(actor, { partnerId: id }, false)
      const months = monthsEnding(q.to ?? now.toISOString().slice(0, 7), 6)
      const span = { key: 'trend', from: `${months[0]}-01`, to: parsePeriod(months.at(-1)!)!.to }
      const [settings, g] = await Promise.all([
        settingsFor(span, now),
        gather(scope, span.from, span.to, now),
      ])
      const row = g.rows[0]
      if (!row) throw AppError.notFound('Partner')
      const facts = {
        activeSeries: g.active.get(id) ?? 0,
        sponsorIdentified: row.sponsorIdentified,
        lastHeldAt: g.lastHeld.get(id) ?? null,
      }
      return {
        partnerId: id,
        asOf: now.toISOString(),
        settings,
        months: months.map((month) => ({
          month,
          meetings: presentTallies(tally(g.occurrences, parsePeriod(month)!, now)),
          touchpoints: touchpointsOf(g.touchpoints.filter((t) => t.month === month)),
        })),
        ...facts,
        noRhythm: noRhythm(facts, now, settings.silentWeeks),
      }
    },
  }
}

/** Totals of a group: sums of held and scheduled, so a compliance is never an average of percentages. */
function rollup(id: number | null, name: string, rows: CadencePartner[]): CadenceRollup {
  const kinds = {
    rob: sumTallies(rows.map((r) => r.meetings.rob)),
    mbr: sumTallies(rows.map((r) => r.meetings.mbr)),
  }
  return {
    id,
    name,
    partners: rows.length,
    meetings: presentTallies(kinds),
    touchpoints: rows.reduce((s, r) => s + r.touchpoints.total, 0),
    noRhythm: rows.filter((r) => r.noRhythm.length > 0).length,
  }
}

function groupBy(rows: CadencePartner[], key: (r: CadencePartner) => [number | null, string]) {
  const groups = new Map<number | null, { name: string; rows: CadencePartner[] }>()
  for (const r of rows) {
    const [id, name] = key(r)
    const g = groups.get(id) ?? { name, rows: [] }
    g.rows.push(r)
    groups.set(id, g)
  }
  return [...groups].map(([id, g]) => rollup(id, g.name, g.rows)).sort((a, b) => a.name.localeCompare(b.name))
}
