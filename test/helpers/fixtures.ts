import type { Database } from '#db/client'
import {
  customers,
  engagements,
  partnerSmes,
  partners,
  regions,
  stakeholders,
  usageSnapshots,
  users,
} from '#db/schema/index'
import { hashPassword } from '#server/modules/auth/password'
import type { Role } from '#shared/domain/roles'

export const TEST_PASSWORD = 'correct-horse-battery'

/** `buildX(overrides)`-style values for request bodies. */
export const buildPartnerBody = (overrides: Record<string, unknown> = {}) => ({
  programId: `T${Math.floor(Math.random() * 1e9)}`,
  name: 'Test Partner',
  ...overrides,
})

export type AccessFixture = Awaited<ReturnType<typeof seedAccessFixture>>

/**
 * Two regions, a user of every role, and three partners with a customer each:
 * - partnerA1: region A, fpmA1, helped by smeA
 * - partnerA2: region A, fpmA2
 * - partnerB1: region B, fpmB1
 */
export async function seedAccessFixture(database: Database) {
  const { db } = database
  const [regionA, regionB] = await db
    .insert(regions)
    .values([{ name: 'Region A' }, { name: 'Region B' }])
    .returning()
  const passwordHash = await hashPassword(TEST_PASSWORD)
  const people: [string, Role, number | null][] = [
    ['admin', 'admin', null],
    ['leadA', 'lead', regionA.id],
    ['leadB', 'lead', regionB.id],
    ['fpmA1', 'fpm', regionA.id],
    ['fpmA2', 'fpm', regionA.id],
    ['fpmB1', 'fpm', regionB.id],
    ['smeA', 'sme', regionA.id],
    ['viewer', 'viewer', null],
    ['viewerB', 'viewer', regionB.id],
  ]
  const inserted = await db
    .insert(users)
    .values(
      people.map(([key, role, regionId]) => ({
        email: `${key.toLowerCase()}@test.example`,
        displayName: key,
        role,
        regionId,
        passwordHash,
      })),
    )
    .returning()
  const u = Object.fromEntries(people.map(([key], i) => [key, inserted[i]])) as Record<
    'admin' | 'leadA' | 'leadB' | 'fpmA1' | 'fpmA2' | 'fpmB1' | 'smeA' | 'viewer' | 'viewerB',
    (typeof inserted)[number]
  >
  const [partnerA1, partnerA2, partnerB1] = await db
    .insert(partners)
    .values([
      { programId: 'PA1', name: 'Alpha One', regionId: regionA.id, fpmUserId: u.fpmA1.id, status: 'active' },
      {
        programId: 'PA2',
        name: 'Alpha Two',
        regionId: regionA.id,
        fpmUserId: u.fpmA2.id,
        status: 'onboarding',
      },
      { programId: 'PB1', name: 'Beta One', regionId: regionB.id, fpmUserId: u.fpmB1.id, status: 'active' },
    ])
    .returning()
  await db.insert(partnerSmes).values({ partnerId: partnerA1.id, userId: u.smeA.id })
  const [customerA1, customerA2, customerB1] = await db
    .insert(customers)
    .values([
      { tpid: '1001', name: 'Customer A1', seats: 500, primaryPartnerId: partnerA1.id },
      { tpid: '1002', name: 'Customer A2', seats: 90, primaryPartnerId: partnerA2.id },
      { tpid: '2001', name: 'Customer B1', seats: 2000, primaryPartnerId: partnerB1.id },
    ])
    .returning()
  const [engagementA1, engagementA2, engagementB1] = await db
    .insert(engagements)
    .values([
      {
        partnerId: partnerA1.id,
        customerId: customerA1.id,
        workloadCode: 'EXO',
        intentStatus: 'in_progress',
        phase: 'enable',
      },
      { partnerId: partnerA2.id, customerId: customerA2.id, workloadCode: 'TEAMS' },
      { partnerId: partnerB1.id, customerId: customerB1.id, workloadCode: 'SPO' },
    ])
    .returning()
  await db.insert(usageSnapshots).values([
    {
      customerId: customerA1.id,
      workloadCode: 'EXO',
      asOf: '2026-09-30',
      licensedUsers: 400,
      activeUsers: 100,
      source: 'portfolio',
    },
    {
      customerId: customerA1.id,
      workloadCode: 'EXO',
      asOf: '2026-10-31',
      licensedUsers: 400,
      activeUsers: 160,
      source: 'portfolio',
    },
  ])
  const [stakeholderA1, stakeholderB1] = await db
    .insert(stakeholders)
    .values([
      { partnerId: partnerA1.id, side: 'partner', role: 'sponsor', name: 'Sponsor A1' },
      { partnerId: partnerB1.id, side: 'partner', role: 'sponsor', name: 'Sponsor B1' },
    ])
    .returning()
  return {
    regionA,
    regionB,
    users: u,
    partnerA1,
    partnerA2,
    partnerB1,
    customerA1,
    customerA2,
    customerB1,
    engagementA1,
    engagementA2,
    engagementB1,
    stakeholderA1,
    stakeholderB1,
  }
}
