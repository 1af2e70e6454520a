import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { CliError, Exit } from '../errors'
import { line, printJson } from '../output'

type Options = { user: string; out: string; json?: boolean }

export function calendarExportCommand(parent: Command): void {
  parent
    .command('export')
    .summary("write a user's meetings as an .ics calendar")
    .description(
      'Writes the calendar feed of a user — the meeting series they own or attend, on the partners they can see — ' +
        'as one .ics file: each series with its RRULE and time zone, cancelled meetings as EXDATE, moved ones as overrides. ' +
        'It is the same calendar as the secret feed URL of the web app.',
    )
    .requiredOption('--user <email>', 'whose meetings')
    .requiredOption('--out <file.ics>', 'where to write the calendar')
    .option('--json', 'print a summary as one JSON object on stdout')
    .addHelpText(
      'after',
      '\nExit codes: 0 written, 2 bad arguments, unknown user or database, 3 internal error.\n\n' +
        'Example:\n  npx trellis calendar export --user fpm@trellis.example --out fpm.ics',
    )
    .action(async (opts: Options) => {
      if (!/\.ics$/i.test(opts.out)) throw new CliError(`--out must name an .ics file (got "${opts.out}")`)
      const out = resolve(opts.out)
      const { openCliDatabase } = await import('../context')
      const { calendarService } = await import('#server/modules/meetings/calendar')
      const db = await openCliDatabase('calendar export')
      try {
        const text = await calendarService(db.database).feedForEmail(opts.user)
        await writeFile(out, text)
        const events = text.match(/^BEGIN:VEVENT/gm)?.length ?? 0
        if (opts.json) printJson({ file: out, events })
        else line(`✔ Calendar of ${opts.user} written to ${out}: ${events} event${events === 1 ? '' : 's'}`)
        process.exitCode = Exit.ok
      } finally {
        await db.close()
      }
    })
}
