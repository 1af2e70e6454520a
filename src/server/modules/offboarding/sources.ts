import { nsatService } from '#server/modules/nsat/service'
import { referralsService } from '#server/modules/referrals/service'
import { allTime, tasksService } from '#server/modules/tasks/service'
import { nsat, sumCounts } from '#shared/domain/nsat'
import { addDays } from '#shared/domain/periods'
import type { PartnerSignals } from './rules/types'
import type { SignalSource } from './signals'

/** The last twelve months up to today: the window of the NSAT and referral rules. */
const lastYear = (now: Date) => {
  const to = addDays(now.toISOString().slice(0, 10), 1)
  return { from: addDays(to, -365), to }
}

/** Overdue mandatory tasks today; no data for a partner no mandatory task applies to (decision 014). */
const tasksSignals: SignalSource = async (database, actor, filters, _now, known) => {
  const rows = await (known?.taskTotals?.() ??
    tasksService(database).totalsByPartner(actor, filters, allTime))
  return new Map(
    rows
      .filter((r) => r.mandatoryApplicable > 0)
      .map((r) => [r.partnerId, { overdueMandatoryTasks: r.mandatoryOverdue }] as const),
  )
}

/** NSAT of the last twelve months, partner and customer responses together (decision 013). */
const nsatSignals: SignalSource = async (database, actor, filters, now) => {
  const service = nsatService(database)
  const period = lastYear(now)
  const [rows, settings] = await Promise.all([
    service.totalsByPartner(actor, filters, period, now),
    service.settingsFor(period, now),
  ])
  const out = new Map<number, Partial<PartnerSignals>>()
  for (const r of rows) {
    const all = sumCounts([r.partnerResponses, r.customerResponses])
    if (all.valid === 0) continue
    out.set(r.partnerId, {
      nsat: {
        value: nsat(all),
        responses: all.valid,
        target: settings.target,
        lowN: all.valid < settings.minResponses,
      },
    })
  }
  return out
}

/** Referrals of the last twelve months left unanswered past the answer window (decision 016). */
const referralSignals: SignalSource = async (database, actor, filters, now) => {
  const rows = await referralsService(database).totalsByPartner(actor, filters, lastYear(now))
  return new Map(
    rows
      .filter((r) => r.received > 0)
      .map((r) => [r.partnerId, { unansweredReferrals: r.unanswered }] as const),
  )
}

/** Every source of the offboarding rules beyond usage and rhythm. */
export const offboardingSignalSources: SignalSource[] = [tasksSignals, nsatSignals, referralSignals]
