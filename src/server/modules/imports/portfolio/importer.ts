import { stat } from 'node:fs/promises'
import type { Database, SqlClient } from '#db/client'
import { type Actor, assertWriter } from '#server/modules/access/actor'
import { partnerEditable } from '#server/modules/access/scope'
import type { PortfolioImportResult } from '#shared/contracts/imports'
import { AppError } from '#shared/errors'
import { openTable } from '../file/read-table'
import { importsRepository } from '../repository'
import { type ColumnMapping, describeMissingColumns, mapPortfolioHeaders } from './columns'
import { collectGarbage } from './gc'
import { type Reader, readInline, readInWorker } from './read'
import {
  copyEntities,
  copyRows,
  createStaging,
  dropStaging,
  type IndexRebuild,
  type MergeCounts,
  mergeStaged,
  type StepTimer,
  stagingNames,
  timed,
} from './staging'
import type { ImportScope } from './validator'

export type ImportProgress = {
  phase: 'reading' | 'saving'
  /** Data rows read so far. */
  rows: number
  /** Share of the file read, 0..1. */
  fraction: number
}

export type PortfolioImportInput = {
  path: string
  /** Date of the usage snapshots for rows without an as-of cell (default: today, UTC). */
  asOf?: string
  skipInvalid: boolean
  dryRun: boolean
  /** The import run the snapshots point to. */
  importId?: number | null
  onProgress?: (p: ImportProgress) => void
  /** Where to parse and check the file; default: a worker thread for files of WORKER_MIN_BYTES or more. */
  reader?: 'inline' | 'worker'
  /** Timing of each database step (benchmark, debugging). */
  onStep?: StepTimer
}

export type PortfolioImportOutcome = {
  result: PortfolioImportResult
  mapping: ColumnMapping[]
  unknownColumns: string[]
  /** True when the file had invalid rows and nothing was imported (no --skip-invalid). */
  rejected: boolean
}

/** Files from this size on are read in a worker thread, in parallel with the database work. */
export const WORKER_MIN_BYTES = 4 * 1024 * 1024

/** Staged rows are copied to the database in chunks of about this many rows. */
export const COPY_CHUNK_ROWS = 50_000

/** When a bulk insert rebuilds a table's secondary indexes (staging.ts, IndexRebuild). */
const INDEX_REBUILD: Record<Database['kind'], IndexRebuild> = {
  pglite: { share: 0.3, maxExistingRows: null },
  postgres: { share: 0.3, maxExistingRows: 50_000 },
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10)
}

const noCounts: MergeCounts = {
  partnersInserted: 0,
  partnersUpdated: 0,
  customersInserted: 0,
  customersUpdated: 0,
  engagementsInserted: 0,
  engagementsUpdated: 0,
  snapshotsInserted: 0,
  snapshotsUpdated: 0,
  unchanged: 0,
}

/** Ends a transaction without writing (dry run, rejected file) while handing back its result. */
class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rollback')
  }
}

export async function loadImportScope(database: Database, actor: Actor): Promise<ImportScope> {
  const repo = importsRepository(database.db)
  const [partnerRows, regionRows, fpmRows, codes] = await Promise.all([
    repo.partnersWithAccess(partnerEditable(actor)),
    repo.regions(),
    repo.partnerManagers(),
    repo.workloadCodes(),
  ])
  return {
    actor,
    partners: new Map(
      partnerRows.map((p) => [p.programId, { id: p.id, name: p.name, editable: p.editable }]),
    ),
    regions: new Map(regionRows.map((r) => [r.name.toLowerCase(), r.id])),
    fpms: new Map(fpmRows.map((u) => [u.email.toLowerCase(), { id: u.id, regionId: u.regionId }])),
    workloads: new Set(codes),
  }
}

/**
 * Imports a portfolio file: stream-parse and check every row, COPY valid rows into staging tables,
 * then merge them set-based in one transaction. With invalid rows and no `skipInvalid`, nothing is
 * written. A dry run does everything inside a transaction that is rolled back, so its counts are exact.
 *
 * On PGlite (one connection for the whole app) the staging happens outside the merge transaction, so
 * other requests keep running between chunks; on PostgreSQL the whole import is one transaction.
 */
