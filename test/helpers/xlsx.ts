import { execFile } from 'node:child_process'

export type Sheets = Record<string, (string | number | boolean | null)[][]>

const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
out = {ws.title: [[c for c in row] for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
print(json.dumps(out, default=str))
`

/**
 * Reads an XLSX file with openpyxl (Debian's python3-openpyxl): a parser independent of exceljs, which
 * writes the files, so a test proves the workbook opens in other software, not only in its own writer.
 */
export function readXlsx(path: string): Promise<Sheets> {
  return new Promise((resolve, reject) =>
    execFile(
      '/usr/bin/python3',
      ['-c', script, path],
      { maxBuffer: 256 * 1024 * 1024 },
      (err, stdout, stderr) =>
        err
          ? reject(new Error(`openpyxl could not read ${path}: ${stderr || err.message}`))
          : resolve(JSON.parse(stdout)),
    ),
  )
}
