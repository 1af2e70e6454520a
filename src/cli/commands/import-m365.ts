import { basename } from 'node:path'
import type { Command } from 'commander'
import { workloadName } from '#shared/domain/workloads'
import { Exit } from '../errors'
import { line, n, printJson } from '../output'
import { existingFile } from './import-portfolio'

type Options = { customer: string; json?: boolean; as?: string }

export function importM365Command(parent: Command): void {
  parent
    .command('m365-active-users')
    .summary('import a Microsoft 365 "Office 365 active user detail" report for one customer')
    .description(
      'Reads the "Office 365 active user detail" report of a customer’s tenant (Microsoft 365 admin center → Reports → Usage → Active users → Export, or Graph getOffice365ActiveUserDetail) ' +
        'and stores, per workload (Exchange, OneDrive, SharePoint, Skype for Business, Yammer, Teams), the licensed users (licence assigned, not deleted) ' +
        'and the active users (licensed and active in the 28 days up to the report’s refresh date) as the customer’s usage on that date. ' +
        'Importing the same report twice changes nothing.',
    )
    .argument('<file>', 'the report (CSV as exported; XLSX works too)')
    .requiredOption('--customer <tpid>', 'the customer’s TPID (the customer must be in your portfolio)')
    .option('--json', 'print the result as one JSON object on stdout')
    .option('--as <email>', 'act as this user, with their access (default: the only admin)')
    .addHelpText(
      'after',
      '\nExit codes: 0 imported, 2 unusable file, unknown customer, arguments or database, 3 internal error.\n\n' +
        'Example:\n  npx trellis import m365-active-users ActiveUserDetail.csv --customer 10045678',
    )
    .action(async (file: string, opts: Options) => {
      const path = existingFile(file)
      const { openCliDatabase, resolveActor } = await import('../context')
      const { importsService } = await import('#server/modules/imports/service')
      const db = await openCliDatabase('import m365-active-users')
      try {
        const actor = await resolveActor(db.database, opts.as)
        const r = await importsService(db.database).importM365ActiveUsers(
          actor,
          { path, fileName: basename(path) },
          opts.customer,
        )
        if (opts.json) printJson(r)
        else {
          line(
            `✔ Usage of customer ${r.customer} on ${r.asOf} from ${n(r.users ?? 0)} users (${r.changed} snapshots added or changed):`,
          )
          for (const w of r.workloads) {
            const pct = w.licensed ? ` (${Math.round((100 * w.active) / w.licensed)} %)` : ''
            line(
              `  ${workloadName(w.workload).padEnd(28)} ${n(w.licensed).padStart(8)} licensed  ${n(w.active).padStart(8)} active${pct}`,
            )
          }
          if (r.unknownColumns.length)
            line(`Not used (unknown columns): ${r.unknownColumns.map((c) => `"${c}"`).join(', ')}`)
        }
        process.exitCode = Exit.ok
      } finally {
        await db.close()
      }
    })
}
