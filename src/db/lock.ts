import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '#shared/errors'

/**
 * PGlite is one process: two processes writing one data folder corrupt it. Whoever opens the folder
 * (the server or a CLI command) holds `trellis.lock` with its pid; a second process is refused with a
 * message that says who holds it. A lock whose pid is gone is stale and taken over.
 */
export function acquireDataDirLock(dataDir: string, owner: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, 'trellis.lock')
  try {
    const held = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; owner: string; url?: string }
    if (held.pid !== process.pid && isAlive(held.pid)) {
      throw new AppError(
        'DATABASE_BUSY',
        `The data folder ${dataDir} is in use by ${held.owner} (pid ${held.pid}). PGlite allows one process at a time: ` +
          'stop it first, or import through the running server (web app → Import), or use a PostgreSQL server via DATABASE_URL.',
      )
    }
  } catch (err) {
    if (err instanceof AppError) throw err
  }
  writeFileSync(file, JSON.stringify({ pid: process.pid, owner, since: new Date().toISOString() }), {
    flag: 'w',
  })
  return () => {
    try {
      const held = JSON.parse(readFileSync(file, 'utf8')) as { pid: number }
      if (held.pid === process.pid) rmSync(file)
    } catch {
      /* already gone */
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
