import { randomBytes } from 'node:crypto'
import { type SQL, sql } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import { skipForeignKeyTriggers, withSecondaryIndexesRebuilt } from '#db/bulk'
import type { SqlClient } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import { partnerEditable } from '#server/modules/access/scope'
import { AppError } from '#shared/errors'
import type { EntitiesCsv } from './entities'

/**
 * The SQL of a portfolio import: staging tables filled by COPY, then set-based merges into partners,
 * customers, engagements and usage_snapshots. No business rules here beyond "which rows changed":
 * the validator decided what is acceptable before a row reaches the staging table.
 */

const dialect = new PgDialect()

async function run(q: SqlClient, query: SQL) {
  const { sql: text, params } = dialect.sqlToQuery(query)
  return q.query<Record<string, unknown>>(text, params)
}

export type Staging = {
  rows: string
  partners: string
  customers: string
  /** The customers with what the database knows of them (made during the merge). */
  known: string
  work: string
}

export function stagingNames(): Staging {
  const id = randomBytes(5).toString('hex')
  return {
    rows: `import_rows_${id}`,
    partners: `import_partners_${id}`,
    customers: `import_customers_${id}`,
    known: `import_known_${id}`,
    work: `import_work_${id}`,
  }
}

export const ROW_COLUMNS = [
  'pidx',
  'cidx',
  'workload',
  'intent',
  'phase',
  'claimed',
  'licensed',
  'active',
  'as_of',
] as const

/**
 * Creates the staging tables (temporary: private to this database session). `onCommitDrop` when the
 * whole import runs in one transaction (PostgreSQL); otherwise they are dropped by `dropStaging`.
 */
export async function createStaging(q: SqlClient, t: Staging, onCommitDrop: boolean): Promise<void> {
  const tail = onCommitDrop ? ' on commit drop' : ''
  await q.query(
    `create temp table ${t.rows} (pidx integer not null, cidx integer not null, workload text not null, intent text, phase text, claimed boolean, licensed integer, active integer, as_of date not null)${tail}`,
  )
  await q.query(
    `create temp table ${t.partners} (pidx integer primary key, program_id text not null, name text not null, region_id integer, fpm_user_id integer, id integer, inserted boolean not null default false, changed boolean not null default false)${tail}`,
  )
  await q.query(
    `create temp table ${t.customers} (cidx integer primary key, tpid text not null, name text not null, country text, seats integer, pidx integer not null)${tail}`,
  )
}

export async function dropStaging(q: SqlClient, t: Staging): Promise<void> {
  await q.query(`drop table if exists ${t.rows}, ${t.partners}, ${t.customers}, ${t.known}, ${t.work}`)
}

export async function copyRows(q: SqlClient, t: Staging, csv: string): Promise<void> {
  if (csv.length) await q.copyCsv(t.rows, ROW_COLUMNS, csv)
}

export async function copyEntities(q: SqlClient, t: Staging, csv: EntitiesCsv): Promise<void> {
  if (csv.partners)
    await q.copyCsv(t.partners, ['pidx', 'program_id', 'name', 'region_id', 'fpm_user_id'], csv.partners)
  for (const chunk of csv.customers)
    await q.copyCsv(t.customers, ['cidx', 'tpid', 'name', 'country', 'seats', 'pidx'], chunk)
}

/** Reports how long each SQL statement took (for the benchmark and debugging). */
export type StepTimer = (step: string, ms: number) => void

export function timed(db: SqlClient, onStep?: StepTimer): SqlClient {
  if (!onStep) return db
  const label = (text: string) => text.replace(/\s+/g, ' ').slice(0, 60)
  return {
    async query(text, params) {
      const t0 = performance.now()
      const r = await db.query(text, params)
      onStep(label(text), performance.now() - t0)
      return r
    },
    async copyCsv(table, columns, csv, format) {
      const t0 = performance.now()
      await db.copyCsv(table, columns, csv, format)
      onStep(`copy ${table}`, performance.now() - t0)
    },
  } as SqlClient
}

export type MergeCounts = {
  partnersInserted: number
  partnersUpdated: number
  customersInserted: number
  customersUpdated: number
  engagementsInserted: number
  engagementsUpdated: number
  snapshotsInserted: number
  snapshotsUpdated: number
  unchanged: number
}

