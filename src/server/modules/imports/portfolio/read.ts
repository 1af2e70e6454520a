import { Worker } from 'node:worker_threads'
import type { ImportError } from '#shared/contracts/imports'
import { AppError, type AppErrorCode, type Issue } from '#shared/errors'
import type { TableFile } from '../file/read-table'
import { mapPortfolioHeaders } from './columns'
import { type EntitiesCsv, entitiesCsv } from './entities'
import { type ImportScope, PortfolioValidator } from './validator'

/**
 * Reading a portfolio file = parsing and checking every row, producing the staged rows in chunks of
 * CSV for COPY. It runs here (small files) or in a worker thread (big files), so that parsing and
 * checking go on while the database copies the previous chunk.
 */
export type ReadEvent = { type: 'chunk'; csv: string } | { type: 'progress'; rows: number; fraction: number }

/** What reading found: everything the merge and the result need. */
export type ReadSummary = {
  errors: ImportError[]
  errorCount: number
  invalidRows: number
  rows: number
  validRows: number
  /** Valid rows staged with a usage snapshot. */
  usageRows: number
  /** The as-of date when every valid row has the same one. */
  asOf: string | null
  /** The partners and customers the valid rows name, as CSV for their staging tables. */
  entities: EntitiesCsv
}

export type ReadOptions = {
  path: string
  scope: ImportScope
  defaultAsOf: string
  skipInvalid: boolean
  chunkRows: number
}

export type Reader = { events: AsyncGenerator<ReadEvent>; summary(): ReadSummary }

/** Reads in this thread. */
export function readInline(table: TableFile, opts: ReadOptions): Reader {
  const validator = new PortfolioValidator(mapPortfolioHeaders(table.header), opts.scope, opts.defaultAsOf)
  const stageable = () => opts.skipInvalid || validator.errors.count === 0
  async function* events(): AsyncGenerator<ReadEvent> {
    for await (const batch of table.batches()) {
      for (const row of batch) validator.check(row)
      if (!stageable()) validator.takeStaged()
      else if (validator.stagedPending >= opts.chunkRows) yield { type: 'chunk', csv: validator.takeStaged() }
      yield { type: 'progress', rows: validator.rows, fraction: table.progress() }
    }
    if (stageable() && validator.stagedPending) yield { type: 'chunk', csv: validator.takeStaged() }
  }
  let summary: ReadSummary | null = null
  return {
    events: events(),
    // Made once, when asked after the reading (the CSV of the customers is not small).
    summary: () =>
      (summary ??= {
        errors: validator.errors.items,
        errorCount: validator.errors.count,
        invalidRows: validator.errors.rows,
        rows: validator.rows,
        validRows: validator.validRows,
        usageRows: validator.usageRows,
        asOf: validator.singleAsOf(),
        entities: entitiesCsv(validator.partners, validator.customers),
      }),
  }
}

/** The scope as plain data, to send to the worker. */
export type WorkerInput = Omit<ReadOptions, 'scope'> & {
  scope: {
    actor: ImportScope['actor']
    partners: [string, { id: number; name: string; editable: boolean }][]
    regions: [string, number][]
    fpms: [string, { id: number; regionId: number | null }][]
    workloads: string[]
  }
}

export type WorkerMessage =
  | ReadEvent
  | { type: 'done'; summary: ReadSummary }
  | { type: 'error'; error: { code: AppErrorCode | null; message: string; issues?: Issue[] } }

/** Chunks the worker may send before the database has taken the first of them. */
export const CHUNKS_IN_FLIGHT = 2

/** Reads in a worker thread; each chunk is acknowledged once copied (at most CHUNKS_IN_FLIGHT wait). */
export function readInWorker(opts: ReadOptions): Reader {
  const input: WorkerInput = {
    ...opts,
    scope: {
      actor: opts.scope.actor,
      partners: [...opts.scope.partners],
      regions: [...opts.scope.regions],
      fpms: [...opts.scope.fpms],
      workloads: [...opts.scope.workloads],
    },
  }
  const worker = new Worker(new URL('./read-worker.mjs', import.meta.url), { workerData: input })
  let summary: ReadSummary | null = null
  const queue: WorkerMessage[] = []
  let failure: Error | null = null
  let wake: (() => void) | null = null
  const notify = () => {
    wake?.()
    wake = null
  }
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m)
    notify()
  })
  worker.on('error', (err) => {
    failure = err
    notify()
  })
  worker.on('exit', (code) => {
    if (!summary && !queue.some((m) => m.type === 'done' || m.type === 'error'))
      failure ??= new Error(`The file reader stopped (exit code ${code})`)
    notify()
  })
  async function* events(): AsyncGenerator<ReadEvent> {
    try {
      for (;;) {
        const m = queue.shift()
        if (!m) {
          if (failure) throw failure
          await new Promise<void>((r) => {
            wake = r
          })
          continue
        }
        if (m.type === 'done') {
          summary = m.summary
          return
        }
        if (m.type === 'error') {
          throw m.error.code
            ? new AppError(m.error.code, m.error.message, m.error.issues)
            : new Error(m.error.message)
        }
        yield m
        if (m.type === 'chunk') worker.postMessage('ack')
      }
    } finally {
      await worker.terminate()
    }
  }
  return {
    events: events(),
    summary: () => {
      if (!summary) throw new Error('The file was not read to the end')
      return summary
    },
  }
}
