import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { type Spawned, spawnTs, waitFor } from '#test/helpers/spawn'

/** `npm start` as a newcomer runs it: the real server process on an embedded PGlite data folder. */
const dirs: string[] = []
const procs: Spawned[] = []
afterAll(() => {
  for (const p of procs) p.child.kill('SIGTERM')
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

function startServer(dataDir: string, extra: Record<string, string> = {}) {
  const p = spawnTs('src/server/main.ts', [], {
    PORT: '0',
    HOST: '127.0.0.1',
    TRELLIS_DATA_DIR: dataDir,
    DATABASE_URL: '',
    ...extra,
  })
  procs.push(p)
  return p
}
const urlOf = (p: Spawned) => /running at (http:\/\/\S+)/.exec(p.output())?.[1]

describe('first start', () => {
  it('creates the schema, seeds the demo region, prints the URL and logins; a second process is refused', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'trellis-start-'))
    dirs.push(parent)
    const dir = join(parent, 'not', 'yet', 'there')
    const server = startServer(dir)
    await waitFor(() => urlOf(server) !== undefined || server.child.exitCode !== null, 'server start', 90_000)
    const url = urlOf(server)!
    expect(server.output()).toContain('admin@trellis.example')
    expect(server.output()).toContain('password: trellis-demo')

    const health = await (await fetch(`${url}/api/health`)).json()
    expect(health).toMatchObject({ status: 'ok', database: 'pglite' })
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'fpm@trellis.example', password: 'trellis-demo' }),
    })
    expect(login.status).toBe(200)
    const cookie = login.headers.get('set-cookie')!.split(';')[0]
    const partners = await (await fetch(`${url}/api/partners?pageSize=100`, { headers: { cookie } })).json()
    expect(partners.total).toBeGreaterThan(3)
    expect(partners.items.every((p: { fpmName: string }) => p.fpmName === 'Farah Manager')).toBe(true)

    const second = startServer(dir)
    expect(await second.exit).toBe(1)
    expect(second.output()).toMatch(/in use by the Trellis server/)
  })

  it('TRELLIS_DEMO=0 starts empty and says how to create the first admin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trellis-start-'))
    dirs.push(dir)
    const server = startServer(dir, { TRELLIS_DEMO: '0' })
    await waitFor(() => urlOf(server) !== undefined || server.child.exitCode !== null, 'server start', 90_000)
    expect(server.output()).toMatch(
      /No users yet: open http:\/\/localhost:\d+\/setup to create the first admin/,
    )
    const setup = await (await fetch(`${urlOf(server)}/api/setup`)).json()
    expect(setup).toEqual({ needed: true })
  })

  it('refuses a bad environment with a clear message', async () => {
    const p = startServer('memory://', { PORT: 'eighty' })
    expect(await p.exit).not.toBe(0)
    expect(p.output()).toMatch(/PORT/)
  })
})
