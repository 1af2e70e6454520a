import type { ImportError } from '#shared/contracts/imports'

export const n = (v: number) => v.toLocaleString('en-US')

/** Writes one JSON document to stdout (the only thing on stdout with --json). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}

export function line(text = ''): void {
  process.stdout.write(`${text}\n`)
}

/** The first `limit` problems as a readable table: row, column, value, reason. */
export function printErrors(errors: ImportError[], total: number, limit = 50): void {
  const shown = errors.slice(0, limit)
  const rowWidth = Math.max(3, ...shown.map((e) => String(e.row).length))
  const colWidth = Math.min(24, Math.max(6, ...shown.map((e) => e.column.length)))
  line(`  ${'Row'.padEnd(rowWidth)}  ${'Column'.padEnd(colWidth)}  Value → problem`)
  for (const e of shown) {
    const value =
      e.value === '' ? '(empty)' : `"${e.value.length > 40 ? `${e.value.slice(0, 40)}…` : e.value}"`
    line(
      `  ${String(e.row).padEnd(rowWidth)}  ${e.column.slice(0, colWidth).padEnd(colWidth)}  ${value} → ${e.message}`,
    )
  }
  if (total > shown.length) {
    line(
      `  … and ${n(total - shown.length)} more. Run with --json to get every problem (up to 10,000) as data.`,
    )
  }
}
