import { PassThrough } from 'node:stream'
import { type Column, sheet } from './xlsx'

/**
 * Spreadsheet cells safe against formula injection (OWASP "CSV Injection"), shared by every export.
 *
 * XLSX: text goes into a cell as a string value, never as a formula: exceljs writes a string as a shared
 * string, so a customer named "=HYPERLINK(…)" stays text in Excel and LibreOffice (tests read it back).
 */
export const textCell = (s: string | null | undefined) => (s === null || s === undefined ? '' : String(s))

/** A text value a spreadsheet would evaluate when it begins with one of these (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * CSV: a text field beginning with = + - @ tab or carriage return gets a leading single quote, so Excel and
 * LibreOffice show it as text; every field is then quoted as RFC 4180 says when it needs to be.
 * Numbers are written as they are (a negative number is a number, not a formula).
 */
export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  const s = FORMULA_START.test(v) ? `'${v}` : v
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s
}

export type Cell = string | number | boolean | null
export type ExportColumn = Column & { header: string; key: string }

/** A CSV file (UTF-8 with a byte order mark so Excel reads the accents; CRLF line ends). */
export function toCsv(columns: ExportColumn[], rows: Record<string, Cell>[]): Buffer {
  const lines = [columns.map((c) => csvField(c.header)).join(',')]
  for (const r of rows) lines.push(columns.map((c) => csvField(r[c.key])).join(','))
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
}

/** A one-sheet workbook; strings go in as text cells (textCell), never as formulas. */
export async function toXlsx(name: string, columns: ExportColumn[], rows: Record<string, Cell>[]) {
  const { default: Excel } = await import('exceljs')
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const ended = new Promise((resolve, reject) => out.on('end', resolve).on('error', reject))
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true })
  wb.creator = 'Trellis'
  const ws = sheet(wb, name, columns)
  for (const r of rows)
    ws.addRow(
      Object.fromEntries(
        columns.map((c) => {
          const v = r[c.key]
          return [c.key, typeof v === 'string' || v === null || v === undefined ? textCell(v) : v]
        }),
      ),
    ).commit()
  ws.commit()
  await wb.commit()
  await ended
  return Buffer.concat(chunks)
}

export const exportContentType = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const
