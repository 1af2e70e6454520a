import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '#db/client'
import { m365ImportResult, portfolioImportResult } from '#shared/contracts/imports'
import { cliDatabase } from '#test/helpers/imports-cli'
import { tempFiles } from '#test/helpers/imports-files'
import { expectedCounts, SAMPLE } from '#test/helpers/imports-m365'

let cli: Awaited<ReturnType<typeof cliDatabase>>
const files = tempFiles()
beforeAll(async () => {
  cli = await cliDatabase()
})
afterAll(async () => {
  await cli.cleanup()
  files.cleanup()
})

const good = files.write(
  [
    'Partner ID;Partner Name;TPID;Customer Name;Workload;Licensed Users;Active Users',
    'C1;Cli Partner;3001;Cli Customer;Exchange;1.000;250',
    'C1;Cli Partner;3001;Cli Customer;Teams;900;300',
  ].join('\r\n'),
)
const bad = files.write(
  'Partner ID,Partner Name,TPID,Customer Name,Workload\nC2,P,3002,C,Exchnage\nC2,P,3002,C,EXO\n',
)
const unusable = files.write('Name,Value\na,1\n')

describe('trellis CLI', () => {
  it('explains itself with --help (exit 0)', async () => {
    const r = await cli.run(['import', 'portfolio', '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Usage: trellis import portfolio \[options\] <file>/)
    expect(r.stdout).toMatch(/--skip-invalid/)
  })

  it('needs a user to act as; users add creates the first admin', async () => {
    const none = await cli.run(['import', 'portfolio', good])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(
      /There is no admin user yet.*\n.*npx trellis users add --email you@example.com/,
    )

    const add = await cli.run([
      'users',
      'add',
      '--email',
      'Root@Example.com',
      '--name',
      'Root',
      '--role',
      'admin',
      '--json',
    ])
    expect(add.code).toBe(0)
    const created = JSON.parse(add.stdout)
    expect(created.user).toMatchObject({ email: 'root@example.com', role: 'admin' })
    expect(created.password).toMatch(/^[\w-]{16}$/)

    const again = await cli.run([
      'users',
      'add',
      '--email',
      'root@example.com',
      '--name',
      'Root',
      '--role',
      'admin',
    ])
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/already exists/)
  })

  it('imports (exit 0); --json prints one result object and nothing else', async () => {
    const first = await cli.run(['import', 'portfolio', good, '--as-of', '2026-09-30', '--json'])
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    const result = portfolioImportResult.parse(JSON.parse(first.stdout))
    expect(result).toMatchObject({
      imported: { partners: 1, customers: 1, workloads: 2, snapshots: 2 },
      rows: 2,
      asOf: '2026-09-30',
    })
  })

  it('lists invalid rows and exits 1 (nothing imported)', async () => {
    const human = await cli.run(['import', 'portfolio', bad])
    expect(human.code).toBe(1)
    expect(human.stdout).toMatch(/✖ 1 of 2 rows have problems/)
    expect(human.stdout).toMatch(/2\s+Workload\s+"Exchnage" → Not a known workload/)
    const json = await cli.run(['import', 'portfolio', bad, '--json', '--dry-run'])
    expect(json.code).toBe(1)
    expect(portfolioImportResult.parse(JSON.parse(json.stdout)).errors).toEqual([
      {
        row: 2,
        column: 'Workload',
        value: 'Exchnage',
        message: expect.stringMatching(/^Not a known workload/),
      },
    ])
  })

  it('exits 2 on an unusable file or wrong arguments, with the reason', async () => {
    const file = await cli.run(['import', 'portfolio', unusable])
    expect(file.code).toBe(2)
    expect(file.stderr).toMatch(
      /The file has no column for: Partner ID, Partner name, Customer TPID, Customer name, Workload\. Columns found: "Name", "Value"/,
    )
    // Checked before the database is opened: quick.
    const missing = await cli.run(['import', 'portfolio', join(cli.dir, 'nope.csv'), '--json'])
    expect(missing.code).toBe(2)
    expect(JSON.parse(missing.stdout)).toEqual({
      error: { code: 'VALIDATION', message: `There is no file ${join(cli.dir, 'nope.csv')}` },
    })
    for (const args of [
      ['import', 'portfolio', good, '--as-of', '30/09/2026'],
      ['import', 'portfolio'],
      ['import', 'portfolio', good, '--bogus'],
    ]) {
      const r = await cli.run(args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).not.toBe('')
    }
  })

  it('imports the Microsoft 365 sample for a customer', async () => {
    const r = await cli.run(['import', 'm365-active-users', SAMPLE, '--customer', '3001', '--json'])
    expect(r.code).toBe(0)
    expect(m365ImportResult.parse(JSON.parse(r.stdout)).workloads).toEqual(
      expectedCounts(readFileSync(SAMPLE, 'utf8')),
    )
  })

  // The lock is PGlite's: on either suite run, point the CLI at a PGlite folder that a "server" holds.
  it('refuses a PGlite folder held by a running server (exit 2)', async () => {
    const databaseUrl = cli.env.DATABASE_URL
    cli.env.DATABASE_URL = ''
    const server = await openDatabase({
      dataDir: cli.env.TRELLIS_DATA_DIR,
      owner: 'the Trellis server on port 8080',
    })
    try {
      const r = await cli.run(['import', 'portfolio', good])
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/is in use by the Trellis server on port 8080 \(pid \d+\)/)
    } finally {
      await server.close()
      cli.env.DATABASE_URL = databaseUrl
    }
  })
})
