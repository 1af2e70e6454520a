import { rmSync } from 'node:fs'
import { testDbKind } from './db'
import { buildPgliteTemplate, templatePath } from './pglite-template'

/** Vitest global setup: one migrated PGlite template per run (see pglite-template.ts). */
export async function setup() {
  if (testDbKind !== 'pglite') return
  process.env.TRELLIS_PGLITE_TEMPLATE = await buildPgliteTemplate()
}

export function teardown() {
  rmSync(templatePath, { force: true })
}
