import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '#shared/errors'
import { openTable } from '../file/read-table'
import { collectGarbage } from './gc'
import { CHUNKS_IN_FLIGHT, readInline, type WorkerInput, type WorkerMessage } from './read'

/** The worker side of readInWorker: reads and checks the file, posts chunks, waits for acks. */
const input = workerData as WorkerInput
const port = parentPort as NonNullable<typeof parentPort>
const post = (m: WorkerMessage) => port.postMessage(m)

let credits = CHUNKS_IN_FLIGHT
let waiting: (() => void) | null = null
port.on('message', (m) => {
  if (m === 'ack') {
    credits++
    waiting?.()
    waiting = null
  }
})

try {
  const table = await openTable(input.path)
  const reader = readInline(table, {
    ...input,
    scope: {
      actor: input.scope.actor,
      partners: new Map(input.scope.partners),
      regions: new Map(input.scope.regions),
      fpms: new Map(input.scope.fpms),
      workloads: new Set(input.scope.workloads),
    },
  })
  for await (const event of reader.events) {
    if (event.type === 'chunk') {
      if (credits === 0) await new Promise<void>((r) => (waiting = r))
      credits--
    }
    post(event)
    if (event.type === 'chunk') collectGarbage()
  }
  post({ type: 'done', summary: reader.summary() })
} catch (err) {
  post({
    type: 'error',
    error:
      err instanceof AppError
        ? { code: err.code, message: err.message, issues: err.issues }
        : { code: null, message: (err as Error)?.stack ?? String(err) },
  })
}
port.close()
