/** The logger a background task reports to (the app's pino logger fits). */
export type Log = { info(obj: object, msg: string): void; error(obj: object, msg: string): void }

/**
 * Runs `task` after `firstMs`, then every `everyMs`, never two at once (a run still going skips the tick);
 * the timers do not keep the process alive. `stop` waits for the run in progress.
 */
export function repeat(
  task: () => Promise<void>,
  { firstMs, everyMs }: { firstMs: number; everyMs: number },
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null
  const tick = () => {
    if (running) return
    running = task().finally(() => {
      running = null
    })
  }
  const first = setTimeout(tick, firstMs)
  const timer = setInterval(tick, everyMs)
  first.unref()
  timer.unref()
  return {
    async stop() {
      clearTimeout(first)
      clearInterval(timer)
      await running
    },
  }
}
