#!/usr/bin/env node
// The `trellis` command: runs the TypeScript CLI (src/cli/main.ts) in this process through tsx.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')