/**
 * Inserting many rows into a table through its secondary indexes costs far more (on PGlite, about
 * three times) than building those indexes once. When an insert adds at least `share` of a table's
 * rows, the table's unique constraints and indexes (not the primary key) are dropped before it and
 * rebuilt after it, in the same transaction. Dropping an index locks the table until the commit, so
 * on a shared PostgreSQL server this is done only while the table is nearly empty (`maxExistingRows`:
 * the first import of a new installation); PGlite has one connection anyway.
 */
export type IndexRebuild = { share: number; maxExistingRows: number | null }

/** Imports serialise their merges (one at a time per database); everything else goes on. */
const IMPORT_LOCK = 727_275

export type MergeOptions = {
  importId: number | null
  /** How many rows were staged, and how many of them with usage. */
  staged: { rows: number; usage: number }
  /** When to drop and rebuild a table's secondary indexes around a bulk insert (see IndexRebuild). */
  rebuild: IndexRebuild
}

/**
 * Merges the staged rows into the portfolio tables, inside the caller's transaction. Set-based: each
 * step is one statement over a whole staging table; a row that would change nothing is not written.
 */
export async function mergeStaged(
  tx: SqlClient,
  t: Staging,
  actor: Actor,
  opts: MergeOptions,
): Promise<MergeCounts> {
  await tx.query(`select pg_advisory_xact_lock(${IMPORT_LOCK})`)
  // Hash joins over the staging tables stay in memory.
  await tx.query(`set local work_mem = '64MB'`)
  // Referential integrity holds by construction (ids come from the tables in this transaction,
  // workload codes were checked against the workloads table), so the per-row foreign-key triggers
  // are skipped where allowed: they are a large part of the cost of a bulk insert. Needs a superuser
  // (always so on PGlite); otherwise the checks run as usual.
  await skipForeignKeyTriggers(tx)

  // Statistics for the staging tables: without them the planner guesses their size from their pages
  // and picks sorts and merge joins where hash joins are many times faster.
  // A small sample is enough for row counts and distinct values.
  await tx.query('set local default_statistics_target = 10')
  await tx.query(`analyze ${t.rows}, ${t.partners}, ${t.customers}`)

  const editable = partnerEditable(actor)
  const P = sql.raw(t.partners)
  const C = sql.raw(t.customers)
  const R = sql.raw(t.rows)
  const X = sql.raw(t.work)

  // Partners. A partner that left the importer's scope since the file was checked stops the import.
  const outOfScope = await run(
    tx,
    sql`select sp.program_id from ${P} sp join partners on partners.program_id = sp.program_id where not (${editable}) limit 1`,
  )
  if (outOfScope.rows.length) {
    throw new AppError(
      'CONFLICT',
      `Partner ${outOfScope.rows[0].program_id} is not in your portfolio any more (it changed during the import). Nothing was imported; run the import again.`,
    )
  }
  // Existing ones get their id (and whether the name changes); new ones get a fresh id up front, so
  // no insert has to hand ids back through a join.
  await tx.query(
    `update ${t.partners} sp set id = partners.id, changed = partners.name is distinct from sp.name from partners where partners.program_id = sp.program_id`,
  )
  await assignNewIds(tx, t.partners, 'partners')
  await tx.query(
    `update partners set name = sp.name, updated_at = now() from ${t.partners} sp where sp.id = partners.id and sp.changed and not sp.inserted`,
  )
  await tx.query(
    `insert into partners (id, program_id, name, region_id, fpm_user_id) overriding system value
     select id, program_id, name, region_id, fpm_user_id from ${t.partners} where inserted`,
  )

  // Customers: master data changes only where the importer may change the customer (its primary
  // partner is theirs, or it has none); a row for someone else's customer still adds its engagement.
  const customerEditable =
    actor.role === 'admin'
      ? sql`true`
      : sql`(customers.primary_partner_id is null or customers.primary_partner_id in (select partners.id from partners where ${editable}))`
  // Each staged customer with its id (a new one's drawn from the sequence now), whether it is new,
  // and whether it changes: one join (updating a staging table row by row is much slower, on PGlite
  // above all), and the rows below need no lookup by TPID.
  const K = sql.raw(t.known)
  const seq = await tx.query<{ seq: string }>(`select pg_get_serial_sequence('customers', 'id') as seq`)
  await run(
    tx,
    sql`create temp table ${K} on commit drop as
      select sc.cidx, sc.tpid, sc.name, sc.country, sc.seats, sc.pidx,
        coalesce(customers.id, nextval(${seq.rows[0].seq}::regclass)) as id, customers.id is null as inserted,
        customers.id is null or ((${customerEditable}) and (customers.name, customers.country, customers.seats)
          is distinct from (sc.name, coalesce(sc.country, customers.country), coalesce(sc.seats, customers.seats))) as changed
      from ${C} sc left join customers on customers.tpid = sc.tpid`,
  )
  await tx.query(`analyze ${t.known}`)
  await tx.query(
    `update customers set name = sc.name, country = coalesce(sc.country, customers.country), seats = coalesce(sc.seats, customers.seats), updated_at = now()
     from ${t.known} sc where sc.id = customers.id and sc.changed and not sc.inserted`,
  )
  const newCustomers = await tx.query<{ n: number }>(
    `select count(*)::int as n from ${t.known} where inserted`,
  )
  await withIndexesRebuilt(tx, 'customers', newCustomers.rows[0].n, opts.rebuild, () =>
    tx.query(
      `insert into customers (id, tpid, name, country, seats, primary_partner_id) overriding system value
       select sc.id, sc.tpid, sc.name, sc.country, sc.seats, sp.id from ${t.known} sc join ${t.partners} sp on sp.pidx = sc.pidx
       where sc.inserted`,
    ),
  )

  const existingCustomers = await tx.query<{ n: number }>(
    `select count(*)::int as n from ${t.known} where not inserted`,
  )
  const noneExisted = existingCustomers.rows[0].n === 0

  // Rows of customers that existed: each with its ids and what exists already, in one pass over the
  // existing tables. Rows of customers added just now have nothing to compare with: they go straight
  // to the inserts below.
  await run(
    tx,
    sql`create temp table ${X} on commit drop as
      select sp.id as partner_id, sc.id as customer_id, r.workload, r.intent, r.phase, r.claimed, r.licensed, r.active, r.as_of,
        e.id as engagement_id,
        (e.id is not null and (e.intent_status, e.phase, e.claimed) is distinct from
          (coalesce(r.intent, e.intent_status), coalesce(r.phase, e.phase), coalesce(r.claimed, e.claimed))) as engagement_changed,
        u.id as snapshot_id,
        (u.id is not null and (u.licensed_users, u.active_users) is distinct from (r.licensed, r.active)) as snapshot_changed,
        (sp.changed or sc.changed) as parent_changed
      from ${R} r
      join ${P} sp on sp.pidx = r.pidx
      join ${K} sc on sc.cidx = r.cidx and not sc.inserted
      left join engagements e on e.partner_id = sp.id and e.customer_id = sc.id and e.workload_code = r.workload
      left join usage_snapshots u on r.licensed is not null and u.customer_id = sc.id and u.workload_code = r.workload
        and u.as_of = r.as_of and u.source = 'portfolio'
      ${noneExisted ? sql`where false` : sql``}`,
  )
  const counts = await tx.query<Record<string, number>>(
    `select
       (select count(*)::int from ${t.partners} where inserted) as partners_inserted,
       (select count(*)::int from ${t.partners} where changed and not inserted) as partners_updated,
       (select count(*)::int from ${t.known} where inserted) as customers_inserted,
       (select count(*)::int from ${t.known} where changed and not inserted) as customers_updated,
       count(*) filter (where engagement_id is null)::int as engagements_inserted,
       count(*) filter (where engagement_changed)::int as engagements_updated,
       count(*) filter (where licensed is not null and snapshot_id is null)::int as snapshots_inserted,
       count(*) filter (where snapshot_changed)::int as snapshots_updated,
       count(*) filter (where engagement_id is not null and not engagement_changed and not snapshot_changed
         and (licensed is null or snapshot_id is not null) and not parent_changed)::int as unchanged,
       count(*)::int as work_rows,
       count(licensed)::int as work_usage
     from ${t.work}`,
  )
  const c = counts.rows[0]
  // The rows not in the work table are those of new customers: all new.
  c.engagements_inserted += opts.staged.rows - c.work_rows
  c.snapshots_inserted += opts.staged.usage - c.work_usage
  const freshRows = `from ${t.rows} r join ${t.partners} sp on sp.pidx = r.pidx join ${t.known} sc on sc.cidx = r.cidx and sc.inserted`

  if (c.engagements_inserted)
    await withIndexesRebuilt(tx, 'engagements', c.engagements_inserted, opts.rebuild, () =>
      tx.query(
        `insert into engagements (partner_id, customer_id, workload_code, intent_status, phase, claimed)
         select partner_id, customer_id, workload, coalesce(intent, 'unknown'), coalesce(phase, 'initiate'), coalesce(claimed, false)
         from ${t.work} where engagement_id is null
         union all
         select sp.id, sc.id, r.workload, coalesce(r.intent, 'unknown'), coalesce(r.phase, 'initiate'), coalesce(r.claimed, false)
         ${freshRows}`,
      ),
    )
  if (c.engagements_updated)
    await tx.query(
      `update engagements e set intent_status = coalesce(x.intent, e.intent_status), phase = coalesce(x.phase, e.phase),
         claimed = coalesce(x.claimed, e.claimed), updated_at = now()
       from ${t.work} x where x.engagement_changed and e.id = x.engagement_id`,
    )
  if (c.snapshots_inserted)
    await withIndexesRebuilt(tx, 'usage_snapshots', c.snapshots_inserted, opts.rebuild, () =>
      tx.query(
        `insert into usage_snapshots (customer_id, workload_code, as_of, licensed_users, active_users, source, import_id)
         select customer_id, workload, as_of, licensed, active, 'portfolio', $1::integer
         from ${t.work} where licensed is not null and snapshot_id is null
         union all
         select sc.id, r.workload, r.as_of, r.licensed, r.active, 'portfolio', $1::integer
         ${freshRows} where r.licensed is not null`,
        [opts.importId],
      ),
    )
  if (c.snapshots_updated)
    await tx.query(
      `update usage_snapshots u set licensed_users = x.licensed, active_users = x.active, import_id = $1::integer
       from ${t.work} x where x.snapshot_changed and u.id = x.snapshot_id`,
      [opts.importId],
    )
  return {
    partnersInserted: c.partners_inserted,
    partnersUpdated: c.partners_updated,
    customersInserted: c.customers_inserted,
    customersUpdated: c.customers_updated,
    engagementsInserted: c.engagements_inserted,
    engagementsUpdated: c.engagements_updated,
    snapshotsInserted: c.snapshots_inserted,
    snapshotsUpdated: c.snapshots_updated,
    unchanged: c.unchanged,
  }
}

