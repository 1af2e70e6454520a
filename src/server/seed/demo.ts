import { count, inArray, sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import {
  customers,
  engagements,
  partnerEndorsements,
  partnerSmes,
  partners,
  regions,
  stakeholders,
  usageSnapshots,
  users,
} from '#db/schema/index'
import { hashPassword } from '#server/modules/auth/password'
import type { Role } from '#shared/domain/roles'
import { writeDemoNsat } from './demo-nsat'
import { writeDemoRhythm } from './demo-rhythm'
import { writeDemoTasks } from './demo-tasks'
import { writeDemoVoice } from './demo-voice'
import { generatePortfolio, personName } from './generator'
import { createRandom } from './random'

export const DEMO_PASSWORD = 'trellis-demo'
export const DEMO_REGIONS = ['EMEA West', 'EMEA Central'] as const
/** The seed of the data `npm start` loads (and `trellis seed --size demo --seed 1`). */
export const DEMO_SEED = 42

type DemoLogin = { role: Role; email: string; name: string; region: number | null }
export const demoLogins: DemoLogin[] = [
  { role: 'admin', email: 'admin@trellis.example', name: 'Alex Admin', region: null },
  { role: 'lead', email: 'lead@trellis.example', name: 'Lena Lead', region: 0 },
  { role: 'fpm', email: 'fpm@trellis.example', name: 'Farah Manager', region: 0 },
  { role: 'fpm', email: 'fpm2@trellis.example', name: 'Felix Manager', region: 0 },
  { role: 'fpm', email: 'fpm3@trellis.example', name: 'Fiona Manager', region: 1 },
  { role: 'sme', email: 'sme@trellis.example', name: 'Sam Expert', region: 0 },
  { role: 'viewer', email: 'viewer@trellis.example', name: 'Vic Viewer', region: null },
]

/** The demo data, generated without writing: the portfolio and each partner's stakeholders. */
export function planDemo(seed: number, today: Date) {
  const r = createRandom(seed)
  const data = generatePortfolio(
    seed,
    { partners: 24, customersPerPartner: [6, 14], months: 13 },
    DEMO_REGIONS.length,
    2,
    today,
  )
  // A few customers whose usage feed lapsed two months ago, so data compliance has usage to fix (decision 015).
  const lapsed = data.dates.slice(-2)
  data.snapshots = data.snapshots.filter(
    (snap) => !(snap.customerIndex % 23 === 7 && lapsed.includes(snap.asOf)),
  )
  const people = data.partners.flatMap((partner, i) => {
    const roles = [
      ['partner', 'sponsor'],
      ['partner', 'delivery_lead'],
      ['partner', 'program_admin'],
      ['microsoft', 'atu'],
      ['microsoft', 'csu'],
    ].filter((_, k) => k === 2 || r.chance(i % 5 === 0 ? 0.3 : 0.85))
    return roles.map(([side, role]) => {
      const name = personName(r)
      const domain =
        side === 'microsoft'
          ? 'microsoft.example'
          : `${partner.name.toLowerCase().replace(/[^a-z]+/g, '')}.example`
      return {
        partnerIndex: i,
        side,
        role,
        name,
        email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${domain}`,
      }
    })
  })
  return { data, people }
}

async function chunked<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size))
}

/** Loads the demo region when the database has no users. Deterministic: same data every time. */
export async function seedDemoIfEmpty(database: Database, today = new Date()) {
  const [{ n }] = await database.db.select({ n: count() }).from(users)
  if (n > 0) return null
  return writeDemo(database, { seed: DEMO_SEED, today })
}

/**
 * Writes the demo portfolio and logins (regions are reused when they exist). The caller makes sure
 * the portfolio is empty and the demo e-mails are free.
 */
export async function writeDemo(database: Database, opts: { seed: number; today: Date }) {
  const { db } = database
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const { data, people: demoPeople } = planDemo(opts.seed, opts.today)

  return db.transaction(async (tx) => {
    await tx
      .insert(regions)
      .values(DEMO_REGIONS.map((name) => ({ name })))
      .onConflictDoNothing()
    const existing = await tx
      .select({ id: regions.id, name: regions.name })
      .from(regions)
      .where(inArray(regions.name, [...DEMO_REGIONS]))
    const regionRows = DEMO_REGIONS.map((name) => existing.find((x) => x.name === name)!)
    const userRows = await tx
      .insert(users)
      .values(
        demoLogins.map((u) => ({
          email: u.email,
          displayName: u.name,
          role: u.role,
          passwordHash,
          regionId: u.region === null ? null : regionRows[u.region].id,
        })),
      )
      .returning({ id: users.id, role: users.role, regionId: users.regionId })
    const fpmsByRegion = regionRows.map((reg) =>
      userRows.filter((u) => u.role === 'fpm' && u.regionId === reg.id),
    )
    const sme = userRows.find((u) => u.role === 'sme')!

    const partnerRows = await tx
      .insert(partners)
      .values(
        data.partners.map((p) => {
          const fpms = fpmsByRegion[p.regionIndex]
          return {
            programId: p.programId,
            name: p.name,
            status: p.status,
            program: 'frp',
            hqCountry: p.country,
            regionId: regionRows[p.regionIndex].id,
            fpmUserId: fpms[p.fpmIndex % fpms.length].id,
            referralReady: p.referralReady,
            joinedOn: p.joinedOn,
            website: `https://${p.name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
          }
        }),
      )
      .returning({ id: partners.id, fpmUserId: partners.fpmUserId })
    await tx
      .insert(partnerEndorsements)
      .values(
        data.partners.flatMap((p, i) =>
          p.endorsed.map((workloadCode) => ({ partnerId: partnerRows[i].id, workloadCode })),
        ),
      )
    await tx
      .insert(partnerSmes)
      .values(partnerRows.slice(0, 4).map((p) => ({ partnerId: p.id, userId: sme.id })))

    const people = demoPeople.map(({ partnerIndex, ...person }) => ({
      partnerId: partnerRows[partnerIndex].id,
      ...person,
    }))
    const personRows = await tx.insert(stakeholders).values(people).returning({ id: stakeholders.id })

    const customerRows: { id: number }[] = []
    await chunked(data.customers, 500, async (chunk) => {
      customerRows.push(
        ...(await tx
          .insert(customers)
          .values(
            chunk.map((c) => ({
              tpid: c.tpid,
              name: c.name,
              country: c.country,
              seats: c.seats,
              primaryPartnerId: partnerRows[c.partnerIndex].id,
            })),
          )
          .returning({ id: customers.id })),
      )
    })
    await chunked(data.engagements, 1000, (chunk) =>
      tx.insert(engagements).values(
        chunk.map((e) => ({
          partnerId: partnerRows[e.partnerIndex].id,
          customerId: customerRows[e.customerIndex].id,
          workloadCode: e.workload,
          intentStatus: e.intentStatus,
          phase: e.phase,
          claimed: e.claimed,
        })),
      ),
    )
    await chunked(data.snapshots, 2000, (chunk) =>
      tx.insert(usageSnapshots).values(
        chunk.map((s) => ({
          customerId: customerRows[s.customerIndex].id,
          workloadCode: s.workload,
          asOf: s.asOf,
          licensedUsers: s.licensed,
          activeUsers: s.active,
          source: 'portfolio',
        })),
      ),
    )
    const personOf = (i: number, role: string) => {
      const k = demoPeople.findIndex((p) => p.partnerIndex === i && p.role === role)
      return k === -1 ? null : k
    }
    const rhythm = await writeDemoRhythm(
      tx,
      opts.seed,
      opts.today,
      data.partners.map((p, i) => ({
        status: p.status,
        regionIndex: p.regionIndex,
        sponsor: personOf(i, 'sponsor'),
        deliveryLead: personOf(i, 'delivery_lead'),
        customers: data.customers.flatMap((c, k) => (c.partnerIndex === i ? [k] : [])),
      })),
      {
        partners: partnerRows.map((p) => ({ id: p.id, fpmUserId: p.fpmUserId! })),
        people: personRows.map((p) => p.id),
        customers: customerRows.map((c) => c.id),
      },
    )
    // Tasks are not in the counts: the seed test compares the counts with its table counts.
    await writeDemoTasks(tx, opts.today)
    const nsat = await writeDemoNsat(
      tx,
      opts.seed,
      opts.today,
      data.partners.map((p, i) => ({
        status: p.status,
        customers: data.customers.flatMap((c, k) => (c.partnerIndex === i ? [k] : [])),
      })),
      { partners: partnerRows.map((p) => p.id), customers: customerRows.map((c) => c.id) },
    )
    const approverOf = (regionId: number) =>
      (userRows.find((u) => u.role === 'lead' && u.regionId === regionId) ??
        userRows.find((u) => u.role === 'admin'))!.id
    const voice = await writeDemoVoice(
      tx,
      opts.seed,
      opts.today,
      partnerRows.map((p, i) => ({
        id: p.id,
        fpmUserId: p.fpmUserId!,
        status: data.partners[i].status,
        customers: data.customers.flatMap((c, k) => (c.partnerIndex === i ? [customerRows[k].id] : [])),
        approverId: approverOf(regionRows[data.partners[i].regionIndex].id),
      })),
    )
    await tx.execute(sql`analyze`)
    return {
      logins: demoLogins,
      counts: {
        regions: regionRows.length,
        users: userRows.length,
        partners: partnerRows.length,
        endorsements: data.partners.reduce((k, p) => k + p.endorsed.length, 0),
        smes: Math.min(4, partnerRows.length),
        stakeholders: people.length,
        customers: customerRows.length,
        engagements: data.engagements.length,
        snapshots: data.snapshots.length,
        ...rhythm,
        ...voice,
        ...nsat,
      },
    }
  })
}
