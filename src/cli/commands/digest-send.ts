import type { Command } from 'commander'
import { CliError, Exit } from '../errors'
import { line, printJson } from '../output'

type Options = { user?: string; dryRun?: boolean; force?: boolean; json?: boolean }

const label = {
  sent: 'sent',
  failed: 'FAILED',
  'would-send': 'would send',
  'already-sent': 'already sent today',
  'nothing-to-report': 'nothing to report',
  'opted-out': 'opted out',
  'not-yet': 'not yet',
} as const

export function digestSendCommand(parent: Command): void {
  parent
    .command('send')
    .summary('e-mail the daily digest now')
    .description(
      'Sends each active user their daily digest now — overdue and due action items, SLA breaches and warnings, ' +
        "today's meetings, within what they can see — if there is something to act on and they have not switched it off. " +
        'A user gets at most one digest per local day (TRELLIS_TIME_ZONE), here as from the server’s scheduler. ' +
        'Needs SMTP_URL and MAIL_FROM, except with --dry-run.',
    )
    .option('--user <email>', 'only this user')
    .option('--dry-run', 'print what would be sent (counts and subject per user); send and record nothing')
    .option('--force', 'send even if the digest of today went out already')
    .option('--json', 'print the outcome per user as one JSON object on stdout')
    .addHelpText(
      'after',
      '\nExit codes: 0 done, 1 some e-mails failed (recorded; the others went out), 2 bad arguments, no SMTP_URL, unknown user or database, 3 internal error.\n\n' +
        'Examples:\n  npx trellis digest send --dry-run\n  SMTP_URL=smtp://user:pass@smtp.example.com:587 MAIL_FROM=trellis@example.com npx trellis digest send --user fpm@trellis.example',
    )
    .action(async (opts: Options) => {
      const { openCliDatabase } = await import('../context')
      const { loadEnv } = await import('#server/env')
      const { digestConfigFromEnv, digestService } = await import('#server/modules/digest/service')
      let env: ReturnType<typeof loadEnv>
      try {
        env = loadEnv()
      } catch (err) {
        throw new CliError((err as Error).message)
      }
      if (!env.SMTP_URL && !opts.dryRun)
        throw new CliError(
          'E-mail is not configured: set SMTP_URL (e.g. smtp://user:pass@smtp.example.com:587) and MAIL_FROM, or add --dry-run to see what would be sent.',
        )
      const config = digestConfigFromEnv(env)
      const db = await openCliDatabase('digest send')
      try {
        const outcomes = await digestService(db.database, config).sendDigests({
          onlyUserEmail: opts.user,
          dryRun: opts.dryRun,
          force: opts.force,
        })
        const failed = outcomes.filter((o) => o.status === 'failed').length
        if (opts.json) printJson({ dryRun: !!opts.dryRun, outcomes })
        else {
          for (const o of outcomes) {
            const what = o.subject ? ` — ${o.subject}` : ''
            line(`${o.email}: ${label[o.status]}${what}${o.error ? ` (${o.error})` : ''}`)
          }
          const n = outcomes.filter((o) => o.status === (opts.dryRun ? 'would-send' : 'sent')).length
          line(
            opts.dryRun
              ? `✔ Dry run: ${n} digest${n === 1 ? '' : 's'} would be sent; nothing sent or recorded.`
              : `${failed ? '✖' : '✔'} ${n} digest${n === 1 ? '' : 's'} sent${failed ? `, ${failed} failed` : ''}.`,
          )
        }
        process.exitCode = failed ? Exit.sendFailed : Exit.ok
      } finally {
        config.mailer?.close()
        await db.close()
      }
    })
}
