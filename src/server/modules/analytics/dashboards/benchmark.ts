import type { Standing } from '#shared/contracts/dashboards'

/** Median of a list of numbers (null when empty). */
export function median(xs: number[]): number | null {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/**
 * Percentile rank of `value` among its peers (docs/metrics.md "Strengths and weaknesses"): the share of
 * the *other* partners with a lower value, ties counted half, 0–100. Null without another partner.
 */
export function percentileRank(value: number, population: number[]): number | null {
  // population includes the partner itself once
  const others = population.length - 1
  if (others <= 0) return null
  let below = 0
  let equal = -1 // the partner itself
  for (const x of population) {
    if (x < value) below++
    else if (x === value) equal++
  }
  return (100 * (below + equal / 2)) / others
}

/** Strength: in the top quarter of the region; weakness: in the bottom quarter; else on par. */
export function standingOf(percentile: number | null): Standing {
  if (percentile === null) return 'par'
  return percentile >= 75 ? 'strength' : percentile <= 25 ? 'weakness' : 'par'
}
