import type { Database } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import { type Log, repeat } from '#server/repeat'
import { scorecardService } from './service'

/** Who the warmer computes as: every partner, read only. */
const everyone: Actor = { id: 0, role: 'admin', regionId: null, email: 'scorecard-warmer@trellis.local' }

/**
 * Keeps the stored scorecard totals (decision 019) computed ahead of the first reader: shortly after start,
 * then every few minutes — after an import or the day's turn every partner is recomputed here rather than in
 * someone's request; when nothing changed, a run is one query.
 */
export function startScorecardWarmer(
  database: Database,
  log: Log,
  { firstMs = 5_000, everyMs = 5 * 60_000 } = {},
) {
  const service = scorecardService(database)
  return repeat(
    async () => {
      const started = performance.now()
      await service
        .scorecard(everyone, {})
        .then((s) => {
          const ms = Math.round(performance.now() - started)
          if (ms > 1000) log.info({ ms, partners: s.total.partners }, 'scorecard totals recomputed')
        })
        .catch((err: Error) => log.error({ err }, 'scorecard warm-up failed'))
    },
    { firstMs, everyMs },
  )
}
