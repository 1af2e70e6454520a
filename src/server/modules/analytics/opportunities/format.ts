import type { EngagementFacts, Evidence, Opportunity } from './types'

export { workloadName } from '#shared/domain/workloads'

/** A share as "8.2 %". */
export const pct = (share: number) => `${(Math.round(share * 1000) / 10).toFixed(1)} %`

/** A threshold share as "20 %" (one decimal only when needed). */
export const pctShort = (share: number) => `${Math.round(share * 1000) / 10} %`

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** A count as "1,200". */
export const num = (n: number) => integer.format(Math.round(n))

export { daysBetween } from '#shared/domain/periods'

/** The intent states that still count as "intended" (not No intent, not Duplicate). */
export const intended = (e: Pick<EngagementFacts, 'intentStatus'>) =>
  e.intentStatus !== 'no_intent' && e.intentStatus !== 'duplicate'

/** A finding of `rule` on engagement `e`. */
export function finding(
  rule: string,
  e: EngagementFacts,
  value: number,
  reason: string,
  evidence: Evidence,
  workloadCode: string | null = e.workloadCode,
): Opportunity {
  return {
    rule,
    engagementId: e.engagementId,
    partnerId: e.partnerId,
    customerId: e.customerId,
    workloadCode,
    value,
    reason,
    evidence,
  }
}
