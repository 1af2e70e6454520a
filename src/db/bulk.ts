import type { SqlClient } from './client'

/**
 * Bulk writes shared by the importer and the synthetic-data seed. (COPY itself is `SqlClient.copyCsv`
 * in client.ts: PGlite's `/dev/blob` or pg-copy-streams.)
 */

/** A text field of a COPY … (FORMAT csv) line: quoted only when it must be ('' stays an empty string, not NULL). */
export function csvText(v: string): string {
  return /[",\r\n]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v
}

/**
 * A field of a COPY … (FORMAT text) line: backslash, tab, newline and carriage return escaped (checked first:
 * most values have none, and four `includes` cost less than a regex test, itself far less than a replace);
 * null is \N.
 */
export function copyText(v: string | null): string {
  if (v === null) return '\\N'
  return v.includes('\\') || v.includes('\t') || v.includes('\n') || v.includes('\r')
    ? v.replace(/[\\\t\n\r]/g, (c) => TEXT_ESCAPES[c]!)
    : v
}
const TEXT_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }

/**
 * Runs `insert` with `table`'s secondary indexes and unique constraints dropped, then rebuilds them
 * (dropSecondaryIndexes). Building an index once costs far less than maintaining it row by row.
 */
export async function withSecondaryIndexesRebuilt<T>(
  tx: SqlClient,
  table: string,
  insert: () => Promise<T>,
): Promise<T> {
  const rebuild = await dropSecondaryIndexes(tx, table)
  const result = await insert()
  await rebuild()
  return result
}

/**
 * Drops `table`'s secondary indexes and unique constraints (not the primary key, nor anything another
 * table's foreign key depends on) and returns what rebuilds them with their own definitions, read from
 * the catalog. Inside the caller's transaction: dropping an index locks the table until the commit, and
 * a failure (a duplicate found by a rebuilt unique constraint, say) rolls everything back.
 */
export async function dropSecondaryIndexes(tx: SqlClient, table: string): Promise<() => Promise<void>> {
  const constraints = await tx.query<{ name: string; def: string }>(
    `select c.conname as name, pg_get_constraintdef(c.oid) as def from pg_constraint c
     where c.conrelid = '${table}'::regclass and c.contype = 'u'
       and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid)`,
  )
  const indexes = await tx.query<{ name: string; def: string }>(
    `select ic.relname as name, pg_get_indexdef(i.indexrelid) as def from pg_index i join pg_class ic on ic.oid = i.indexrelid
     where i.indrelid = '${table}'::regclass and not i.indisprimary
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
  )
  for (const c of constraints.rows) await tx.query(`alter table ${table} drop constraint "${c.name}"`)
  for (const i of indexes.rows) await tx.query(`drop index "${i.name}"`)
  return async () => {
    for (const c of constraints.rows)
      await tx.query(`alter table ${table} add constraint "${c.name}" ${c.def}`)
    for (const i of indexes.rows) await tx.query(i.def)
  }
}

/** Bumps the global data version (decision 019): every cache of partner facts is stale after this commits. */
export const bumpAllDataVersions = (tx: SqlClient) =>
  tx.query(
    `insert into data_versions (partner_id, version) values (0, 1)
     on conflict (partner_id) do update set version = data_versions.version + 1`,
  )

/**
 * Skips the per-row foreign-key triggers for the rest of the caller's transaction when the connection
 * is a superuser's (always so on PGlite); otherwise the checks run as usual. Only for writes that
 * derive every foreign key from rows they have just matched or inserted. Returns whether it did.
 * The data-version triggers are skipped with them, so the global version is bumped here instead.
 */
export async function skipForeignKeyTriggers(tx: SqlClient): Promise<boolean> {
  const su = await tx.query<{ su: boolean }>(`select current_setting('is_superuser') = 'on' as su`)
  if (!su.rows[0]?.su) return false
  await tx.query(`set local session_replication_role = replica`)
  await bumpAllDataVersions(tx)
  return true
}
