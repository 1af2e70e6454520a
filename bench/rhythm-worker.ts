/**
 * A worker of `bench/rhythm.ts`: renders MBR packs (gathered by the main thread, which holds the database)
 * into the deck and its appendix and writes both files, so rendering runs on every core.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parentPort } from 'node:worker_threads'
import { buildMbrAppendix } from '#server/modules/reports/mbr/appendix'
import type { MbrPack } from '#server/modules/reports/mbr/data'
import { buildMbrDeck } from '#server/modules/reports/mbr/deck'

type Job = { id: number; pack: MbrPack; dir: string }

parentPort!.on('message', async (job: Job) => {
  try {
    const [deck, appendix] = await Promise.all([buildMbrDeck(job.pack), buildMbrAppendix(job.pack)])
    const base = join(job.dir, `mbr-${job.pack.partner.programId}-${job.pack.month}`)
    await Promise.all([writeFile(`${base}.pptx`, deck), writeFile(`${base}.xlsx`, appendix)])
    parentPort!.postMessage({ id: job.id, bytes: deck.length + appendix.length })
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: String(err) })
  }
})
