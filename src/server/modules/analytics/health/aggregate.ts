import type { HealthAggregate } from '#shared/contracts/analytics'
import { type IntentStatus, type Phase, phases } from '#shared/domain/portfolio'

/** One engagement as the score sees it in a period: its state and its newest two snapshots up to then. */
export type HealthEngagement = {
  intentStatus: IntentStatus
  phase: Phase
  latest: { asOf: string; licensed: number; active: number } | null
  previous: { asOf: string; licensed: number; active: number } | null
}

/**
 * The aggregate of a set of engagements (a customer's, a partner's). The SQL in refresh/ computes exactly
 * this for every customer and partner at once; this function is its definition and the tests' oracle.
 * In scope: engagements not marked duplicate.
 */
export function aggregate(
  engagements: HealthEngagement[],
  adoptionMilestone: number,
  referenceDate: string,
): HealthAggregate {
  const a: HealthAggregate = {
    n: 0,
    inProgress: 0,
    blocked: 0,
    phaseSum: 0,
    measured: 0,
    licensed: 0,
    active: 0,
    usageSum: 0,
    withPrev: 0,
    prevLicensed: 0,
    deltaSum: 0,
    newestAsOf: null,
    referenceDate,
  }
  for (const e of engagements) {
    if (e.intentStatus === 'duplicate') continue
    a.n++
    if (e.intentStatus === 'in_progress') a.inProgress++
    if (e.intentStatus === 'blocked') a.blocked++
    a.phaseSum += phases.indexOf(e.phase) / (phases.length - 1)
    const l = e.latest
    if (!l || l.licensed <= 0) continue
    a.measured++
    a.licensed += l.licensed
    a.active += l.active
    a.usageSum += l.licensed * Math.min(1, l.active / l.licensed / adoptionMilestone)
    if (a.newestAsOf === null || l.asOf > a.newestAsOf) a.newestAsOf = l.asOf
    const p = e.previous
    if (!p || p.licensed <= 0) continue
    a.withPrev++
    a.prevLicensed += l.licensed
    a.deltaSum += l.licensed * (l.active / l.licensed - p.active / p.licensed)
  }
  return a
}