export async function importPortfolio(
  database: Database,
  actor: Actor,
  input: PortfolioImportInput,
): Promise<PortfolioImportOutcome> {
  assertWriter(actor)
  const table = await openTable(input.path)
  let reader: Reader
  let header: ReturnType<typeof mapPortfolioHeaders>
  const defaultAsOf = input.asOf ?? todayUtc()
  try {
    const invalid = describeMissingColumns(table.header)
    if (invalid) throw invalid
    header = mapPortfolioHeaders(table.header)
    const opts = {
      path: input.path,
      scope: await loadImportScope(database, actor),
      defaultAsOf,
      skipInvalid: input.skipInvalid,
      chunkRows: COPY_CHUNK_ROWS,
    }
    const inWorker = input.reader
      ? input.reader === 'worker'
      : (await stat(input.path)).size >= WORKER_MIN_BYTES
    if (inWorker) table.close()
    reader = inWorker ? readInWorker(opts) : readInline(table, opts)
  } catch (err) {
    table.close()
    throw err
  }
  const t = stagingNames()
  const progress = input.onProgress ?? (() => {})

  const outcome = (counts: MergeCounts, rejected: boolean): PortfolioImportOutcome => {
    const s = reader.summary()
    return {
      mapping: header.mapping,
      unknownColumns: header.unknownColumns,
      rejected,
      result: {
        imported: {
          partners: counts.partnersInserted + counts.partnersUpdated,
          customers: counts.customersInserted + counts.customersUpdated,
          workloads: counts.engagementsInserted + counts.engagementsUpdated,
          snapshots: counts.snapshotsInserted + counts.snapshotsUpdated,
        },
        unchanged: counts.unchanged,
        errors: s.errors,
        errorCount: s.errorCount,
        invalidRows: s.invalidRows,
        rows: s.rows,
        dryRun: input.dryRun,
        asOf: s.asOf ?? defaultAsOf,
      },
    }
  }

  /** Reads the whole file into the staging tables; false when the file is rejected. */
  const stage = async (session: SqlClient): Promise<boolean> => {
    let rows = 0
    for await (const event of reader.events) {
      if (event.type === 'chunk') {
        await copyRows(session, t, event.csv)
        collectGarbage()
      } else {
        rows = event.rows
        progress({ phase: 'reading', rows, fraction: event.fraction })
      }
    }
    const s = reader.summary()
    if (s.errorCount > 0 && !input.skipInvalid) return false
    await copyEntities(session, t, s.entities)
    return true
  }
  const merge = async (tx: SqlClient): Promise<MergeCounts> => {
    const s = reader.summary()
    progress({ phase: 'saving', rows: s.rows, fraction: 1 })
    return s.validRows
      ? mergeStaged(tx, t, actor, {
          importId: input.importId ?? null,
          staged: { rows: s.validRows, usage: s.usageRows },
          rebuild: INDEX_REBUILD[database.kind],
        })
      : noCounts
  }
  const settle = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work
    } catch (err) {
      if (err instanceof Rollback) return err.value as T
      if ((err as { code?: string })?.code === '23505') {
        // Someone else added the same partner, customer or engagement during the import.
        throw new AppError(
          'CONFLICT',
          'The same data was changed by someone else during the import; nothing was imported. Run the import again.',
        )
      }
      throw err
    } finally {
      // Stops the reader when the import ends early (an error while copying).
      await reader.events.return(undefined)
      table.close()
    }
  }

  if (database.kind === 'postgres') {
    return settle(
      database.transaction(async (client) => {
        const tx = timed(client, input.onStep)
        await createStaging(tx, t, true)
        if (!(await stage(tx))) throw new Rollback(outcome(noCounts, true))
        const result = outcome(await merge(tx), false)
        if (input.dryRun) throw new Rollback(result)
        return result
      }),
    )
  }
  const session = timed(database.sql, input.onStep)
  return settle(
    (async () => {
      await createStaging(session, t, false)
      try {
        if (!(await stage(session))) return outcome(noCounts, true)
        return await settle(
          database.transaction(async (client) => {
            const result = outcome(await merge(timed(client, input.onStep)), false)
            if (input.dryRun) throw new Rollback(result)
            return result
          }),
        )
      } finally {
        await dropStaging(session, t).catch(() => {})
      }
    })(),
  )
}
