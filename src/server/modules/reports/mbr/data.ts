import type { Database } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import { partnerVisible } from '#server/modules/access/scope'
import { scoreHealth } from '#server/modules/analytics/health/score'
import { opportunitiesService } from '#server/modules/analytics/opportunities/service'
import { loadSlaHours } from '#server/modules/escalations/sla'
import { meetingSeriesService } from '#server/modules/meetings/service'
import { settingsInForce } from '#server/modules/settings/service'
import type { HealthBand, HealthFactor } from '#shared/contracts/analytics'
import { activeStatuses, type EscalationStatus, type SlaState, slaClock } from '#shared/domain/escalations'
import { addMonths, monthEnd } from '#shared/domain/periods'
import { workloadName } from '#shared/domain/workloads'
import { AppError } from '#shared/errors'
import { type MbrEngagementRow, type MbrPartnerRow, mbrRepository } from './repository'

/** Months of the active-share trend chart: the chosen month and the 11 before it. */
export const TREND_MONTHS = 12
/** The most opportunities a pack keeps (the appendix lists them all, the deck the first slides' worth). */
export const PACK_OPPORTUNITIES = 500
/** How far after the month end the next meetings are looked for, and how many the deck shows. */
const NEXT_MEETING_DAYS = 62
const NEXT_MEETINGS = 6

const share = (active: number | null, licensed: number | null) =>
  licensed && licensed > 0 && active !== null ? active / licensed : null

export type MbrEscalation = {
  id: number
  title: string
  severity: string
  category: string
  customerName: string | null
  workloadCode: string | null
  owner: string | null
  raisedAt: string
  /** Status at the month end (from the escalation's events). */
  status: EscalationStatus
  /** When it was resolved or closed, as known at the month end (null while active). */
  resolvedAt: string | null
  slaState: SlaState
  /** Share of the SLA hours elapsed at the month end (or at resolution). */
  slaElapsed: number
  openedInMonth: boolean
  closedInMonth: boolean
}

export type MbrAction = {
  id: number
  title: string
  customerName: string | null
  owner: string | null
  dueOn: string | null
  createdAt: string
  closedAt: string | null
  /** State at the month end: open, done or cancelled. */
  state: 'open' | 'done' | 'cancelled'
  overdue: boolean
  doneInMonth: boolean
}

/** Everything an MBR deck and its appendix show: one partner, one month, frozen at the month end. */
export type MbrPack = {
  partner: MbrPartnerRow
  /** YYYY-MM */
  month: string
  period: string
  periodEnd: string
  /** The newest usage snapshot behind the month's numbers. */
  dataAsOf: string
  /** When the pack of a closed month was stored (later builds read it); null for the month in progress. */
  frozenAt: string | null
  health: {
    score: number
    band: HealthBand
    previousScore: number | null
    customers: { healthy: number; watch: number; atRisk: number }
    factors: HealthFactor[]
  }
  kpis: {
    engagements: number
    eligible: number
    claimed: number
    licensed: number
    active: number
    share: number | null
    previousShare: number | null
  }
  workloads: {
    code: string
    name: string
    engagements: number
    licensed: number
    active: number
    share: number | null
  }[]
  trend: { months: string[]; series: { code: string; name: string; shares: (number | null)[] }[] }
  rows: (MbrEngagementRow & { share: number | null; previousShare: number | null })[]
  opportunities: {
    total: number
    /** The period of the data the opportunities were found on. */
    foundOn: string | null
    items: {
      customerName: string
      workloadCode: string | null
      ruleTitle: string
      reason: string
      value: number
      unit: string
    }[]
  }
  escalations: { items: MbrEscalation[]; openAtEnd: number; opened: number; closed: number; breached: number }
  actions: { items: MbrAction[]; openAtEnd: number; doneInMonth: number; overdue: number }
  nextMeetings: { title: string; kind: string; start: string; timeZone: string }[]
}

/** The first instant after the month (its end, exclusive). */
export const cutoffOf = (period: string) => new Date(`${addMonths(period, 1)}T00:00:00Z`)

/**
 * The MBR pack of one partner and month, in the actor's scope (404 for a partner they may not see). A month
 * that has closed is built once and stored; later builds read the stored pack (decision 010).
 */
