import type { Database } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import { type CadenceFilters, cadenceService } from '#server/modules/cadence/service'
import type { tasksService } from '#server/modules/tasks/service'
import type { CadencePartner } from '#shared/contracts/cadence'
import type { OffboardingSettings } from '#shared/contracts/settings'
import { parsePeriod } from '#shared/domain/cadence'
import type { UsageMonth } from '#shared/domain/offboarding'
import { offboardingRepository } from './repository'
import type { PartnerSignals } from './rules/types'
import { offboardingSignalSources } from './sources'

export type SignalsPartner = {
  partnerId: number
  name: string
  status: string
  regionId: number | null
  regionName: string | null
  fpmUserId: number | null
  fpmName: string | null
}

/**
 * A source of signals for some rules: per partner of the scope, the fields it knows. A module that records
 * data a rule reads (tasks, NSAT, referrals) adds one here; without it those fields stay undefined.
 */
export type SignalSource = (
  database: Database,
  actor: Actor,
  filters: CadenceFilters,
  now: Date,
  known?: KnownFacts,
) => Promise<Map<number, Partial<PartnerSignals>>>

/**
 * Facts of the same scope a caller has already read (the scorecard reads them for its own metrics), so the
 * rules reuse them instead of reading them again.
 */
export type KnownFacts = {
  /** The live partners of the scope with their cadence facts (a promise: the caller may still be reading them). */
  partners: CadencePartner[] | Promise<CadencePartner[]>
  /** The tasks module's all-time totals per partner (decision 014), read once when first asked for. */
  taskTotals?: () => ReturnType<ReturnType<typeof tasksService>['totalsByPartner']>
}

/** The live partners of the scope with everything the rules read: one query per source, none per partner. */
export async function gatherSignals(
  database: Database,
  actor: Actor,
  filters: CadenceFilters,
  settings: OffboardingSettings,
  now: Date,
  /** The cadence facts of the same scope, when the caller has them already. */
  known?: KnownFacts,
): Promise<{ partner: SignalsPartner; signals: PartnerSignals }[]> {
  const repo = offboardingRepository(database.db)
  const month = parsePeriod(now.toISOString().slice(0, 7))!
  const cadence = cadenceService(database)
  const [partners, extra, rows] = await Promise.all([
    known ? known.partners : cadence.partnerFacts(actor, filters, month, now).then((f) => f.partners),
    Promise.all(offboardingSignalSources.map((source) => source(database, actor, filters, now, known))),
    repo.usageByMonth(cadence.scopeOf(actor, filters), settings.noGrowthMonths),
  ])
  const usage = new Map<number, UsageMonth[]>()
  for (const r of rows) {
    const list = usage.get(r.partnerId) ?? []
    list.push({ month: r.month, licensed: Number(r.licensed), active: Number(r.active) })
    usage.set(r.partnerId, list)
  }
  return partners.map((p) => ({
    partner: {
      partnerId: p.partnerId,
      name: p.name,
      status: p.status,
      regionId: p.regionId,
      regionName: p.regionName,
      fpmUserId: p.fpmUserId,
      fpmName: p.fpmName,
    },
    signals: Object.assign(
      { partnerId: p.partnerId, usage: usage.get(p.partnerId) ?? [], noRhythm: p.noRhythm },
      ...extra.map((m) => m.get(p.partnerId) ?? {}),
    ) as PartnerSignals,
  }))
}
