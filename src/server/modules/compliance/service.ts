import { and, gt, inArray, isNull, or, type SQL } from 'drizzle-orm'
import type { Database } from '#db/client'
import { meetingSeries } from '#db/schema/index'
import type { Actor } from '#server/modules/access/actor'
import { type ProgramFilters, programScope } from '#server/modules/access/program-scope'
import { occurrencesOf } from '#server/modules/meetings/occurrences'
import { meetingsRepository } from '#server/modules/meetings/repository'
import { loadVersions, resolverOf } from '#server/modules/settings/service'
import type {
  ComplianceFailure,
  ComplianceFailures,
  ComplianceFailuresQuery,
  ComplianceOverview,
  CompliancePartner,
  ComplianceQuery,
  ComplianceRollup,
  ComplianceSettings,
  ComplianceTally,
  PartnerCompliance,
} from '#shared/contracts/compliance'
import { cadenceKinds } from '#shared/domain/cadence'
import {
  ageInDays,
  type CheckTallies,
  type ComplianceCheck,
  complianceChecks,
  complianceFixLabel,
  compliancePct,
  emptyCheckTallies,
  isFresh,
  overallTally,
  sumCheckTallies,
  type Tally,
} from '#shared/domain/compliance'
import { addDays } from '#shared/domain/periods'
import type { PartnerStatus } from '#shared/domain/portfolio'
import { AppError } from '#shared/errors'
import { type CompliancePartnerRow, complianceRepository } from './repository'

export type ComplianceFilters = ProgramFilters
/** The seam of the scorecard and the offboarding rules: raw totals per partner, never percentages. */
export type ComplianceTotals = {
  partnerId: number
  fpmUserId: number | null
  /** Null for a partner without a region (the column allows it). */
  regionId: number | null
  applicable: number
  passed: number
  byCheck: CheckTallies
}

const DAY_MS = 86_400_000
const present = (t: Tally): ComplianceTally => ({ ...t, compliance: compliancePct(t) })
const presentChecks = (t: CheckTallies) =>
  Object.fromEntries(complianceChecks.map((c) => [c, present(t[c])])) as Record<
    ComplianceCheck,
    ComplianceTally
  >

/** One partner's facts and tallies, as evaluated now. */
type Evaluated = { row: CompliancePartnerRow; nextMeetingAt: string | null; tallies: CheckTallies }

