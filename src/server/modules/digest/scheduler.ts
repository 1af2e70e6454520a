import type { Database } from '#db/client'
import { type DigestConfig, digestService } from './service'

type Log = { info(obj: object, msg: string): void; error(obj: object, msg: string): void }

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
  let running: Promise<void> | null = null
  const tick = () => {
    if (running) return
    running = service
      .sendDigests({ fromHourOnly: true })
      .then((outcomes) => {
        const sent = outcomes.filter((o) => o.status === 'sent').length
        const failed = outcomes.filter((o) => o.status === 'failed')
        if (sent) log.info({ sent }, 'daily digests sent')
        for (const f of failed) log.error({ email: f.email, error: f.error }, 'daily digest failed')
      })
      .catch((err: Error) => log.error({ err }, 'daily digest run failed'))
      .finally(() => {
        running = null
      })
  }
  const first = setTimeout(tick, 10_000)
  const timer = setInterval(tick, everyMs)
  first.unref()
  timer.unref()
  return {
    async stop() {
      clearTimeout(first)
      clearInterval(timer)
      await running
      config.mailer?.close()
    },
  }
}
