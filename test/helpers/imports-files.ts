import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'

/** A folder for test files, removed by `cleanup()`. */
export function tempFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'trellis-import-test-'))
  let i = 0
  return {
    dir,
    /** Writes a file and returns its path. */
    write(content: string | Buffer, name = `file-${++i}.csv`): string {
      const path = join(dir, name)
      writeFileSync(path, content)
      return path
    },
    /** Writes an .xlsx whose first worksheet holds `rows` (and a second sheet that must be ignored). */
    async xlsx(rows: unknown[][], name = `file-${++i}.xlsx`): Promise<string> {
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet('Portfolio')
      for (const r of rows) ws.addRow(r)
      wb.addWorksheet('Notes').addRow(['not', 'this', 'one'])
      const path = join(dir, name)
      await wb.xlsx.writeFile(path)
      return path
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** A CSV line with every field quoted as needed. */
export function csvLine(fields: readonly (string | number)[], delimiter = ','): string {
  return fields
    .map((f) => {
      const s = String(f)
      return /[",;\t\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s
    })
    .join(delimiter)
}
