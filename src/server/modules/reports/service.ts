import type { Writable } from 'node:stream'
import type { Database } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import type { ReportQuery } from '#shared/contracts/reports'
import { portfolioReport, resolveSelection } from './data'
import { writePortfolioWorkbook } from './workbook'

export function reportsService(database: Database) {
  return {
    resolveSelection: (actor: Actor, s: Parameters<typeof resolveSelection>[2]) =>
      resolveSelection(database, actor, s),
    /** Builds the review for the actor's scope and streams it as XLSX; resolves with its file name. */
    async portfolioWorkbook(actor: Actor, q: ReportQuery, out: Writable) {
      const report = await portfolioReport(database, actor, q)
      await writePortfolioWorkbook(report, out)
      return {
        period: report.period,
        partners: report.partners.length,
        customers: report.customers.length,
        rows: report.rows.length,
      }
    },
    portfolioReport: (actor: Actor, q: ReportQuery) => portfolioReport(database, actor, q),
  }
}

/** A file name that says what the review covers: trellis-portfolio-2026-10.xlsx. */
export function portfolioFileName(period: string | null) {
  return `trellis-portfolio-${period ? period.slice(0, 7) : 'empty'}.xlsx`
}
