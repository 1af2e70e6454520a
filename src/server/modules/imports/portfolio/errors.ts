import type { ImportError } from '#shared/contracts/imports'

/** At most this many problems are listed; the count is always the real total. */
export const MAX_LISTED_ERRORS = 10_000
const MAX_VALUE = 200

export class ErrorList {
  readonly items: ImportError[] = []
  count = 0
  /** Rows with at least one problem. */
  rows = 0
  private lastRow = -1

  add(row: number, column: string, value: string, message: string): void {
    this.count++
    if (row !== this.lastRow) {
      this.rows++
      this.lastRow = row
    }
    if (this.items.length < MAX_LISTED_ERRORS) {
      this.items.push({
        row,
        column,
        value: value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value,
        message,
      })
    }
  }
}
