import type { Database } from '#db/client'
import { type Log, repeat } from '#server/repeat'
import { type DigestConfig, digestService } from './service'

/**
 * Checks every few minutes whether anyone's digest is due (their local hour ≥ DIGEST_HOUR) and sends it.
 * Idempotent: the deliveries table lets a user get one digest per local day however often it runs.
 */
export function startDigestScheduler(
  database: Database,
  config: DigestConfig,
  log: Log,
  everyMs = 5 * 60_000,
): { stop(): Promise<void> } {
  const service = digestService(database, config)
  const run = repeat(
    () =>
      service
        .sendDigests({ fromHourOnly: true })
        .then((outcomes) => {
          const sent = outcomes.filter((o) => o.status === 'sent').length
          const failed = outcomes.filter((o) => o.status === 'failed')
          if (sent) log.info({ sent }, 'daily digests sent')
          for (const f of failed) log.error({ email: f.email, error: f.error }, 'daily digest failed')
        })
        .catch((err: Error) => log.error({ err }, 'daily digest run failed')),
    { firstMs: 10_000, everyMs },
  )
  return {
    async stop() {
      await run.stop()
      config.mailer?.close()
    },
  }
}
