import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { finished } from 'node:stream/promises'
import type { Command } from 'commander'
import { CliError, Exit } from '../errors'
import { line, n, printJson } from '../output'

const plural = (count: number, one: string) => `${n(count)} ${one}${count === 1 ? '' : 's'}`

type Options = {
  partner?: string
  fpm?: string
  region?: string
  asOf?: string
  out: string
  json?: boolean
  as?: string
}

export function reportPortfolioCommand(parent: Command): void {
  parent
    .command('portfolio')
    .summary('write the portfolio health review as an Excel workbook')
    .description(
      'Writes the portfolio health review of a partner, a partner manager’s partners, a region or everything you can see: ' +
        'a summary (totals, health bands, lifecycle funnel, usage milestones, top movers), every partner’s and customer’s health score with its factors, ' +
        'each partner’s strengths and weaknesses against its region, and the customer × workload rows with the usage of the month. ' +
        'The numbers are those of the month asked for (the newest by default), from the stored snapshots.',
    )
    .option('--partner <id>', 'the partner’s Partner ID (program ID, as imported)')
    .option('--fpm <email>', 'the partners of this partner manager')
    .option('--region <name>', 'the partners of this region')
    .option('--as-of <yyyy-mm>', 'the month of the review (default: the newest with data)')
    .requiredOption('--out <file.xlsx>', 'where to write the workbook')
    .option('--json', 'print a summary as one JSON object on stdout')
    .option('--as <email>', 'act as this user, with their access (default: the only admin)')
    .addHelpText(
      'after',
      '\nExit codes: 0 written, 2 bad arguments, unknown partner/FPM/region or database, 3 internal error.\n\n' +
        'Examples:\n  npx trellis report portfolio --partner P100017 --out contoso.xlsx\n' +
        '  npx trellis report portfolio --region "EMEA West" --as-of 2026-10 --out emea-west-2026-10.xlsx',
    )
    .action(async (opts: Options) => {
      const chosen = [opts.partner, opts.fpm, opts.region].filter(Boolean).length
      if (chosen > 1)
        throw new CliError('Choose one of --partner, --fpm or --region (or none for everything you can see)')
      if (opts.asOf !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.asOf))
        throw new CliError(`--as-of must be a month like 2026-10 (got "${opts.asOf}")`)
      if (!/\.xlsx$/i.test(opts.out)) throw new CliError(`--out must name an .xlsx file (got "${opts.out}")`)
      const out = resolve(opts.out)
      const { openCliDatabase, resolveActor } = await import('../context')
      const { reportsService } = await import('#server/modules/reports/service')
      const db = await openCliDatabase('report portfolio')
      // Written next to the target and renamed at the end: a failed run never leaves half a workbook.
      const partial = `${dirname(out)}/.${Date.now()}.trellis-report.partial.xlsx`
      try {
        const actor = await resolveActor(db.database, opts.as)
        const service = reportsService(db.database)
        const query = await service.resolveSelection(actor, { ...opts })
        const file = createWriteStream(partial)
        const r = await service.portfolioWorkbook(actor, query, file)
        await finished(file)
        await rename(partial, out)
        if (opts.json) printJson({ file: out, ...r })
        else
          line(
            `✔ Portfolio health review${r.period ? ` of ${r.period.slice(0, 7)}` : ''} written to ${out}: ${plural(r.partners, 'partner')}, ${plural(r.customers, 'customer')}, ${plural(r.rows, 'customer × workload row')}`,
          )
        process.exitCode = Exit.ok
      } catch (err) {
        await rm(partial, { force: true })
        throw err
      } finally {
        await db.close()
      }
    })
}
