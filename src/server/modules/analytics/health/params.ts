/**
 * Parameters of the customer health score (domain.md §6.1, adapted to the data Trellis holds today).
 * These are the defaults of a program year; the analytics issue stores them as dated settings that an
 * admin edits, and passes the set in force for the period to `customerHealth`.
 */
export type HealthParams = {
  weights: { usage: number; trend: number; intent: number; freshness: number; phase: number }
  /** Active-usage milestone that earns the full usage factor (adoption milestone, 40 %). */
  usageMilestone: number
  /** A change of this many active-% points between the last two snapshots moves the trend factor from 0.5 to 1. */
  trendFullScale: number
  /** Usage data fresher than this many days earns the full freshness factor, up to `staleDays` half. */
  freshDays: number
  staleDays: number
  bands: { healthy: number; watch: number }
}

export const defaultHealthParams: HealthParams = {
  weights: { usage: 50, trend: 15, intent: 15, freshness: 10, phase: 10 },
  usageMilestone: 0.4,
  trendFullScale: 0.1,
  freshDays: 35,
  staleDays: 65,
  bands: { healthy: 70, watch: 40 },
}
