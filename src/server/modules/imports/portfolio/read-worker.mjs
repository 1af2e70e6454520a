// Worker thread entry: TypeScript through tsx, then the reader (read-worker.ts).
import { register } from 'tsx/esm/api'

register()
await import('./read-worker.ts')
