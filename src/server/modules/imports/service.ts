import { existsSync } from 'node:fs'
import { eq, type SQL, sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { customers, engagements, imports, partners } from '#db/schema/index'
import { type Actor, assertWriter } from '#server/modules/access/actor'
import { partnerEditable } from '#server/modules/access/scope'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import type { ImportRecord, M365ImportResult, PortfolioImportResult } from '#shared/contracts/imports'
import { AppError } from '#shared/errors'
import { readActiveUserReport } from './m365/active-users'
import type { ColumnMapping } from './portfolio/columns'
import { type ImportProgress, importPortfolio, type PortfolioImportOutcome } from './portfolio/importer'
import { type ImportRow, importsRepository } from './repository'
import { removeUpload } from './uploads'

/** A file on disk with the name the user gave it. */
export type ImportFile = { path: string; fileName: string }
export type PortfolioOptions = { asOf?: string; skipInvalid: boolean }

type StoredOptions = PortfolioOptions & {
  file?: string | null
  dryRun?: boolean
  source?: 'web' | 'cli'
  customer?: string
}
type StoredResult = {
  mapping: ColumnMapping[]
  unknownColumns: string[]
  message: string | null
  portfolio: PortfolioImportResult | null
  m365: M365ImportResult | null
}

const LIST_LIMIT = 200
/** Problems listed per import in GET /imports (all of them, up to 10,000, in GET /imports/{id}). */
const LIST_ERRORS = 20

/** Only admins see everyone's imports; others see their own (another user's import answers 404). */
function ownImports(actor: Actor): SQL | undefined {
  return actor.role === 'admin' ? undefined : eq(imports.userId, actor.id)
}

/** A customer the actor may change: its primary partner, or a partner engaged on it, is editable. */
function customerEditable(actor: Actor): SQL {
  if (actor.role === 'admin') return sql`true`
  const ids = sql`(select ${partners.id} from ${partners} where ${partnerEditable(actor)})`
  return sql`(${customers.primaryPartnerId} in ${ids} or exists (select 1 from ${engagements} e where e.customer_id = ${customers.id} and e.partner_id in ${ids}))`
}

const n = (v: number) => v.toLocaleString('en-US')

/** One sentence on a portfolio import's outcome, for the record and the CLI. */
export function describePortfolioResult(r: PortfolioImportResult, rejected: boolean): string {
  if (rejected) {
    return `${n(r.invalidRows)} of ${n(r.rows)} rows have problems (${n(r.errorCount)} in all); nothing was imported. Fix them and import again, or import with "skip invalid rows".`
  }
  const i = r.imported
  const verb = r.dryRun ? 'Would import' : 'Imported'
  const skipped = r.invalidRows ? `; ${n(r.invalidRows)} invalid rows skipped` : ''
  return `${verb} ${n(r.rows - r.invalidRows)} rows: ${n(i.partners)} partners, ${n(i.customers)} customers, ${n(i.workloads)} workloads and ${n(i.snapshots)} usage snapshots added or changed; ${n(r.unchanged)} rows unchanged${skipped}.`
}

function toRecord(row: ImportRow, live?: { rows: number }): ImportRecord {
  const result = (row.result ?? null) as StoredResult | null
  return {
    id: row.id,
    kind: row.kind as ImportRecord['kind'],
    fileName: row.fileName,
    status: row.status as ImportRecord['status'],
    rowsTotal: row.rowsTotal,
    rowsProcessed: live ? live.rows : row.rowsProcessed,
    mapping: result?.mapping ?? [],
    unknownColumns: result?.unknownColumns ?? [],
    result: result?.portfolio ?? null,
    m365: result?.m365 ?? null,
    message: result?.message ?? null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
  }
}

function failureMessage(err: unknown): string {
  return err instanceof AppError
    ? err.message
    : 'The import failed on our side; nothing was written. Try again.'
}

export type ImportsServiceOptions = {
  /** Where unexpected errors of background imports go (the server log). */
  logError?: (err: unknown, message: string) => void
}

/**
 * Import use cases: portfolio files (preview → commit in the background, or a run to the end for the
 * CLI) and Microsoft 365 usage reports. Every call takes the Actor; SMEs and viewers are refused.
 */
export function importsService(database: Database, options: ImportsServiceOptions = {}) {
  const repo = importsRepository(database.db)
  /** Progress of the imports running in this process. */
  const running = new Map<number, { rows: number }>()
  const logError = options.logError ?? (() => {})
  /** Scores and rollups follow the data at once; a failed refresh is logged, the import stands. */
  const refreshAfterImport = (importId: number) =>
    analyticsRefresher(database)
      .afterImport(importId)
      .catch((err) => logError(err, `import ${importId}: the analytics refresh failed`))

  async function findOwn(actor: Actor, id: number): Promise<ImportRow> {
    assertWriter(actor)
    const row = await repo.find(id, ownImports(actor))
    if (!row) throw AppError.notFound('Import')
    return row
  }

  function stored(outcome: PortfolioImportOutcome, message: string): StoredResult {
    return {
      mapping: outcome.mapping,
      unknownColumns: outcome.unknownColumns,
      message,
      portfolio: outcome.result,
      m365: null,
    }
  }

  /** Writes rows_processed now and then while reading (never during the merge transaction). */
  function progressWriter(id: number) {
    let last = 0
    return (p: ImportProgress) => {
      const live = running.get(id)
      if (live) live.rows = p.rows
      const now = Date.now()
      if (p.phase === 'reading' && now - last > 1000) {
        last = now
        repo.update(id, { rowsProcessed: p.rows }).catch(() => {})
      }
    }
  }

  return {
    /** Refuses roles that cannot import (before an upload is even read). */
    assertCanImport(actor: Actor): void {
      assertWriter(actor)
    },

    /** Uploaded portfolio file → dry run → a previewed import that can be committed. */
    async previewPortfolio(actor: Actor, file: ImportFile, opts: PortfolioOptions): Promise<ImportRecord> {
      assertWriter(actor)
      let outcome: PortfolioImportOutcome
      try {
        outcome = await importPortfolio(database, actor, { path: file.path, ...opts, dryRun: true })
      } catch (err) {
        await removeUpload(file.path)
        throw err
      }
      const message = describePortfolioResult(outcome.result, outcome.rejected)
      const row = await repo.insert({
        kind: 'portfolio',
        fileName: file.fileName,
        userId: actor.id,
        status: 'previewed',
        options: { ...opts, file: file.path, source: 'web' } satisfies StoredOptions,
        rowsTotal: outcome.result.rows,
        rowsProcessed: 0,
        result: stored(outcome, message),
      })
      return toRecord(row)
    },

    /** Starts a previewed import in the background: 202, then poll `get` for progress. */
    async commitPortfolio(actor: Actor, id: number): Promise<ImportRecord> {
      const row = await findOwn(actor, id)
      const opts = row.options as StoredOptions
      if (row.kind !== 'portfolio') throw new AppError('CONFLICT', 'Only a portfolio import is committed')
      if (row.status !== 'previewed' && row.status !== 'failed') {
        throw new AppError(
          'CONFLICT',
          `This import is ${row.status} already; upload the file again to import it again`,
        )
      }
      if (running.has(id)) throw new AppError('CONFLICT', 'This import is running already')
      if (!opts.file || !existsSync(opts.file)) {
        throw new AppError('CONFLICT', 'The uploaded file is not on the server any more; upload it again')
      }
      running.set(id, { rows: 0 })
      await repo.update(id, { status: 'running', rowsProcessed: 0, finishedAt: null })
      const file = opts.file
      void (async () => {
        try {
          const outcome = await importPortfolio(database, actor, {
            path: file,
            asOf: opts.asOf,
            skipInvalid: opts.skipInvalid,
            dryRun: false,
            importId: id,
            onProgress: progressWriter(id),
          })
          if (!outcome.rejected) await refreshAfterImport(id)
          await repo.update(id, {
            status: outcome.rejected ? 'rejected' : 'done',
            rowsTotal: outcome.result.rows,
            rowsProcessed: outcome.result.rows,
            result: stored(outcome, describePortfolioResult(outcome.result, outcome.rejected)),
            finishedAt: new Date(),
          })
          await removeUpload(file)
        } catch (err) {
          if (!(err instanceof AppError)) logError(err, `import ${id} failed`)
          const previous = (row.result ?? null) as StoredResult | null
          await repo
            .update(id, {
              status: 'failed',
              result: {
                ...(previous ?? { mapping: [], unknownColumns: [], portfolio: null, m365: null }),
                message: failureMessage(err),
              },
              finishedAt: new Date(),
            })
            .catch((e) => logError(e, `import ${id}: could not record the failure`))
        } finally {
          running.delete(id)
        }
      })()
      return toRecord({ ...row, status: 'running', rowsProcessed: 0, finishedAt: null }, { rows: 0 })
    },

    async get(actor: Actor, id: number): Promise<ImportRecord> {
      const row = await findOwn(actor, id)
      return toRecord(row, running.get(id))
    },

    async list(actor: Actor): Promise<{ items: ImportRecord[] }> {
      assertWriter(actor)
      const rows = await repo.list(ownImports(actor), LIST_LIMIT)
      // A list stays small: the first problems of each import (errorCount says how many there are).
      return {
        items: rows.map((r) => {
          const rec = toRecord(r, running.get(r.id))
          return rec.result
            ? { ...rec, result: { ...rec.result, errors: rec.result.errors.slice(0, LIST_ERRORS) } }
            : rec
        }),
      }
    },

    /**
     * Runs a portfolio import to the end (the CLI): recorded as an import of the actor, with progress
     * reported to `onProgress`. A dry run is recorded as previewed.
     */
    async runPortfolio(
      actor: Actor,
      file: ImportFile,
      opts: PortfolioOptions & {
        dryRun: boolean
        onProgress?: (p: ImportProgress) => void
        onStep?: (step: string, ms: number) => void
      },
    ): Promise<{ record: ImportRecord; outcome: PortfolioImportOutcome }> {
      assertWriter(actor)
      const row = await repo.insert({
        kind: 'portfolio',
        fileName: file.fileName,
        userId: actor.id,
        status: 'running',
        options: {
          asOf: opts.asOf,
          skipInvalid: opts.skipInvalid,
          dryRun: opts.dryRun,
          source: 'cli',
        } satisfies StoredOptions,
      })
      try {
        const outcome = await importPortfolio(database, actor, {
          path: file.path,
          asOf: opts.asOf,
          skipInvalid: opts.skipInvalid,
          dryRun: opts.dryRun,
          importId: row.id,
          onProgress: opts.onProgress,
          onStep: opts.onStep,
        })
        if (!outcome.rejected && !opts.dryRun) {
          const started = performance.now()
          await refreshAfterImport(row.id)
          opts.onStep?.('analytics refresh', performance.now() - started)
        }
        const status = outcome.rejected ? 'rejected' : opts.dryRun ? 'previewed' : 'done'
        const values = {
          status,
          rowsTotal: outcome.result.rows,
          rowsProcessed: opts.dryRun ? 0 : outcome.result.rows,
          result: stored(outcome, describePortfolioResult(outcome.result, outcome.rejected)),
          finishedAt: new Date(),
        }
        await repo.update(row.id, values)
        return { record: toRecord({ ...row, ...values }), outcome }
      } catch (err) {
        await repo
          .update(row.id, {
            status: 'failed',
            result: {
              mapping: [],
              unknownColumns: [],
              portfolio: null,
              m365: null,
              message: failureMessage(err),
            },
            finishedAt: new Date(),
          })
          .catch(() => {})
        throw err
      }
    },

    /** A Microsoft 365 active user detail report → the customer's usage snapshots of its date. */
    async importM365ActiveUsers(actor: Actor, file: ImportFile, tpid: string): Promise<M365ImportResult> {
      assertWriter(actor)
      const key = tpid.trim()
      const customer = key ? await repo.findCustomer(key, customerEditable(actor)) : undefined
      if (!customer) throw new AppError('NOT_FOUND', `Customer with TPID ${key || '(empty)'} not found`)
      const counts = await readActiveUserReport(file.path)
      const known = new Set(await repo.knownWorkloads(counts.workloads.map((w) => w.workload)))
      const workloads = counts.workloads.filter((w) => known.has(w.workload))
      const row = await repo.insert({
        kind: 'm365-active-users',
        fileName: file.fileName,
        userId: actor.id,
        status: 'running',
        options: { customer: customer.tpid, skipInvalid: false, source: 'web' } satisfies StoredOptions,
        rowsTotal: counts.users,
      })
      const changed = await repo.upsertSnapshots(
        workloads.map((w) => ({
          customerId: customer.id,
          workloadCode: w.workload,
          asOf: counts.asOf,
          licensedUsers: w.licensed,
          activeUsers: w.active,
          source: 'graph_csv',
          importId: row.id,
        })),
      )
      await refreshAfterImport(row.id)
      const result: M365ImportResult = {
        customer: customer.tpid,
        asOf: counts.asOf,
        workloads,
        unknownColumns: counts.unknownColumns,
        users: counts.users,
        changed,
      }
      await repo.update(row.id, {
        status: 'done',
        rowsProcessed: counts.users,
        finishedAt: new Date(),
        result: {
          mapping: [],
          unknownColumns: counts.unknownColumns,
          portfolio: null,
          m365: result,
          message: `Usage of ${customer.name} (TPID ${customer.tpid}) on ${counts.asOf} from ${n(counts.users)} users: ${changed} snapshots added or changed.`,
        } satisfies StoredResult,
      })
      return result
    },

    /**
     * Imports left "running" by a process that stopped (PGlite: one process, so nothing else runs
     * them). Their merge never committed, so nothing was written; they can be committed again.
     */
    markInterrupted: () =>
      repo.failRunning(
        'Interrupted: the server stopped during this import. Nothing was written; commit it again.',
      ),
  }
}

export type ImportsService = ReturnType<typeof importsService>
