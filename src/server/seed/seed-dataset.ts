import { csvText, skipForeignKeyTriggers, withSecondaryIndexesRebuilt } from '#db/bulk'
import type { Database, SqlClient } from '#db/client'
import { hashPassword } from '#server/modules/auth/password'
import { AppError } from '#shared/errors'
import {
  customerAt,
  type DatasetCounts,
  type DatasetPlan,
  engagementsOf,
  planDataset,
  type ScaleTarget,
  usageOf,
} from './dataset'
import { DEMO_PASSWORD, DEMO_REGIONS, DEMO_SEED, demoLogins, planDemo, writeDemo } from './demo'

/**
 * `trellis seed`: fills an empty database with a synthetic portfolio of a given size. Deterministic:
 * the same size, seed and date give the same rows. `demo` is exactly the data `npm start` loads (seed
 * 1 = the start-up demo); `region` and `global` are generated as they are written (dataset.ts) and
 * written with COPY in chunks, in one transaction: a failed seed leaves nothing behind.
 */

export const seedSizes = ['demo', 'region', 'global'] as const
export type SeedSize = (typeof seedSizes)[number]
export type SeedPhase = 'partners' | 'customers' | 'engagements' | 'snapshots' | 'finishing'
/** Rows written so far in a phase ('finishing': index rebuild and statistics, 0 of 1 then 1 of 1). */
export type SeedProgress = { phase: SeedPhase; done: number; total: number }
export type SeedOptions = {
  size: SeedSize
  /** Default 1. */
  seed?: number
  /** Snapshots end at the last month end before this date (default: now). */
  today?: Date
  onProgress?: (p: SeedProgress) => void
  /** Tests only: region/global at a smaller scale, same shape. */
  target?: ScaleTarget
}
export type SeedCounts = DatasetCounts

/** The seed only fills an empty portfolio: it never mixes with real or earlier data. */
export class PortfolioNotEmpty extends AppError {
  constructor(readonly found: PortfolioRows) {
    super(
      'CONFLICT',
      `The database already holds a portfolio (${found.partners.toLocaleString('en-US')} partners, ${found.customers.toLocaleString('en-US')} customers). Seeding needs an empty one.`,
    )
  }
}

export type PortfolioRows = { partners: number; customers: number; engagements: number; snapshots: number }

/** How many portfolio rows the database holds (only whether each table is empty matters). */
export async function portfolioRows(q: SqlClient): Promise<PortfolioRows> {
  const { rows } = await q.query<PortfolioRows>(
    `select (select count(*)::int from partners) as partners, (select count(*)::int from customers) as customers,
       (select count(*)::int from (select 1 from engagements limit 1) e) as engagements,
       (select count(*)::int from (select 1 from usage_snapshots limit 1) u) as snapshots`,
  )
  return rows[0]
}

function demoSeed(seed: number) {
  return DEMO_SEED - 1 + seed
}

/** The counts a seed will write, without writing (the demo is small: generated; the others: planned). */
export function plannedCounts(size: SeedSize, seed = 1, today = new Date()): SeedCounts {
  if (size !== 'demo') return planDataset(size, seed, today, demoLogins).counts
  const { data, people } = planDemo(demoSeed(seed), today)
  return {
    regions: DEMO_REGIONS.length,
    users: demoLogins.length,
    partners: data.partners.length,
    endorsements: data.partners.reduce((k, p) => k + p.endorsed.length, 0),
    smes: Math.min(4, data.partners.length),
    stakeholders: people.length,
    customers: data.customers.length,
    engagements: data.engagements.length,
    snapshots: data.snapshots.length,
  }
}

/** Writes a dataset into an empty portfolio; returns what it wrote. Throws PortfolioNotEmpty otherwise. */
export async function seedDataset(database: Database, opts: SeedOptions): Promise<SeedCounts> {
  const seed = opts.seed ?? 1
  const today = opts.today ?? new Date()
  const onProgress = opts.onProgress ?? (() => {})
  if (opts.size === 'demo') {
    await assertSeedable(
      database.sql,
      demoLogins.map((u) => u.email),
    )
    onProgress({ phase: 'partners', done: 0, total: 1 })
    const { counts } = await writeDemo(database, { seed: demoSeed(seed), today })
    onProgress({ phase: 'finishing', done: 1, total: 1 })
    return counts
  }
  const plan = planDataset(opts.size, seed, today, demoLogins, opts.target)
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  return database.transaction(async (tx) => {
    await assertSeedable(
      tx,
      plan.users.map((u) => u.email),
    )
    return writePlan(tx, plan, passwordHash, onProgress)
  })
}

