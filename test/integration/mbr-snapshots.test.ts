import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, execRows } from '#db/client'
import { customers, engagements, partners, usageSnapshots } from '#db/schema/index'
import { snapshotsOfPeriod } from '#server/modules/analytics/health/repository'
import { mbrRepository } from '#server/modules/reports/mbr/repository'
import { createTestDatabase } from '#test/helpers/db'

/**
 * The MBR rows' snapshots come from one range scan over the month and the month before, and from
 * snapshotsOfPeriod for the rows that scan cannot settle: both must give what snapshotsOfPeriod (the
 * month's score) gives, on every shape of history.
 */
const PERIOD_END = '2026-03-31'
const CUTOFF = new Date('2026-04-01T00:00:00Z')

type Snap = [asOf: string, licensed: number, active: number, source?: string]
/** Customer name → its EXO snapshots, and the row the pack must show. */
const cases: Record<string, { snaps: Snap[]; expected: [string | null, ...(number | null)[]] }> = {
  'A monthly feed': {
    snaps: [
      ['2026-01-31', 70, 5],
      ['2026-02-28', 80, 10],
      ['2026-03-31', 100, 20],
    ],
    expected: ['2026-03-31', 100, 20, 80, 10],
  },
  'B graph_csv wins on the same date, in both months': {
    snaps: [
      ['2026-02-10', 80, 10, 'portfolio'],
      ['2026-02-10', 80, 12, 'graph_csv'],
      ['2026-03-10', 100, 20, 'portfolio'],
      ['2026-03-10', 100, 30, 'graph_csv'],
      ['2026-03-10', 100, 25, 'manual'],
    ],
    expected: ['2026-03-10', 100, 30, 80, 12],
  },
  'C then the source in descending order': {
    snaps: [
      ['2026-02-10', 80, 11, 'manual'],
      ['2026-02-10', 80, 12, 'portfolio'],
      ['2026-03-10', 100, 21, 'manual'],
      ['2026-03-10', 100, 22, 'portfolio'],
    ],
    expected: ['2026-03-10', 100, 22, 80, 12],
  },
  'D two snapshots in the month: the newest, compared with the month before': {
    snaps: [
      ['2026-02-20', 90, 9],
      ['2026-03-05', 100, 40],
      ['2026-03-25', 100, 50],
    ],
    expected: ['2026-03-25', 100, 50, 90, 9],
  },
  'E nothing in the month before: compared with the newest older one': {
    snaps: [
      ['2025-11-30', 60, 6],
      ['2025-12-31', 70, 7],
      ['2026-03-31', 100, 20],
    ],
    expected: ['2026-03-31', 100, 20, 70, 7],
  },
  'F nothing in the month: the newest older one, compared with a month before it': {
    snaps: [
      ['2025-12-05', 60, 6],
      ['2025-12-31', 65, 8],
      ['2026-01-15', 70, 7],
      ['2026-02-03', 75, 9],
    ],
    expected: ['2026-02-03', 75, 9, 70, 7],
  },
  'G stale: nothing in the month nor the one before': {
    snaps: [
      ['2025-10-31', 50, 5],
      ['2025-11-30', 60, 6],
    ],
    expected: ['2025-11-30', 60, 6, 50, 5],
  },
  'H first month': { snaps: [['2026-03-02', 100, 1]], expected: ['2026-03-02', 100, 1, null, null] },
  'I only after the month end': { snaps: [['2026-04-02', 100, 1]], expected: [null, null, null, null, null] },
  'J no snapshot': { snaps: [], expected: [null, null, null, null, null] },
}

let database: Database
let partnerId = 0

beforeAll(async () => {
  database = await createTestDatabase()
  const { db } = database
  const [partner] = await db
    .insert(partners)
    .values({ programId: 'SNAP1', name: 'Snapshot Partner', status: 'active' })
    .returning()
  partnerId = partner!.id
  for (const [i, [name, { snaps }]] of Object.entries(cases).entries()) {
    const [c] = await db
      .insert(customers)
      .values({ tpid: `${9000 + i}`, name })
      .returning()
    await db.insert(engagements).values({ partnerId, customerId: c!.id, workloadCode: 'EXO' })
    if (snaps.length)
      await db.insert(usageSnapshots).values(
        snaps.map(([asOf, licensedUsers, activeUsers, source = 'portfolio']) => ({
          customerId: c!.id,
          workloadCode: 'EXO',
          asOf,
          licensedUsers,
          activeUsers,
          source,
        })),
      )
  }
})
afterAll(() => database.close())

describe('the snapshots of an MBR pack’s rows', () => {
  it('are the month’s newest and the newest of an earlier month, on every shape of history', async () => {
    const rows = await mbrRepository(database.db).engagements(partnerId, PERIOD_END, CUTOFF)
    expect(rows.map((r) => r.customerName)).toEqual(Object.keys(cases))
    for (const r of rows)
      expect([r.asOf, r.licensed, r.active, r.previousLicensed, r.previousActive], r.customerName).toEqual(
        cases[r.customerName]!.expected,
      )
  })

  it('are what snapshotsOfPeriod (the month’s score) gives', async () => {
    const rows = await mbrRepository(database.db).engagements(partnerId, PERIOD_END, CUTOFF)
    const reference = await execRows<Record<string, unknown>>(
      database.db,
      sql`select c.name as "customerName", l.as_of::text as "asOf", l.licensed_users as licensed,
                 l.active_users as active, p.licensed_users as "previousLicensed", p.active_users as "previousActive"
          from engagements e join customers c on c.id = e.customer_id
          ${snapshotsOfPeriod(PERIOD_END)}
          where e.partner_id = ${partnerId} order by c.name`,
    )
    expect(
      rows.map(({ customerName, asOf, licensed, active, previousLicensed, previousActive }) => ({
        customerName,
        asOf,
        licensed,
        active,
        previousLicensed,
        previousActive,
      })),
    ).toEqual(reference)
  })
})
