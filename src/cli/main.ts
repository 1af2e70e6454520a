import { Command, CommanderError } from 'commander'
import { version } from '#server/version'
import { AppError } from '#shared/errors'
import { calendarExportCommand } from './commands/calendar-export'
import { digestSendCommand } from './commands/digest-send'
import { importM365Command } from './commands/import-m365'
import { importNsatCommand } from './commands/import-nsat'
import { importPortfolioCommand } from './commands/import-portfolio'
import { reportMbrCommand } from './commands/report-mbr'
import { reportPortfolioCommand } from './commands/report-portfolio'
import { seedCommand } from './commands/seed'
import { usersAddCommand } from './commands/users-add'
import { CliError, Exit, exitCodeOf } from './errors'

/**
 * The `trellis` command line: imports and user setup, working on the same database as the server
 * (TRELLIS_DATA_DIR or DATABASE_URL) through the same services and access rules.
 */
// Output piped into `head` and the like: stop quietly when the reader goes away.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw err
  })
}

const program = new Command('trellis')
  .description(
    'Trellis from the command line: import portfolio files and Microsoft 365 usage reports, create users, seed synthetic data.\n\n' +
      'Works on the same database as the server: the PGlite folder in TRELLIS_DATA_DIR (default ./data), or the PostgreSQL server in DATABASE_URL. ' +
      'A running server holds its PGlite folder: stop it first, import through the web app, or use PostgreSQL.\n\n' +
      'Commands act as a user, with that user’s access: --as EMAIL, or by default the only admin. ' +
      'No user yet? Create the first admin: npx trellis users add --email you@example.com --name "Your Name" --role admin',
  )
  .version(version, '-v, --version')
  .showHelpAfterError('(add --help for usage)')
  .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })
  .exitOverride()

const imports = program.command('import').description('import a file into Trellis')
importPortfolioCommand(imports)
importM365Command(imports)
importNsatCommand(imports)
const usersCmd = program.command('users').description('manage users')
usersAddCommand(usersCmd)
const reports = program.command('report').description('write a report file')
reportPortfolioCommand(reports)
reportMbrCommand(reports)
const calendar = program.command('calendar').description('meetings as calendars')
calendarExportCommand(calendar)
const digestCmd = program.command('digest').description('the daily digest e-mail')
digestSendCommand(digestCmd)
const seedCmd = seedCommand(program)
for (const c of [imports, usersCmd, reports, calendar, digestCmd]) c.exitOverride()
for (const c of [
  ...imports.commands,
  ...usersCmd.commands,
  ...reports.commands,
  ...calendar.commands,
  ...digestCmd.commands,
  seedCmd,
])
  c.exitOverride().showHelpAfterError('(add --help for usage)')

const json = process.argv.includes('--json')

try {
  await program.parseAsync(process.argv)
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version end here with exit code 0; wrong arguments with 2.
    process.exitCode = err.exitCode === 0 ? Exit.ok : Exit.unusable
  } else {
    const code = exitCodeOf(err)
    const message = err instanceof Error ? err.message : String(err)
    if (json) {
      const body =
        err instanceof AppError
          ? err.toJSON()
          : { error: { code: err instanceof CliError ? err.errorCode : 'INTERNAL', message } }
      process.stdout.write(`${JSON.stringify(body, null, 2)}\n`)
    } else {
      process.stderr.write(`\n  ✖ ${message}\n`)
      if (err instanceof AppError && err.issues?.length) {
        for (const i of err.issues.slice(0, 20)) {
          process.stderr.write(
            `    ${i.row !== undefined ? `row ${i.row}, ` : ''}${i.column ? `${i.column}: ` : ''}${i.value ? `"${i.value}" → ` : ''}${i.message}\n`,
          )
        }
        if (err.issues.length > 20) process.stderr.write(`    … and ${err.issues.length - 20} more\n`)
      }
      process.stderr.write('\n')
    }
    if (code === Exit.internal && !(err instanceof AppError)) console.error(err)
    process.exitCode = code
  }
}
