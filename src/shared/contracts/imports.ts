import { z } from 'zod'
import { isoDate } from './common'

/** One problem in an import file: where (row number counted as in a spreadsheet, header = 1) and why. */
export const importError = z.object({
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  message: z.string(),
})
export type ImportError = z.infer<typeof importError>

export const importCounts = z.object({
  partners: z.number().int(),
  customers: z.number().int(),
  workloads: z.number().int(),
  snapshots: z.number().int(),
})
export type ImportCounts = z.infer<typeof importCounts>

/** The CLI's `--json` output and the API's result of a portfolio import. */
export const portfolioImportResult = z.object({
  imported: importCounts,
  unchanged: z.number().int(),
  errors: z.array(importError),
  /** Total problems found; `errors` lists at most the first 10,000. */
  errorCount: z.number().int(),
  /** Rows with at least one problem (not imported). */
  invalidRows: z.number().int(),
  /** Data rows in the file (blank rows not counted). */
  rows: z.number().int(),
  dryRun: z.boolean(),
  asOf: isoDate,
})
export type PortfolioImportResult = z.infer<typeof portfolioImportResult>

/** A column of the uploaded file and the field it fills (null: not used, reported as unknown). */
export const columnMapping = z.object({
  column: z.string(),
  field: z.string().nullable(),
  /** The field's name for people ("Licensed users"), null when the column is not used. */
  fieldLabel: z.string().nullable().optional(),
})

export const importStatus = ['previewed', 'running', 'done', 'failed', 'rejected'] as const

export const m365WorkloadUsage = z.object({
  workload: z.string(),
  licensed: z.number().int(),
  active: z.number().int(),
})
export const m365ImportResult = z.object({
  /** The customer's TPID. */
  customer: z.string(),
  asOf: isoDate,
  workloads: z.array(m365WorkloadUsage),
  unknownColumns: z.array(z.string()),
  /** User rows in the report. */
  users: z.number().int().optional(),
  /** Snapshots added or changed (0 when the same report was imported before). */
  changed: z.number().int().optional(),
})
export type M365ImportResult = z.infer<typeof m365ImportResult>

export const importRecord = z.object({
  id: z.number().int(),
  kind: z.enum(['portfolio', 'm365-active-users']),
  fileName: z.string(),
  status: z.enum(importStatus),
  rowsTotal: z.number().int(),
  rowsProcessed: z.number().int(),
  mapping: z.array(columnMapping),
  unknownColumns: z.array(z.string()),
  result: portfolioImportResult.nullable(),
  /** For kind m365-active-users: what was stored. */
  m365: m365ImportResult.nullable().optional(),
  /** One sentence on the outcome (why it failed, what was imported). */
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
})
export type ImportRecord = z.infer<typeof importRecord>
export const importList = z.object({ items: z.array(importRecord) })

export const portfolioImportOptions = z.object({
  asOf: isoDate.optional(),
  skipInvalid: z.boolean().default(false),
})
