import { AppError } from '#shared/errors'

export type Sniffed =
  | { format: 'xlsx' }
  | { format: 'csv'; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'; bomBytes: number }

/**
 * Looks at the first bytes of an upload and decides how to read it: XLSX (a zip), or text in UTF-8
 * (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), or — when the bytes are not valid
 * UTF-8 — Windows-1252 (Excel's "CSV" on Western Windows). Binary files are refused here.
 */
export function sniffFile(head: Uint8Array): Sniffed {
  if (head.length === 0) throw new AppError('INVALID_FILE', 'The file is empty.')
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return { format: 'xlsx' }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new AppError(
      'INVALID_FILE',
      'This is an old Excel .xls file. Save it as .xlsx (Excel Workbook) or CSV UTF-8 and import that.',
    )
  }
  if (head[0] === 0x50 && head[1] === 0x4b)
    throw notTable('This looks like a zip file but not an Excel workbook.')
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { format: 'csv', encoding: 'utf-8', bomBytes: 3 }
  if (head[0] === 0xff && head[1] === 0xfe) return { format: 'csv', encoding: 'utf-16le', bomBytes: 2 }
  if (head[0] === 0xfe && head[1] === 0xff) return { format: 'csv', encoding: 'utf-16be', bomBytes: 2 }
  // Text files have no NUL bytes (UTF-16 without BOM is not supported).
  if (head.indexOf(0) !== -1)
    throw notTable('This does not look like a CSV or Excel file (it contains binary data).')
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
    return { format: 'csv', encoding: 'utf-8', bomBytes: 0 }
  } catch {
    return { format: 'csv', encoding: 'windows-1252', bomBytes: 0 }
  }
}

function notTable(message: string): AppError {
  return new AppError('INVALID_FILE', `${message} Import a CSV file or an Excel .xlsx workbook.`)
}
