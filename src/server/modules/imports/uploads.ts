import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/** Uploaded files wait here between preview and commit. */
export const uploadDir = join(tmpdir(), 'trellis-imports')
/** Uploads never committed are removed after this long. */
const MAX_AGE_MS = 24 * 60 * 60 * 1000

export type StoredUpload = { path: string; fileName: string; bytes: number }

/** Streams an upload to a file of its own (never held in memory). */
export async function storeUpload(stream: Readable, fileName: string): Promise<StoredUpload> {
  await mkdir(uploadDir, { recursive: true })
  void sweepOldUploads()
  const safe =
    basename(fileName)
      .replace(/[^\w.-]+/g, '_')
      .slice(-80) || 'upload'
  const path = join(uploadDir, `${Date.now()}-${randomBytes(6).toString('hex')}-${safe}`)
  let bytes = 0
  stream.on('data', (chunk: Buffer) => {
    bytes += chunk.length
  })
  try {
    await pipeline(stream, createWriteStream(path))
  } catch (err) {
    await removeUpload(path)
    throw err
  }
  return { path, fileName: basename(fileName) || 'upload', bytes }
}

export async function removeUpload(path: string | null | undefined): Promise<void> {
  if (path) await rm(path, { force: true }).catch(() => {})
}

async function sweepOldUploads(): Promise<void> {
  try {
    const now = Date.now()
    for (const name of await readdir(uploadDir)) {
      const path = join(uploadDir, name)
      const s = await stat(path).catch(() => null)
      if (s && now - s.mtimeMs > MAX_AGE_MS) await removeUpload(path)
    }
  } catch {
    /* best effort */
  }
}