/** Data compliance (docs/metrics.md "Data compliance", decision 015): evaluated when read, as of now. */
export function complianceService(database: Database) {
  const repo = complianceRepository(database.db)
  const meetings = meetingsRepository(database.db)

  const scopeOf = programScope

  /** The checks in force today (compliance is always a statement about now). */
  async function settingsNow(now: Date): Promise<ComplianceSettings> {
    const resolve = resolverOf(await loadVersions(database))
    return resolve(now.toISOString().slice(0, 10)).values.compliance
  }

  /**
   * Per partner, the start of its next ROB or MBR that is not cancelled, from now to the horizon: the meetings
   * module's expansion with the stored overrides (moved, cancelled), never a second one (decision 012).
   */
  async function nextMeetings(scope: SQL, now: Date, days: number): Promise<Map<number, string>> {
    const horizon = new Date(now.getTime() + days * DAY_MS)
    const series = await meetings.listSeries(
      scope,
      and(
        inArray(meetingSeries.kind, [...cadenceKinds]),
        or(isNull(meetingSeries.endsAt), gt(meetingSeries.endsAt, now)),
      ),
    )
    const stored = await meetings.occurrencesIn(
      series.map((s) => s.id),
      now,
      horizon,
    )
    const next = new Map<number, string>()
    for (const o of occurrencesOf(series, stored, now, horizon, () => false)) {
      if (o.status === 'cancelled') continue
      const known = next.get(o.partnerId)
      if (!known || o.start < known) next.set(o.partnerId, o.start)
    }
    return next
  }

  /** Every partner of the scope with its check tallies: three queries and the in-memory expansion. */
  async function evaluate(scope: SQL, settings: ComplianceSettings, now: Date): Promise<Evaluated[]> {
    const today = now.toISOString().slice(0, 10)
    const [rows, next] = await Promise.all([
      repo.partners(scope, {
        usage: addDays(today, -settings.usage.days),
        escalations: addDays(today, -settings.escalations.days),
      }),
      settings.nextMeeting.enabled
        ? nextMeetings(scope, now, settings.nextMeeting.days)
        : Promise.resolve(new Map<number, string>()),
    ])
    return rows.map((row) => {
      const tallies = emptyCheckTallies()
      const one = (pass: boolean): Tally => ({ applicable: 1, passed: pass ? 1 : 0 })
      if (settings.notes.enabled) tallies.notes = one(isFresh(row.lastNoteOn, today, settings.notes.days))
      if (settings.stakeholders.enabled)
        tallies.stakeholders = one(row.sponsorIdentified && row.deliveryLeadIdentified)
      if (settings.nextMeeting.enabled) tallies.nextMeeting = one(next.has(row.partnerId))
      if (settings.usage.enabled) tallies.usage = { applicable: row.usageApplicable, passed: row.usagePassed }
      if (settings.escalations.enabled)
        tallies.escalations = { applicable: row.escalationsApplicable, passed: row.escalationsPassed }
      return { row, nextMeetingAt: next.get(row.partnerId) ?? null, tallies }
    })
  }

  const toPartner = (e: Evaluated): CompliancePartner => ({
    partnerId: e.row.partnerId,
    name: e.row.name,
    status: e.row.status as PartnerStatus,
    regionId: e.row.regionId,
    regionName: e.row.regionName,
    fpmUserId: e.row.fpmUserId,
    fpmName: e.row.fpmName,
    overall: present(overallTally(e.tallies)),
    byCheck: presentChecks(e.tallies),
    lastNoteOn: e.row.lastNoteOn,
    sponsorIdentified: e.row.sponsorIdentified,
    deliveryLeadIdentified: e.row.deliveryLeadIdentified,
    nextMeetingAt: e.nextMeetingAt,
  })

  /** The failing records of the scope: partner-level ones from the evaluation, the rest from their tables. */
  async function failuresOf(
    scope: SQL,
    evaluated: Evaluated[],
    settings: ComplianceSettings,
    now: Date,
    check: ComplianceCheck | undefined,
    limit: number,
  ): Promise<{ total: number; items: ComplianceFailure[] }> {
    const today = now.toISOString().slice(0, 10)
    const byId = new Map(evaluated.map((e) => [e.row.partnerId, e.row]))
    const wants = (c: ComplianceCheck) => (!check || check === c) && settings[c].enabled
    const base = (c: ComplianceCheck, r: CompliancePartnerRow) => ({
      check: c,
      partnerId: r.partnerId,
      partnerName: r.name,
      fpmUserId: r.fpmUserId,
      fpmName: r.fpmName,
      fixLabel: complianceFixLabel[c],
    })
    const items: ComplianceFailure[] = []
    let total = 0
    const partnerLevel = (
      c: ComplianceCheck,
      section: string,
      detail: (r: CompliancePartnerRow) => string,
    ) => {
      if (!wants(c)) return
      for (const e of evaluated) {
        if (e.tallies[c].passed === e.tallies[c].applicable) continue
        total++
        if (items.length < limit)
          items.push({
            ...base(c, e.row),
            subject: { kind: 'partner', id: e.row.partnerId, name: e.row.name },
            detail: detail(e.row),
            lastOn: c === 'notes' ? e.row.lastNoteOn : null,
            fixPath: `/partners/${e.row.partnerId}#${section}`,
          })
      }
    }
    partnerLevel('notes', 'engagement-log', (r) =>
      r.lastNoteOn ? `Newest note ${ageInDays(r.lastNoteOn, today)} days ago` : 'No engagement note yet',
    )
    partnerLevel('stakeholders', 'stakeholders', (r) =>
      [!r.sponsorIdentified && 'No sponsor', !r.deliveryLeadIdentified && 'no delivery lead']
        .filter(Boolean)
        .join(', ')
        .replace(/^n/, 'N'),
    )
    partnerLevel(
      'nextMeeting',
      'meetings',
      () => `No ROB or MBR in the next ${settings.nextMeeting.days} days`,
    )
    const [usage, escalations] = await Promise.all([
      wants('usage')
        ? repo.staleUsage(scope, addDays(today, -settings.usage.days), limit)
        : Promise.resolve([]),
      wants('escalations')
        ? repo.staleEscalations(scope, addDays(today, -settings.escalations.days), limit)
        : Promise.resolve([]),
    ])
    total += (usage[0]?.total ?? 0) + (escalations[0]?.total ?? 0)
    for (const u of usage) {
      const r = byId.get(u.partnerId)
      if (!r || items.length >= limit) continue
      items.push({
        ...base('usage', r),
        subject: { kind: 'customer', id: u.customerId, name: u.customerName },
        detail: u.newestOn ? `Newest usage ${ageInDays(u.newestOn, today)} days old` : 'No usage data',
        lastOn: u.newestOn,
        fixPath: `/customers/${u.customerId}`,
      })
    }
    for (const x of escalations) {
      const r = byId.get(x.partnerId)
      if (!r || items.length >= limit) continue
      const last = new Date(x.lastUpdateAt).toISOString()
      items.push({
        ...base('escalations', r),
        subject: { kind: 'escalation', id: x.escalationId, name: x.title },
        detail: `No update for ${ageInDays(last, today)} days`,
        lastOn: last,
        fixPath: `/escalations/${x.escalationId}`,
      })
    }
    return { total, items }
  }

  return {
    /**
     * The seam of the role scorecard and the offboarding rules (issue 5): raw totals per live partner of the
     * scope. Compliance is a statement about now; the period is accepted for the common shape and ignored.
     */
    async totalsByPartner(
      actor: Actor,
      filters: ComplianceFilters,
      _period?: { from: string; to: string },
      now = new Date(),
    ): Promise<ComplianceTotals[]> {
      const settings = await settingsNow(now)
      const evaluated = await evaluate(scopeOf(actor, filters), settings, now)
      return evaluated.map((e) => {
        const all = overallTally(e.tallies)
        return {
          partnerId: e.row.partnerId,
          fpmUserId: e.row.fpmUserId,
          regionId: e.row.regionId,
          applicable: all.applicable,
          passed: all.passed,
          byCheck: e.tallies,
        }
      })
    },

    /** Per partner, FPM, region and overall, with per-check tallies. */
    async overview(actor: Actor, q: ComplianceQuery, now = new Date()): Promise<ComplianceOverview> {
      const settings = await settingsNow(now)
      const evaluated = await evaluate(scopeOf(actor, q), settings, now)
      const rows = evaluated.map(toPartner)
      return {
        asOf: now.toISOString(),
        settings,
        totals: rollup(null, 'All partners', rows),
        byRegion: groupBy(rows, (r) => [r.regionId, r.regionName ?? 'No region']),
        byFpm: groupBy(rows, (r) => [r.fpmUserId, r.fpmName ?? 'No partner manager']),
        partners: rows,
      }
    },

    /** The failing records of the scope, each with where it is fixed. */
    async failures(actor: Actor, q: ComplianceFailuresQuery, now = new Date()): Promise<ComplianceFailures> {
      const settings = await settingsNow(now)
      const scope = scopeOf(actor, q)
      const evaluated = await evaluate(scope, settings, now)
      const { total, items } = await failuresOf(scope, evaluated, settings, now, q.check, q.limit)
      return { asOf: now.toISOString(), total, items }
    },

    /** One partner (archived or not, if visible): its tallies and everything to fix. */
    async partner(actor: Actor, id: number, now = new Date()): Promise<PartnerCompliance> {
      const settings = await settingsNow(now)
      const scope = scopeOf(actor, { partnerId: id }, false)
      const evaluated = await evaluate(scope, settings, now)
      const e = evaluated[0]
      if (!e) throw AppError.notFound('Partner')
      const { items } = await failuresOf(scope, evaluated, settings, now, undefined, 1000)
      return { asOf: now.toISOString(), settings, partner: toPartner(e), failures: items }
    },
  }
}

/** Totals of a group: sums of passed and applicable, so a compliance is never an average of percentages. */
function rollup(id: number | null, name: string, rows: CompliancePartner[]): ComplianceRollup {
  const byCheck = sumCheckTallies(
    rows.map(
      (r) =>
        Object.fromEntries(
          complianceChecks.map((c) => [
            c,
            { applicable: r.byCheck[c].applicable, passed: r.byCheck[c].passed },
          ]),
        ) as CheckTallies,
    ),
  )
  return {
    id,
    name,
    partners: rows.length,
    overall: present(overallTally(byCheck)),
    byCheck: presentChecks(byCheck),
  }
}

function groupBy(rows: CompliancePartner[], key: (r: CompliancePartner) => [number | null, string]) {
  const groups = new Map<number | null, { name: string; rows: CompliancePartner[] }>()
  for (const r of rows) {
    const [id, name] = key(r)
    const g = groups.get(id) ?? { name, rows: [] }
    g.rows.push(r)
    groups.set(id, g)
  }
  return [...groups].map(([id, g]) => rollup(id, g.name, g.rows)).sort((a, b) => a.name.localeCompare(b.name))
}