/** Gives the staged rows without an id a fresh one from the table's identity sequence. */
async function assignNewIds(tx: SqlClient, staging: string, table: 'partners'): Promise<void> {
  const seq = await tx.query<{ seq: string }>(`select pg_get_serial_sequence('${table}', 'id') as seq`)
  await tx.query(
    `update ${staging} set id = nextval($1::regclass), inserted = true, changed = true where id is null`,
    [seq.rows[0].seq],
  )
}

/**
 * Runs a bulk insert into `table`; when it adds at least `share` of the table's rows, the table's
 * secondary indexes and unique constraints (not the primary key) are dropped first and rebuilt after,
 * with their own definitions read from the catalog. All inside the caller's transaction: a failure
 * (a duplicate found by the rebuilt unique constraint, say) rolls the whole import back.
 */
async function withIndexesRebuilt(
  tx: SqlClient,
  table: 'customers' | 'engagements' | 'usage_snapshots',
  inserting: number,
  rule: IndexRebuild,
  insert: () => Promise<unknown>,
): Promise<void> {
  if (rule.share <= 0 || inserting < 10_000) {
    await insert()
    return
  }
  // The table's size: counted up to the limit where there is one (bounded work), else estimated.
  const size =
    rule.maxExistingRows === null
      ? await tx.query<{ n: number }>(
          `select greatest(reltuples, 0)::float8 as n from pg_class where oid = '${table}'::regclass`,
        )
      : await tx.query<{ n: number }>(
          `select count(*)::float8 as n from (select 1 from ${table} limit ${rule.maxExistingRows + 1}) x`,
        )
  const existing = Number(size.rows[0]?.n ?? 0)
  if (
    (rule.maxExistingRows !== null && existing > rule.maxExistingRows) ||
    inserting < rule.share * (existing + inserting)
  ) {
    await insert()
    return
  }
  // The primary key stays (measured: rebuilding it costs what keeping it does).
  await withSecondaryIndexesRebuilt(tx, table, insert)
}
