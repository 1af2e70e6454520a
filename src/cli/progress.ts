import cliProgress from 'cli-progress'
import type { ImportProgress } from '#server/modules/imports/portfolio/importer'
import type { SeedPhase, SeedProgress } from '#server/seed/seed-dataset'

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

const phaseLabels: Record<SeedPhase, string> = {
  partners: 'Partners   ',
  customers: 'Customers  ',
  engagements: 'Engagements',
  snapshots: 'Snapshots  ',
  finishing: 'Indexes    ',
}

/**
 * `trellis seed`: one bar per phase (partners, customers, engagements, snapshots, then the index
 * rebuild) with rows/s, on stderr; each finished phase stays on screen. Only on a terminal.
 */
export function seedProgressBars(enabled: boolean) {
  if (!enabled || !process.stderr.isTTY) return { update: (_p: SeedProgress) => {}, stop: () => {} }
  let bar: cliProgress.SingleBar | null = null
  let phase: SeedPhase | null = null
  let started = 0
  const payload = (p: SeedProgress) => {
    const seconds = (performance.now() - started) / 1000
    return {
      phase: phaseLabels[p.phase],
      rows:
        p.phase === 'finishing' ? 'rebuilding indexes, statistics' : `${p.done.toLocaleString('en-US')} rows`,
      speed:
        p.phase === 'finishing' || seconds < 0.05
          ? ''
          : `| ${Math.round(p.done / seconds).toLocaleString('en-US')} rows/s`,
    }
  }
  return {
    update(p: SeedProgress) {
      if (p.phase !== phase) {
        bar?.stop()
        phase = p.phase
        started = performance.now()
        bar = new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: '  {phase} [{bar}] {percentage}% | {rows} {speed} | {duration_formatted}',
            barsize: 30,
            hideCursor: true,
            clearOnComplete: false,
            fps: 5,
          },
          cliProgress.Presets.shades_classic,
        )
        bar.start(Math.max(1, p.total), p.done, payload(p))
        return
      }
      bar?.update(p.done, payload(p))
    },
    stop: () => bar?.stop(),
  }
}