async function assertSeedable(q: SqlClient, emails: string[]): Promise<void> {
  const found = await portfolioRows(q)
  if (found.partners || found.customers || found.engagements || found.snapshots)
    throw new PortfolioNotEmpty(found)
  const taken = await q.query<{ email: string }>('select email from users where email = any($1::text[])', [
    emails,
  ])
  if (taken.rows.length)
    throw new AppError(
      'CONFLICT',
      `The seed creates users that exist already: ${taken.rows.map((u) => u.email).join(', ')}. Seed an empty database.`,
    )
}

const text = csvText

/**
 * Lines for one COPY target, sent in chunks. The next chunk is generated while the previous one is
 * being written (on PostgreSQL that overlaps; PGlite runs in this thread anyway).
 */
class CopyChunks {
  private lines: string[] = []
  private pending: Promise<void> | null = null
  rows = 0
  constructor(
    private readonly tx: SqlClient,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly chunkRows: number,
    private readonly written: (rows: number) => void,
  ) {}
  add(line: string): void {
    this.lines.push(line)
    this.rows++
  }
  get full(): boolean {
    return this.lines.length >= this.chunkRows
  }
  async flush(): Promise<void> {
    if (this.pending) await this.pending
    this.pending = null
    if (!this.lines.length) return
    const csv = this.lines.join('')
    const rows = this.rows
    this.lines = []
    const p = this.tx.copyCsv(this.table, this.columns, csv).then(() => this.written(rows))
    p.catch(() => {}) // awaited (and thrown) at the next flush or at end()
    this.pending = p
  }
  async end(): Promise<number> {
    await this.flush()
    if (this.pending) await this.pending
    return this.rows
  }
}

/** Takes `n` ids from a table's identity sequence; returns the first (they are consecutive). */
async function reserveIds(tx: SqlClient, table: 'partners' | 'customers', n: number): Promise<number> {
  const { rows } = await tx.query<{ first: string }>(
    `select nextval(pg_get_serial_sequence('${table}', 'id')) as first`,
  )
  const first = Number(rows[0].first)
  await tx.query(`select setval(pg_get_serial_sequence('${table}', 'id'), $1::bigint)`, [first + n - 1])
  return first
}

const CHUNK_ROWS = 100_000

