import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import type ExcelJS from 'exceljs'
import { AppError } from '#shared/errors'
import { CsvSplitter, detectDelimiter } from './csv'
import { sniffFile } from './encoding'

/** A data row with its spreadsheet row number (the header is row 1). Cells are text, trimmed. */
export type TableRow = { row: number; cells: string[] }

export type TableFile = {
  format: 'csv' | 'xlsx'
  /** CSV only: the detected delimiter. */
  delimiter?: string
  /** The header cells as written in the file. */
  header: string[]
  /** Data rows in batches (blank rows are skipped but keep their numbers). Call once. */
  batches(): AsyncGenerator<TableRow[]>
  /** Share of the file read so far, 0..1. */
  progress(): number
  close(): void
}

const CHUNK = 256 * 1024

/** Opens a CSV or XLSX file (detected from its bytes, not its name) and reads its header. */
export async function openTable(path: string): Promise<TableFile> {
  const size = (await stat(path)).size
  const fh = await open(path, 'r')
  const head = new Uint8Array(64 * 1024)
  let headLen: number
  try {
    headLen = (await fh.read(head, 0, head.length, 0)).bytesRead
  } finally {
    await fh.close()
  }
  const sniffed = sniffFile(head.subarray(0, headLen))
  if (sniffed.format === 'xlsx') return openXlsx(path, size)
  return openCsv(path, size, sniffed.encoding, sniffed.bomBytes, head.subarray(0, headLen))
}

function isBlank(cells: string[]): boolean {
  for (const c of cells) if (c !== '') return false
  return true
}

async function openCsv(
  path: string,
  size: number,
  encoding: string,
  bomBytes: number,
  head: Uint8Array,
): Promise<TableFile> {
  const delimiter = detectDelimiter(
    new TextDecoder(encoding).decode(head.subarray(bomBytes), { stream: true }),
  )
  const stream = createReadStream(path, { start: bomBytes, highWaterMark: CHUNK })
  let bytes = bomBytes
  const decoder = new TextDecoder(encoding)
  let pending: TableRow[] = []
  let rowNumber = 0
  let header: string[] | null = null
  const splitter = new CsvSplitter(delimiter, (fields) => {
    rowNumber++
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]
      // Most cells have no surrounding space: only those are trimmed (a copy each).
      if (f.length && (f.charCodeAt(0) <= 32 || f.charCodeAt(f.length - 1) <= 32 || f.charCodeAt(0) === 160))
        fields[i] = f.trim()
      else if (f.length && f.charCodeAt(f.length - 1) === 160) fields[i] = f.trim()
    }
    if (isBlank(fields)) return
    if (header === null) header = fields
    else pending.push({ row: rowNumber, cells: fields })
  })
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  let done = false
  /** Reads one chunk into `pending`; false at the end of the file. */
  async function pump(): Promise<boolean> {
    if (done) return false
    const next = await iterator.next()
    if (next.done) {
      splitter.push(decoder.decode())
      splitter.end()
      done = true
      return false
    }
    bytes += next.value.length
    splitter.push(decoder.decode(next.value, { stream: true }))
    return true
  }
  try {
    while (header === null && (await pump()));
  } catch (err) {
    stream.destroy()
    throw err
  }
  if (header === null) {
    stream.destroy()
    throw new AppError('INVALID_FILE', 'The file has no rows: the first row must hold the column names.')
  }
  return {
    format: 'csv',
    delimiter,
    header,
    async *batches() {
      try {
        for (;;) {
          if (pending.length) {
            const out = pending
            pending = []
            yield out
          }
          if (!(await pump()) && pending.length === 0) break
        }
      } finally {
        stream.destroy()
      }
    },
    progress: () => (size === 0 ? 1 : Math.min(1, bytes / size)),
    close: () => stream.destroy(),
  }
}

/** Text of an exceljs cell value: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v.trim()
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10)
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    if (Array.isArray(o.richText))
      return o.richText
        .map((r: { text?: string }) => r.text ?? '')
        .join('')
        .trim()
    if ('result' in o) return cellText(o.result)
    if ('text' in o) return cellText(o.text)
    if ('error' in o) return String(o.error)
  }
  return ''
}

async function openXlsx(path: string, size: number): Promise<TableFile> {
  const input = createReadStream(path, { highWaterMark: CHUNK })
  let bytes = 0
  input.on('data', (b) => {
    bytes += b.length
  })
  // Loaded on first use: most imports are CSV, and exceljs takes a while to load.
  const { default: Excel } = await import('exceljs')
  const reader = new Excel.stream.xlsx.WorkbookReader(input as Readable, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  })
  const fail = (err: unknown): never => {
    input.destroy()
    if (err instanceof AppError) throw err
    throw new AppError(
      'INVALID_FILE',
      `This Excel file cannot be read (${(err as Error)?.message ?? 'unknown reason'}). Open it in Excel, save it again as .xlsx, and retry.`,
    )
  }
  const sheets = reader[Symbol.asyncIterator]()
  let rows: AsyncIterator<ExcelJS.Row>
  try {
    const first = await sheets.next()
    if (first.done) throw new AppError('INVALID_FILE', 'The workbook has no worksheet.')
    rows = (first.value as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]()
  } catch (err) {
    return fail(err)
  }
  const toCells = (r: ExcelJS.Row): string[] => {
    const values = r.values as unknown[]
    const cells: string[] = new Array(Math.max(0, values.length - 1))
    for (let i = 1; i < values.length; i++) cells[i - 1] = cellText(values[i])
    return cells
  }
  let header: string[] | null = null
  try {
    for (;;) {
      const next = await rows.next()
      if (next.done) break
      const cells = toCells(next.value)
      if (isBlank(cells)) continue
      header = cells
      break
    }
  } catch (err) {
    return fail(err)
  }
  if (header === null) {
    input.destroy()
    throw new AppError(
      'INVALID_FILE',
      'The first worksheet is empty: its first row must hold the column names.',
    )
  }
  return {
    format: 'xlsx',
    header,
    async *batches() {
      let batch: TableRow[] = []
      try {
        for (;;) {
          let next: IteratorResult<ExcelJS.Row>
          try {
            next = await rows.next()
          } catch (err) {
            return fail(err)
          }
          if (next.done) break
          const cells = toCells(next.value)
          if (!isBlank(cells)) batch.push({ row: next.value.number, cells })
          if (batch.length >= 2000) {
            yield batch
            batch = []
          }
        }
        if (batch.length) yield batch
      } finally {
        input.destroy()
      }
    },
    progress: () => (size === 0 ? 1 : Math.min(1, bytes / size)),
    close: () => input.destroy(),
  }
}
