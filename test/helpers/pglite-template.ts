import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '#db/client'
import { ensureReferenceData } from '#server/modules/reference/service'

/**
 * Starting PGlite and migrating costs ~5 s; loading a dump of a migrated database costs ~0.7 s.
 * Vitest's global setup builds that dump once per run; each test file's database starts from it.
 */
export const templatePath = join(tmpdir(), `trellis-pglite-template-${process.pid}.tar`)

export async function buildPgliteTemplate(path = templatePath): Promise<string> {
  const database = await openDatabase({ dataDir: 'memory://', owner: 'test template' })
  await ensureReferenceData(database)
  await database.sql.query('CHECKPOINT')
  const dump = await database.pglite!.dumpDataDir('none')
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()))
  await database.close()
  return path
}

export function loadPgliteTemplate(): Blob | undefined {
  const path = process.env.TRELLIS_PGLITE_TEMPLATE
  return path && existsSync(path) ? new Blob([readFileSync(path)]) : undefined
}