async function writePlan(
  tx: SqlClient,
  plan: DatasetPlan,
  passwordHash: string,
  onProgress: (p: SeedProgress) => void,
): Promise<SeedCounts> {
  const counts = plan.counts
  // Every foreign key below comes from ids this transaction has just written.
  await skipForeignKeyTriggers(tx)

  await tx.query(`insert into regions (name) select unnest($1::text[]) on conflict (name) do nothing`, [
    plan.regions.map((g) => g.name),
  ])
  const regionRows = await tx.query<{ id: number; name: string }>(
    'select id, name from regions where name = any($1::text[])',
    [plan.regions.map((g) => g.name)],
  )
  const regionId = plan.regions.map((g) => regionRows.rows.find((x) => x.name === g.name)!.id)

  onProgress({ phase: 'partners', done: 0, total: counts.partners })
  const userCsv = plan.users
    .map(
      (u) =>
        `${text(u.email)},${text(u.name)},${u.role},${u.regionIndex === null ? '' : regionId[u.regionIndex]},${text(passwordHash)}\n`,
    )
    .join('')
  await tx.copyCsv('users', ['email', 'display_name', 'role', 'region_id', 'password_hash'], userCsv)
  const userRows = await tx.query<{ id: number; email: string }>(
    'select id, email from users where email = any($1::text[])',
    [plan.users.map((u) => u.email)],
  )
  const userId = new Map(userRows.rows.map((u) => [u.email, u.id]))

  const partnerBase = await reserveIds(tx, 'partners', counts.partners)
  const customerBase = await reserveIds(tx, 'customers', counts.customers)
  const partnerLines: string[] = []
  const endorsementLines: string[] = []
  for (const g of plan.regions) {
    for (const p of g.partners) {
      const id = partnerBase + p.index
      partnerLines.push(
        `${id},${p.programId},${text(p.name)},${p.status},${p.program},${text(p.country)},${regionId[g.index]},${userId.get(p.fpmEmail)},${p.referralReady},${p.joinedOn},${text(p.website)}\n`,
      )
      for (const w of p.endorsed) endorsementLines.push(`${id},${w}\n`)
    }
  }
  await tx.copyCsv(
    'partners',
    [
      'id',
      'program_id',
      'name',
      'status',
      'program',
      'hq_country',
      'region_id',
      'fpm_user_id',
      'referral_ready',
      'joined_on',
      'website',
    ],
    partnerLines.join(''),
  )
  await tx.copyCsv('partner_endorsements', ['partner_id', 'workload_code'], endorsementLines.join(''))
  await tx.copyCsv(
    'partner_smes',
    ['partner_id', 'user_id'],
    plan.smes.map(([p, email]) => `${partnerBase + p},${userId.get(email)}\n`).join(''),
  )
  await tx.copyCsv(
    'stakeholders',
    ['partner_id', 'side', 'role', 'name', 'email', 'title'],
    plan.stakeholders
      .map(
        (s) =>
          `${partnerBase + s.partnerIndex},${s.side},${s.role},${text(s.name)},${text(s.email)},${text(s.title)}\n`,
      )
      .join(''),
  )
  onProgress({ phase: 'partners', done: counts.partners, total: counts.partners })

  // The three large tables are written without their secondary indexes, rebuilt once at the end.
  const written = await withSecondaryIndexesRebuilt(tx, 'customers', () =>
    withSecondaryIndexesRebuilt(tx, 'engagements', () =>
      withSecondaryIndexesRebuilt(tx, 'usage_snapshots', async () => {
        const customerCount = await pass(tx, plan, 'customers', counts.customers, onProgress, (c, out) => {
          out.add(
            `${customerBase + c.index},${c.tpid},${text(c.name)},${text(c.country)},${c.seats},${partnerBase + c.partnerIndex}\n`,
          )
        })
        const engagementCount = await pass(
          tx,
          plan,
          'engagements',
          counts.engagements,
          onProgress,
          (c, out) => {
            for (const e of engagementsOf(plan, c))
              out.add(
                `${partnerBase + e.partnerIndex},${customerBase + c.index},${e.workload},${e.intentStatus},${e.phase},${e.claimed}\n`,
              )
          },
        )
        const snapshotCount = await pass(tx, plan, 'snapshots', counts.snapshots, onProgress, (c, out) => {
          const customerId = customerBase + c.index
          usageOf(plan, c, engagementsOf(plan, c), (e, asOf, licensed, active) =>
            out.add(`${customerId},${e.workload},${asOf},${licensed},${active},portfolio\n`),
          )
        })
        onProgress({ phase: 'finishing', done: 0, total: 1 })
        return { customerCount, engagementCount, snapshotCount }
      }),
    ),
  )
  await tx.query('analyze partners, customers, engagements, usage_snapshots, stakeholders')
  onProgress({ phase: 'finishing', done: 1, total: 1 })
  return {
    ...counts,
    customers: written.customerCount,
    engagements: written.engagementCount,
    snapshots: written.snapshotCount,
  }
}

const passTargets = {
  customers: {
    table: 'customers',
    columns: ['id', 'tpid', 'name', 'country', 'seats', 'primary_partner_id'],
  },
  engagements: {
    table: 'engagements',
    columns: ['partner_id', 'customer_id', 'workload_code', 'intent_status', 'phase', 'claimed'],
  },
  snapshots: {
    table: 'usage_snapshots',
    columns: ['customer_id', 'workload_code', 'as_of', 'licensed_users', 'active_users', 'source'],
  },
} as const

/** One table: every customer of the plan in order, its lines COPYed in chunks. */
async function pass(
  tx: SqlClient,
  plan: DatasetPlan,
  phase: keyof typeof passTargets,
  total: number,
  onProgress: (p: SeedProgress) => void,
  lines: (c: ReturnType<typeof customerAt>, out: CopyChunks) => void,
): Promise<number> {
  const target = passTargets[phase]
  onProgress({ phase, done: 0, total })
  const out = new CopyChunks(tx, target.table, target.columns, CHUNK_ROWS, (done) =>
    onProgress({ phase, done, total }),
  )
  for (let i = 0; i < plan.counts.customers; i++) {
    lines(customerAt(plan, i), out)
    if (out.full) await out.flush()
  }
  return out.end()
}
