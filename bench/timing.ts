/** Timing helpers shared by the benchmarks. */
export const ms = (from: number) => performance.now() - from

/** The nearest-rank percentile of `xs`. */
export function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!
}

/** Runs `fn` `warm` times unmeasured, then `n` times: p50 and p95 in ms. `before` runs, unmeasured, before each. */
export async function timeIt(
  n: number,
  fn: () => Promise<unknown>,
  warm: number,
  before?: (i: number) => Promise<unknown>,
) {
  for (let i = 0; i < warm; i++) {
    await before?.(-1 - i)
    await fn()
  }
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    await before?.(i)
    const t = performance.now()
    await fn()
    times.push(ms(t))
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) }
}