export async function mbrPack(
  database: Database,
  actor: Actor,
  partnerId: number,
  month: string,
  now = new Date(),
): Promise<MbrPack> {
  const repo = mbrRepository(database.db)
  const partner = await repo.partner(partnerId, partnerVisible(actor))
  if (!partner) throw AppError.notFound('Partner')
  const period = `${month}-01`
  const closed = monthEnd(period) < now.toISOString().slice(0, 10)
  if (closed) {
    const stored = (await repo.frozen(partnerId, period)) as MbrPack | null
    if (stored) return stored
  }
  const pack = await gather(database, actor, partner, period)
  if (!closed) return pack
  const frozen = { ...pack, frozenAt: now.toISOString() }
  if (await repo.freeze(partnerId, period, frozen)) return frozen
  // A concurrent first build stored its pack first: every build answers with the stored one.
  return ((await repo.frozen(partnerId, period)) as MbrPack | null) ?? frozen
}

/** The partner's id from its program ID (as imported), within the actor's scope. */
export async function partnerByProgramId(database: Database, actor: Actor, programId: string) {
  const id = await mbrRepository(database.db).partnerIdByProgramId(programId.trim(), partnerVisible(actor))
  if (id === null)
    throw new AppError('NOT_FOUND', `No partner with the Partner ID ${programId} that you can see`)
  return id
}

