import * as base from './global-setup'
import { buildSeededTemplate, dropSeededTemplate } from './seeded-template'

/** End-to-end runs: the migrated template, then the seeded and scored demo every file starts from. */
export async function setup() {
  await base.setup()
  await buildSeededTemplate()
}

export async function teardown() {
  await dropSeededTemplate()
  base.teardown()
}
