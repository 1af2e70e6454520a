/** Voice of partner and customer (decision 016): insights and spotlights, their vocabularies and workflows. */

export const InsightType = {
  product: 'product',
  process: 'process',
  program: 'program',
  other: 'other',
} as const
export type InsightType = (typeof InsightType)[keyof typeof InsightType]
export const insightTypes = Object.values(InsightType) as [InsightType, ...InsightType[]]
export const insightTypeLabel: Record<InsightType, string> = {
  product: 'Product',
  process: 'Process',
  program: 'Program',
  other: 'Other',
}

export const InsightStatus = {
  new: 'new',
  submitted: 'submitted',
  acknowledged: 'acknowledged',
  addressed: 'addressed',
  declined: 'declined',
} as const
export type InsightStatus = (typeof InsightStatus)[keyof typeof InsightStatus]
export const insightStatuses = Object.values(InsightStatus) as [InsightStatus, ...InsightStatus[]]
export const insightStatusLabel: Record<InsightStatus, string> = {
  new: 'New',
  submitted: 'Submitted',
  acknowledged: 'Acknowledged',
  addressed: 'Addressed',
  declined: 'Declined',
}
/** new → submitted → acknowledged → addressed / declined (a submitted one may be declined straight away). */
export const insightTransitions: Record<InsightStatus, readonly InsightStatus[]> = {
  new: ['submitted'],
  submitted: ['acknowledged', 'declined'],
  acknowledged: ['addressed', 'declined'],
  addressed: [],
  declined: [],
}
export const insightClosed = (s: InsightStatus) => s === 'addressed' || s === 'declined'

export const SpotlightStatus = {
  draft: 'draft',
  submitted: 'submitted',
  approved_internal: 'approved_internal',
  approved_public: 'approved_public',
  rejected: 'rejected',
} as const
export type SpotlightStatus = (typeof SpotlightStatus)[keyof typeof SpotlightStatus]
export const spotlightStatuses = Object.values(SpotlightStatus) as [SpotlightStatus, ...SpotlightStatus[]]
export const spotlightStatusLabel: Record<SpotlightStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  approved_internal: 'Approved to share internally',
  approved_public: 'Approved to share publicly',
  rejected: 'Rejected',
}
/**
 * draft → submitted → approved (internally or publicly) or rejected; a rejected story goes back to draft to be
 * reworked; an internal approval can later be widened to public.
 */
export const spotlightTransitions: Record<SpotlightStatus, readonly SpotlightStatus[]> = {
  draft: ['submitted'],
  submitted: ['approved_internal', 'approved_public', 'rejected'],
  approved_internal: ['approved_public'],
  approved_public: [],
  rejected: ['draft'],
}
/** The decisions only a lead or an admin takes (approval to share). */
export const spotlightDecisions: readonly SpotlightStatus[] = [
  'approved_internal',
  'approved_public',
  'rejected',
]
export const spotlightApproved = (s: SpotlightStatus) => s === 'approved_internal' || s === 'approved_public'

/** Per-partner tallies of the voice of partner and customer in a period. */
export type VoiceTotals = { insights: number; spotlights: number; spotlightsApproved: number }

/**
 * Sums of per-partner tallies by a key (an FPM, a region): partners, partners with none submitted (no
 * insight and no spotlight: the ones to drive), and the summed totals. Groups keep the first-seen order.
 */
export function voiceRollup<R extends VoiceTotals, K>(rows: R[], keyOf: (r: R) => K) {
  const groups = new Map<K, R[]>()
  for (const r of rows) {
    const g = groups.get(keyOf(r))
    if (g) g.push(r)
    else groups.set(keyOf(r), [r])
  }
  return [...groups].map(([key, rs]) => ({
    key,
    rows: rs,
    partners: rs.length,
    partnersWithNone: rs.filter((r) => r.insights + r.spotlights === 0).length,
    insights: rs.reduce((s, r) => s + r.insights, 0),
    spotlights: rs.reduce((s, r) => s + r.spotlights, 0),
    spotlightsApproved: rs.reduce((s, r) => s + r.spotlightsApproved, 0),
  }))
}
