import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '#db/client'
import { actionItems, digestDeliveries, partners, users } from '#db/schema/index'
import { addDays, today } from '#shared/domain/periods'
import { cliDatabase } from '#test/helpers/imports-cli'
import { startSmtpServer } from '#test/helpers/mail'

let cli: Awaited<ReturnType<typeof cliDatabase>>
let smtp: Awaited<ReturnType<typeof startSmtpServer>>

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>) {
  const database = await openDatabase({
    dataDir: cli.env.TRELLIS_DATA_DIR,
    databaseUrl: cli.env.DATABASE_URL || undefined,
    owner: 'the digest CLI test',
  })
  try {
    return await fn(database.db)
  } finally {
    await database.close()
  }
}

beforeAll(async () => {
  cli = await cliDatabase()
  smtp = await startSmtpServer()
  await withDb(async (db) => {
    const [owner] = await db
      .insert(users)
      .values({ email: 'root@example.com', displayName: 'Root', role: 'admin', passwordHash: 'x' })
      .returning()
    const [p] = await db.insert(partners).values({ programId: 'DG1', name: 'Digest Partner' }).returning()
    await db.insert(actionItems).values({
      partnerId: p!.id,
      title: 'Send the renewal quote',
      ownerUserId: owner!.id,
      dueOn: addDays(today(), -3),
      createdBy: owner!.id,
    })
  })
})
afterAll(async () => {
  await cli.cleanup()
  await smtp.close()
})

describe('trellis digest send', () => {
  it('without SMTP_URL: a clear error and exit 2', async () => {
    const r = await cli.run(['digest', 'send'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/E-mail is not configured: set SMTP_URL/)
  })

  it('--dry-run prints who would get what and sends and records nothing', async () => {
    const r = await cli.run(['digest', 'send', '--dry-run', '--json'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.dryRun).toBe(true)
    expect(out.outcomes).toEqual([
      expect.objectContaining({
        email: 'root@example.com',
        status: 'would-send',
        counts: expect.objectContaining({ overdue: 1, breached: 0 }),
        subject: expect.stringMatching(/: 1 overdue action$/),
      }),
    ])
    expect(smtp.messages).toEqual([])
  })

  it('sends through SMTP and records the delivery (the once-a-day rule is in digest.test.ts)', async () => {
    cli.env.SMTP_URL = smtp.url
    cli.env.MAIL_FROM = 'trellis@example.com'
    const sent = await cli.run(['digest', 'send'])
    expect(sent.stderr).toBe('')
    expect(sent.code).toBe(0)
    expect(sent.stdout).toMatch(/root@example.com: sent — Trellis — .*: 1 overdue action/)
    expect(sent.stdout).toMatch(/1 digest sent/)
    expect(smtp.messages.map((m) => m.to)).toEqual([['root@example.com']])
    expect(smtp.messages[0]!.text).toContain('Send the renewal quote')
    const rows = await withDb((db) => db.select().from(digestDeliveries))
    expect(rows.map((r) => [r.status, r.messageId])).toEqual([
      ['sent', smtp.messages[0]!.headers['message-id']],
    ])
  })
})
