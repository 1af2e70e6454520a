import type ExcelJS from 'exceljs'

/** Shared by the report workbooks (portfolio health review, MBR appendix): columns, number formats, sheets. */
export type Column = { header: string; key: string; width?: number; numFmt?: string }
export const PCT = '0.0%'
export const PTS = '0.0'
export const INT = '#,##0'

/** A sheet with a bold, frozen, filterable header row and the columns' widths and number formats. */
export function sheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: Column[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width ?? 14,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }))
  ws.getRow(1).font = { bold: true }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
  return ws
}
