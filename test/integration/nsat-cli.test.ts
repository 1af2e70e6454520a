import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '#db/client'
import { customers, engagements, partners, users } from '#db/schema/index'
import { ensureReferenceData } from '#server/modules/reference/service'
import { nsatImportResult } from '#shared/contracts/nsat'
import { addDays, today } from '#shared/domain/periods'
import { cliDatabase } from '#test/helpers/imports-cli'
import { tempFiles } from '#test/helpers/imports-files'

let cli: Awaited<ReturnType<typeof cliDatabase>>
const files = tempFiles()
const day = addDays(today(), -20)
beforeAll(async () => {
  cli = await cliDatabase()
  // Seeded in-process (faster than spawning `users add` and `import portfolio`); the CLI then acts as the only admin.
  const database = await openDatabase({
    databaseUrl: cli.env.DATABASE_URL || undefined,
    dataDir: cli.env.TRELLIS_DATA_DIR,
    owner: 'the nsat CLI test',
  })
  try {
    await ensureReferenceData(database)
    await database.db
      .insert(users)
      .values({ email: 'root@example.com', displayName: 'Root', role: 'admin', passwordHash: 'unused' })
    const [p] = await database.db
      .insert(partners)
      .values({ programId: 'N1', name: 'Nsat Partner' })
      .returning()
    const [c] = await database.db
      .insert(customers)
      .values({ tpid: '4001', name: 'Nsat Customer', primaryPartnerId: p!.id })
      .returning()
    await database.db.insert(engagements).values({ partnerId: p!.id, customerId: c!.id, workloadCode: 'EXO' })
  } finally {
    await database.close()
  }
})
afterAll(async () => {
  await cli.cleanup()
  files.cleanup()
})

const good = files.write(
  [
    'Partner ID,TPID,Respondent,Date,Answer,Source',
    `N1,,Ann,${day},Very satisfied,partner`,
    `N1,4001,Bob,${day},5,customer`,
    `N1,4001,Cy,${day},N/A,customer`,
  ].join('\n'),
)

describe('trellis import nsat', () => {
  it('checks with --dry-run and prints one JSON result (exit 0)', async () => {
    const dry = await cli.run(['import', 'nsat', good, '--dry-run', '--json'])
    expect(dry.stderr).toBe('')
    expect(dry.code).toBe(0)
    expect(nsatImportResult.parse(JSON.parse(dry.stdout))).toMatchObject({
      dryRun: true,
      rows: 3,
      inserted: 3,
    })
  })

  it('lists bad rows with row, column and why, and exits 2', async () => {
    const bad = files.write(`Partner ID,Respondent,Date,Answer\nN1,Dan,${day},7\nX9,Eve,${day},4\n`)
    const r = await cli.run(['import', 'nsat', bad])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/2 problems in the file; nothing was imported/)
    expect(r.stderr).toMatch(/row 2, Answer: "7" → Not an answer/)
    expect(r.stderr).toMatch(/row 3, Partner ID: "X9" → No partner you can edit has this Partner ID/)
  })
})
