import { existsSync, statSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { Command } from 'commander'
import { isoDate } from '#shared/contracts/common'
import { CliError, Exit } from '../errors'
import { line, n, printErrors, printJson } from '../output'

type Options = { asOf?: string; dryRun?: boolean; skipInvalid?: boolean; json?: boolean; as?: string }

export function importPortfolioCommand(parent: Command): void {
  parent
    .command('portfolio')
    .summary('import a portfolio file (CSV or XLSX): partners, customers, workloads and usage')
    .description(
      'Imports a portfolio file: one row per partner × customer × workload. Required columns: Partner ID, Partner Name, Customer TPID, Customer Name, Workload. ' +
        'Optional: Country, Seats, Intent Status, Phase, Claimed, Licensed Users, Active Users, As Of, Region, FPM Email. ' +
        'Column names are matched loosely (case, spaces, _ and - do not matter) and have aliases such as "MPN ID", "TPID", "MAU"; docs/imports.md lists them all.\n\n' +
        'Rows are matched by Partner ID, TPID and workload: existing ones are updated, new ones added, and importing the same file twice changes nothing. ' +
        'Licensed and active users become the usage snapshot of the as-of date; earlier dates are kept as history.\n\n' +
        'Nothing is half-written: if any row is invalid, nothing is imported and every problem is listed (row, column, value, reason), unless you pass --skip-invalid.',
    )
    .argument('<file>', 'the CSV (comma or semicolon, UTF-8) or Excel .xlsx file')
    .option(
      '--as-of <date>',
      'date of the usage numbers, YYYY-MM-DD (default: the file’s As Of column, else today)',
    )
    .option('--dry-run', 'check everything and show what would change, without writing')
    .option(
      '--skip-invalid',
      'import the valid rows and list the invalid ones (default: import nothing if any row is invalid)',
    )
    .option('--json', 'print the result as one JSON object on stdout (no progress bar)')
    .option('--as <email>', 'act as this user, with their access (default: the only admin)')
    .addHelpText(
      'after',
      '\nExit codes: 0 imported (or dry run clean), 1 invalid rows, 2 unusable file, arguments or database, 3 internal error.\n\n' +
        'Examples:\n' +
        '  npx trellis import portfolio portfolio.xlsx --dry-run\n' +
        '  npx trellis import portfolio export.csv --as-of 2026-09-30 --as fpm@contoso.example\n' +
        '  npx trellis import portfolio export.csv --skip-invalid --json > result.json',
    )
    .action(async (file: string, opts: Options) => {
      process.exitCode = await run(file, opts)
    })
}

async function run(file: string, opts: Options): Promise<number> {
  if (opts.asOf !== undefined && !isoDate.safeParse(opts.asOf).success) {
    throw new CliError(`--as-of must be a date like 2026-09-30 (got "${opts.asOf}")`)
  }
  const path = existingFile(file)
  // A file without the required columns is refused before the database is even opened.
  const { openTable } = await import('#server/modules/imports/file/read-table')
  const { describeMissingColumns } = await import('#server/modules/imports/portfolio/columns')
  const table = await openTable(path)
  table.close()
  const unusable = describeMissingColumns(table.header)
  if (unusable) throw unusable
  // Loaded here, not at start: `--help` and argument errors answer at once.
  const { openCliDatabase, resolveActor } = await import('../context')
  const { importsService, describePortfolioResult } = await import('#server/modules/imports/service')
  const { headerKey } = await import('#server/modules/imports/portfolio/columns')
  const { importProgressBar } = await import('../progress')
  const db = await openCliDatabase('import portfolio')
  try {
    const actor = await resolveActor(db.database, opts.as)
    const human = !opts.json
    if (human)
      line(
        `Importing ${basename(path)} as ${actor.email} (${actor.role}) into ${db.where}${opts.dryRun ? ' — dry run' : ''}`,
      )
    const bar = importProgressBar(human)
    const steps = process.env.TRELLIS_DEBUG_IMPORT
      ? stepTimes(db.database.pglite as unknown as WasmHeap | undefined)
      : null
    steps?.mark('database open')
    const service = importsService(db.database)
    let outcome: Awaited<ReturnType<typeof service.runPortfolio>>['outcome']
    try {
      ;({ outcome } = await service.runPortfolio(
        actor,
        { path, fileName: basename(path) },
        {
          asOf: opts.asOf,
          skipInvalid: !!opts.skipInvalid,
          dryRun: !!opts.dryRun,
          onProgress: (p) => {
            if (p.phase === 'saving') steps?.mark('file read and staged')
            bar.update(p)
          },
          onStep: steps?.add,
        },
      ))
    } finally {
      bar.stop()
      steps?.mark('merged')
      steps?.print()
    }
    const r = outcome.result
    if (opts.json) {
      printJson(r)
    } else {
      const used = outcome.mapping.filter((m) => m.field)
      line(
        `Columns: ${used.map((m) => (headerKey(m.column) === headerKey(m.fieldLabel ?? '') ? m.column : `${m.column} → ${m.fieldLabel}`)).join(', ')}`,
      )
      if (outcome.unknownColumns.length) {
        line(`Not used (unknown columns): ${outcome.unknownColumns.map((c) => `"${c}"`).join(', ')}`)
      }
      line(`Usage date (as of): ${r.asOf}`)
      line()
      line(
        `${outcome.rejected ? '✖' : r.invalidRows ? '!' : '✔'} ${describePortfolioResult(r, outcome.rejected)}`,
      )
      if (r.dryRun && !outcome.rejected)
        line('  Dry run: nothing was written. Run again without --dry-run to import.')
      if (r.errorCount) {
        line()
        line(
          `Problems (${n(r.invalidRows)} rows, ${n(r.errorCount)} in all; rows numbered as in a spreadsheet, header = row 1):`,
        )
        printErrors(r.errors, r.errorCount)
      }
    }
    return r.errorCount ? Exit.invalidRows : Exit.ok
  } finally {
    await db.close()
  }
}

/** The absolute path of a file that exists, or a CliError that says what is wrong. */
export function existingFile(file: string): string {
  const path = resolve(file)
  if (!existsSync(path)) throw new CliError(`There is no file ${path}`)
  if (!statSync(path).isFile()) throw new CliError(`${path} is a folder, not a file`)
  return path
}

/** PGlite's WebAssembly memory (not public API: read for the debug output only). */
type WasmHeap = { mod?: { HEAPU8?: Uint8Array } }

/**
 * TRELLIS_DEBUG_IMPORT=1: time per database step (summed by statement), and at each phase the RSS,
 * its sampled peak since the previous phase and the size of PGlite's memory, on stderr.
 */
function stepTimes(pglite?: WasmHeap) {
  const mb = (bytes: number) => (bytes / 1048576).toFixed(0)
  let peak = 0
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }
  const sampler = setInterval(sample, 50)
  sampler.unref()
  const memory = () => {
    sample()
    const wasm = pglite?.mod?.HEAPU8?.length
    const text = `rss=${mb(process.memoryUsage.rss())}MB peak=${mb(peak)}MB${wasm ? ` wasm=${mb(wasm)}MB` : ''}`
    peak = 0
    return text
  }
  const total = new Map<string, { ms: number; count: number }>()
  return {
    add(step: string, ms: number) {
      const label = step.replace(/_[0-9a-f]{10}\b/g, '')
      const t = total.get(label) ?? { ms: 0, count: 0 }
      t.ms += ms
      t.count++
      total.set(label, t)
    },
    /** A moment of the run, in ms since the process started. */
    mark(label: string) {
      process.stderr.write(`phase\t${performance.now().toFixed(0)}\t${label}\t${memory()}\n`)
    },
    print() {
      for (const [label, t] of total) {
        process.stderr.write(`step\t${t.ms.toFixed(0)}\t${t.count}\t${label}\n`)
      }
    },
  }
}
