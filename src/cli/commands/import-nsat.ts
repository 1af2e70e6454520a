import type { Command } from 'commander'
import { Exit } from '../errors'
import { line, n, printJson } from '../output'
import { existingFile } from './import-portfolio'

type Options = { dryRun?: boolean; json?: boolean; as?: string }

export function importNsatCommand(parent: Command): void {
  parent
    .command('nsat')
    .summary('import NSAT survey responses (partner and customer surveys) from CSV or XLSX')
    .description(
      'Reads one survey answer per row: partner (Partner ID or name), customer TPID (customer surveys), respondent (name or e-mail), date, scale (4-point or 5-point; taken from the answer when left out), answer, comment and source (partner or customer survey). ' +
        'Columns are found by name (docs/imports.md). Every row must be valid or nothing is imported. ' +
        'A response already stored (same respondent, partner, customer, date and source) is updated, never duplicated: importing the same file twice changes nothing.',
    )
    .argument('<file>', 'the responses (CSV with comma or semicolon, or XLSX)')
    .option('--dry-run', 'check the file and count what would change, without writing')
    .option('--json', 'print the result as one JSON object on stdout')
    .option('--as <email>', 'act as this user, with their access (default: the only admin)')
    .addHelpText(
      'after',
      '\nExit codes: 0 imported (or checked), 2 invalid file or rows, arguments or database, 3 internal error.\n\n' +
        'Example:\n  npx trellis import nsat responses.xlsx --dry-run',
    )
    .action(async (file: string, opts: Options) => {
      const path = existingFile(file)
      const { openCliDatabase, resolveActor } = await import('../context')
      const { nsatService } = await import('#server/modules/nsat/service')
      const db = await openCliDatabase('import nsat')
      try {
        const actor = await resolveActor(db.database, opts.as)
        const r = await nsatService(db.database).importFile(actor, { path }, { dryRun: Boolean(opts.dryRun) })
        if (opts.json) printJson(r)
        else {
          line(
            `${r.dryRun ? '✔ Checked (dry run, nothing written)' : '✔ Imported'}: ${n(r.rows)} responses — ${n(r.inserted)} new, ${n(r.updated)} changed, ${n(r.unchanged)} unchanged.`,
          )
          if (r.unknownColumns.length)
            line(`Not used (unknown columns): ${r.unknownColumns.map((c) => `"${c}"`).join(', ')}`)
        }
        process.exitCode = Exit.ok
      } finally {
        await db.close()
      }
    })
}
