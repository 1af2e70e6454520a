import cliProgress from 'cli-progress'
import type { ImportProgress } from '#server/modules/imports/portfolio/importer'

/**
 * A progress bar on stderr (stdout stays clean for --json). Shown only on a terminal; elsewhere
 * (CI, pipes, --json) the import runs silently.
 */
export function importProgressBar(enabled: boolean) {
  if (!enabled || !process.stderr.isTTY) return { update: (_p: ImportProgress) => {}, stop: () => {} }
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '  {phase} [{bar}] {percentage}% | {rows} rows | {duration_formatted}',
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  )
  bar.start(1000, 0, { phase: 'Reading', rows: '0' })
  let phase = 'reading'
  return {
    update(p: ImportProgress) {
      if (p.phase !== phase) {
        phase = p.phase
        bar.update(1000, { phase: 'Saving ', rows: p.rows.toLocaleString('en-US') })
        bar.render()
        return
      }
      bar.update(Math.round(p.fraction * 1000), { rows: p.rows.toLocaleString('en-US') })
    },
    stop: () => bar.stop(),
  }
}
