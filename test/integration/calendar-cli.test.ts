import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '#db/client'
import { meetingOccurrences, meetingSeries, partners } from '#db/schema/index'
import { cliDatabase } from '#test/helpers/imports-cli'

let cli: Awaited<ReturnType<typeof cliDatabase>>
beforeAll(async () => {
  cli = await cliDatabase()
})
afterAll(async () => cli.cleanup())

describe('trellis calendar export', () => {
  it('an unknown user exits 2', async () => {
    await cli.run(['users', 'add', '--email', 'root@example.com', '--name', 'Root', '--role', 'admin'])
    const r = await cli.run(['calendar', 'export', '--user', 'nobody@example.com', '--out', 'x.ics'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/User not found/)
  })

  it("writes the user's series as .ics: New York times in UTC across the US change, a cancelled one left out", async () => {
    const database = await openDatabase({
      dataDir: cli.env.TRELLIS_DATA_DIR,
      databaseUrl: cli.env.DATABASE_URL || undefined,
      owner: 'the calendar CLI test',
    })
    try {
      const { db } = database
      const [owner] = await db.query.users.findMany({ where: (u, { eq }) => eq(u.email, 'root@example.com') })
      const [p] = await db
        .insert(partners)
        .values({ programId: 'CAL1', name: 'Calendar Partner' })
        .returning()
      const [s] = await db
        .insert(meetingSeries)
        .values({
          partnerId: p!.id,
          kind: 'rob',
          title: 'NY ROB',
          rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=4',
          startLocal: '2026-10-26T10:00',
          timeZone: 'America/New_York',
          durationMinutes: 30,
          ownerUserId: owner!.id,
        })
        .returning()
      await db
        .insert(meetingOccurrences)
        .values({ seriesId: s!.id, originalStart: new Date('2026-11-09T15:00:00Z'), status: 'cancelled' })
    } finally {
      await database.close()
    }
    const r = await cli.run([
      'calendar',
      'export',
      '--user',
      'root@example.com',
      '--out',
      'root.ics',
      '--json',
    ])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).events).toBe(1)
    const text = readFileSync(join(cli.dir, 'root.ics'), 'utf8')
    const cal = new ICAL.Component(ICAL.parse(text))
    for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz)
    const event = new ICAL.Event(cal.getFirstSubcomponent('vevent')!)
    const it = event.iterator()
    const got: string[] = []
    for (let n = it.next(); n; n = it.next()) got.push(n.toJSDate().toISOString())
    // 10:00 EDT (UTC-4) on 26 Oct; 10:00 EST (UTC-5) after 1 Nov; 9 Nov cancelled.
    expect(got).toEqual(['2026-10-26T14:00:00.000Z', '2026-11-02T15:00:00.000Z', '2026-11-16T15:00:00.000Z'])
  })
})
