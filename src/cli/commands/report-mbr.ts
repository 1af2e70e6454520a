import { rename, rm, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { Command } from 'commander'
import { mbrMonth } from '#shared/contracts/mbr'
import { CliError, Exit } from '../errors'
import { line, printJson } from '../output'

type Options = { partner: string; month: string; out: string; appendix?: string; json?: boolean; as?: string }

/** The appendix next to the deck: deck.pptx → deck.xlsx. */
export const appendixPathOf = (deck: string) => deck.replace(/\.pptx$/i, '.xlsx')

export function reportMbrCommand(parent: Command): void {
  parent
    .command('mbr')
    .summary('write the MBR pack of a partner and month: a PowerPoint deck and its Excel appendix')
    .description(
      'Writes the monthly business review of one partner as a PowerPoint deck — title, KPIs and health with its factors, adoption per workload as native (editable) charts, ' +
        'opportunities, escalations, action items and next steps — and an Excel appendix with the rows behind it (by default next to the deck, same name, .xlsx). ' +
        'The numbers are the month’s stored snapshots; lists are as they stood at the month end. A closed month is frozen the first time its pack is built: building it again gives the same numbers.',
    )
    .requiredOption('--partner <id>', 'the partner’s Partner ID (program ID, as imported)')
    .requiredOption('--month <yyyy-mm>', 'the month of the review')
    .requiredOption('--out <file.pptx>', 'where to write the deck')
    .option('--appendix <file.xlsx>', 'where to write the appendix (default: the deck’s name with .xlsx)')
    .option('--json', 'print a summary as one JSON object on stdout')
    .option('--as <email>', 'act as this user, with their access (default: the only admin)')
    .addHelpText(
      'after',
      '\nExit codes: 0 written, 2 bad arguments, unknown partner, a month without data or an unusable database, 3 internal error.\n\n' +
        'Examples:\n  npx trellis report mbr --partner P100017 --month 2026-10 --out contoso-2026-10.pptx\n' +
        '  npx trellis report mbr --partner P100017 --month 2026-10 --out deck.pptx --appendix rows.xlsx --as fpm@trellis.example',
    )
    .action(async (opts: Options) => {
      const month = mbrMonth.safeParse(opts.month)
      if (!month.success) throw new CliError(`--month must be a month like 2026-10 (got "${opts.month}")`)
      if (!/\.pptx$/i.test(opts.out)) throw new CliError(`--out must name a .pptx file (got "${opts.out}")`)
      if (opts.appendix !== undefined && !/\.xlsx$/i.test(opts.appendix))
        throw new CliError(`--appendix must name an .xlsx file (got "${opts.appendix}")`)
      const out = resolve(opts.out)
      const appendix = resolve(opts.appendix ?? appendixPathOf(opts.out))
      const { openCliDatabase, resolveActor } = await import('../context')
      const { mbrService } = await import('#server/modules/reports/mbr/service')
      const { buildMbrDeck } = await import('#server/modules/reports/mbr/deck')
      const { buildMbrAppendix } = await import('#server/modules/reports/mbr/appendix')
      const db = await openCliDatabase('report mbr')
      // Both files are written next to their targets and renamed at the end: a failed run leaves neither half-written.
      const stamp = Date.now()
      const partials = [
        `${dirname(out)}/.${stamp}.trellis-mbr.partial.pptx`,
        `${dirname(appendix)}/.${stamp}.trellis-mbr.partial.xlsx`,
      ]
      try {
        const actor = await resolveActor(db.database, opts.as)
        const service = mbrService(db.database)
        const partnerId = await service.partnerByProgramId(actor, opts.partner)
        const pack = await service.pack(actor, partnerId, month.data)
        const [deck, workbook] = await Promise.all([buildMbrDeck(pack), buildMbrAppendix(pack)])
        await writeFile(partials[0]!, deck)
        await writeFile(partials[1]!, workbook)
        await rename(partials[0]!, out)
        await rename(partials[1]!, appendix)
        const summary = {
          deck: out,
          appendix,
          partner: pack.partner.programId,
          month: pack.month,
          dataAsOf: pack.dataAsOf,
          frozenAt: pack.frozenAt,
          healthScore: Math.round(pack.health.score * 10) / 10,
          rows: pack.rows.length,
        }
        if (opts.json) printJson(summary)
        else
          line(
            `✔ MBR of ${pack.partner.name} (${pack.partner.programId}) for ${pack.month} written to ${out}, appendix ${appendix} (data as of ${pack.dataAsOf}${pack.frozenAt ? `, frozen ${pack.frozenAt.slice(0, 10)}` : ', month in progress'})`,
          )
        process.exitCode = Exit.ok
      } catch (err) {
        await Promise.all(partials.map((p) => rm(p, { force: true })))
        throw err
      } finally {
        await db.close()
      }
    })
}