async function gather(
  database: Database,
  actor: Actor,
  partner: MbrPartnerRow,
  period: string,
): Promise<MbrPack> {
  const repo = mbrRepository(database.db)
  const periodEnd = monthEnd(period)
  const cutoff = cutoffOf(period)
  const first = addMonths(period, 1 - TREND_MONTHS)
  const health = await repo.health(partner.id, addMonths(period, -1), period)
  const current = health.find((h) => h.period === period)
  if (!current)
    throw new AppError(
      'NO_DATA',
      `${partner.name} (${partner.programId}) has no usage snapshot in ${period.slice(0, 7)}: there is no MBR for that month`,
      [{ path: ['month'], message: `No data for ${period.slice(0, 7)}` }],
    )
  const previous = health.find((h) => h.period === addMonths(period, -1)) ?? null
  const [{ values }, rollups, rows, escalationRows, actionRows, slaHours, opportunities, meetings] =
    await Promise.all([
      settingsInForce(database, period),
      repo.workloads(partner.id, first, period),
      repo.engagements(partner.id, periodEnd, cutoff),
      repo.escalations(partner.id, cutoff),
      repo.actions(partner.id, cutoff),
      loadSlaHours(database),
      opportunitiesService(database).openOf(actor, [partner.id], PACK_OPPORTUNITIES),
      meetingSeriesService(database).occurrences(actor, {
        from: cutoff.toISOString(),
        to: new Date(cutoff.getTime() + NEXT_MEETING_DAYS * 86_400_000).toISOString(),
        partnerId: partner.id,
      }),
    ])

  const ofMonth = rollups.filter((r) => r.period === period)
  const ofPrevious = rollups.filter((r) => r.period === addMonths(period, -1))
  const sum = (xs: typeof rollups, k: 'engagements' | 'eligible' | 'claimed' | 'licensed' | 'active') =>
    xs.reduce((s, r) => s + Number(r[k]), 0)
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => addMonths(first, i))
  const codes = [...new Set(ofMonth.map((r) => r.workloadCode))].sort((a, b) =>
    workloadName(a).localeCompare(workloadName(b)),
  )
  const byKey = new Map(rollups.map((r) => [`${r.period}|${r.workloadCode}`, r]))
  const monthStartIso = `${period}T00:00:00Z`
  const inMonth = (at: Date | string | null) =>
    at !== null && new Date(at) >= new Date(monthStartIso) && new Date(at) < cutoff

  const escalations = escalationRows.map((x): MbrEscalation => {
    let status: EscalationStatus = 'open'
    let resolvedAt: string | null = null
    for (const ev of x.events) {
      const to = (ev.toStatus ?? status) as EscalationStatus
      const wasActive = activeStatuses.includes(status)
      if (wasActive && !activeStatuses.includes(to)) resolvedAt = new Date(ev.at).toISOString()
      if (activeStatuses.includes(to)) resolvedAt = null
      status = to
    }
    const raisedAt = new Date(x.raisedAt)
    const clock = slaClock(
      raisedAt,
      slaHours[x.severity as keyof typeof slaHours] ?? 0,
      cutoff,
      resolvedAt ? new Date(resolvedAt) : null,
    )
    return {
      id: x.id,
      title: x.title,
      severity: x.severity,
      category: x.category,
      customerName: x.customerName,
      workloadCode: x.workloadCode,
      owner: x.owner,
      raisedAt: raisedAt.toISOString(),
      status,
      resolvedAt,
      slaState: clock.state,
      slaElapsed: clock.elapsedShare,
      openedInMonth: inMonth(raisedAt),
      closedInMonth: !activeStatuses.includes(status) && inMonth(resolvedAt),
    }
  })
  // Only the escalations the month's review is about: active at the end, or raised or closed in the month.
  const relevant = escalations.filter(
    (x) => activeStatuses.includes(x.status) || x.openedInMonth || x.closedInMonth,
  )

  const actions = actionRows.map((a): MbrAction => {
    const closedBefore = a.closedAt !== null && new Date(a.closedAt) < cutoff
    const state = closedBefore ? (a.status === 'cancelled' ? 'cancelled' : 'done') : 'open'
    return {
      id: a.id,
      title: a.title,
      customerName: a.customerName,
      owner: a.owner,
      dueOn: a.dueOn,
      createdAt: new Date(a.createdAt).toISOString(),
      closedAt: closedBefore ? new Date(a.closedAt!).toISOString() : null,
      state,
      overdue: state === 'open' && a.dueOn !== null && a.dueOn < periodEnd,
      doneInMonth: state === 'done' && inMonth(a.closedAt),
    }
  })
  const relevantActions = actions.filter((a) => a.state === 'open' || inMonth(a.closedAt))

  const dataAsOf = rows.reduce<string | null>((m, r) => (r.asOf && (!m || r.asOf > m) ? r.asOf : m), null)
  const licensed = sum(ofMonth, 'licensed')
  const active = sum(ofMonth, 'active')
  return {
    partner,
    month: period.slice(0, 7),
    period,
    periodEnd,
    dataAsOf: dataAsOf ?? periodEnd,
    frozenAt: null,
    health: {
      score: current.score,
      band: current.band,
      previousScore: previous?.score ?? null,
      customers: {
        healthy: current.customersHealthy,
        watch: current.customersWatch,
        atRisk: current.customersAtRisk,
      },
      factors: scoreHealth(current.inputs, values).factors,
    },
    kpis: {
      engagements: sum(ofMonth, 'engagements'),
      eligible: sum(ofMonth, 'eligible'),
      claimed: sum(ofMonth, 'claimed'),
      licensed,
      active,
      share: share(active, licensed),
      previousShare: ofPrevious.length ? share(sum(ofPrevious, 'active'), sum(ofPrevious, 'licensed')) : null,
    },
    workloads: codes.map((code) => {
      const r = byKey.get(`${period}|${code}`)!
      return {
        code,
        name: workloadName(code),
        engagements: r.engagements,
        licensed: Number(r.licensed),
        active: Number(r.active),
        share: share(Number(r.active), Number(r.licensed)),
      }
    }),
    trend: {
      months: months.map((m) => m.slice(0, 7)),
      series: codes.map((code) => ({
        code,
        name: workloadName(code),
        shares: months.map((m) => {
          const r = byKey.get(`${m}|${code}`)
          return r ? share(Number(r.active), Number(r.licensed)) : null
        }),
      })),
    },
    rows: rows.map((r) => ({
      ...r,
      share: share(r.active, r.licensed),
      previousShare: share(r.previousActive, r.previousLicensed),
    })),
    opportunities: {
      total: opportunities.total,
      foundOn: opportunities.items[0]?.period ?? null,
      items: opportunities.items.map((o) => ({
        customerName: o.customerName,
        workloadCode: o.workloadCode,
        ruleTitle: o.ruleTitle,
        reason: o.reason,
        value: o.value,
        unit: o.unit,
      })),
    },
    escalations: {
      items: relevant,
      openAtEnd: relevant.filter((x) => activeStatuses.includes(x.status)).length,
      opened: relevant.filter((x) => x.openedInMonth).length,
      closed: relevant.filter((x) => x.closedInMonth).length,
      breached: relevant.filter((x) => activeStatuses.includes(x.status) && x.slaState === 'breached').length,
    },
    actions: {
      items: relevantActions,
      openAtEnd: relevantActions.filter((a) => a.state === 'open').length,
      doneInMonth: relevantActions.filter((a) => a.doneInMonth).length,
      overdue: relevantActions.filter((a) => a.overdue).length,
    },
    nextMeetings: meetings.items
      .filter((o) => o.status !== 'cancelled')
      .slice(0, NEXT_MEETINGS)
      .map((o) => ({ title: o.title, kind: o.kind, start: o.start, timeZone: o.timeZone })),
  }
}

/** "Data as of" and month labels for the deck and the workbook. */
export const monthLabel = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
