import {
  type IntentStatus,
  type PartnerStatus,
  type Phase,
  type Program,
  phases,
  type StakeholderRole,
} from '#shared/domain/portfolio'
import type { WorkloadCode } from '#shared/domain/workloads'
import { customerSuffixes, monthEnds, partnerSuffixes, personName, prefixes } from './generator'
import { createRandom, type Random } from './random'

/**
 * Pure, deterministic generator of large synthetic portfolios (`trellis seed --size region|global`).
 *
 * Two steps. `planDataset` draws everything small, up front: regions, users, partners (skewed sizes),
 * stakeholders, endorsements, SMEs, and how many customers each partner has and how many workloads each
 * customer is engaged on, so the exact totals are known without generating a single snapshot. Then
 * `customerAt`, `engagementsOf` and `usageOf` draw one customer, its engagements and their monthly
 * usage on demand, each from a random stream of its own (seed × region × customer × stream): a table
 * can be generated alone, in any order, and never needs the rows before it in memory.
 */

export type ScaleSize = 'region' | 'global'
/** Per region: partners, customers, engagements; months of snapshots per engagement. */
export type ScaleTarget = {
  regions: number
  partners: number
  customers: number
  engagements: number
  months: number
}
export const scaleTargets: Record<ScaleSize, ScaleTarget> = {
  region: { regions: 1, partners: 300, customers: 30_000, engagements: 300_000, months: 24 },
  global: { regions: 10, partners: 300, customers: 30_000, engagements: 300_000, months: 24 },
}

const regionCatalog = [
  {
    name: 'EMEA West',
    countries: ['United Kingdom', 'Ireland', 'France', 'Belgium', 'Netherlands', 'Spain'],
  },
  { name: 'EMEA Central', countries: ['Germany', 'Austria', 'Switzerland', 'Poland', 'Czechia'] },
  { name: 'EMEA North', countries: ['Sweden', 'Norway', 'Denmark', 'Finland'] },
  { name: 'EMEA South', countries: ['Italy', 'Portugal', 'Greece', 'Türkiye', 'Israel'] },
  {
    name: 'Middle East & Africa',
    countries: ['United Arab Emirates', 'Saudi Arabia', 'South Africa', 'Egypt'],
  },
  { name: 'North America', countries: ['United States', 'Canada'] },
  { name: 'Latin America', countries: ['Brazil', 'Mexico', 'Argentina', 'Chile', 'Colombia'] },
  { name: 'Asia North', countries: ['Japan', 'Korea', 'Taiwan'] },
  { name: 'Asia South', countries: ['India', 'Singapore', 'Malaysia', 'Indonesia', 'Thailand'] },
  { name: 'ANZ', countries: ['Australia', 'New Zealand'] },
] as const

const partnerWords = [
  'Cloud',
  'Digital',
  'Data',
  'Modern',
  'Smart',
  'Secure',
  'Bright',
  'Blue',
  'Peak',
  'Core',
  'Nova',
  'Vertex',
  'Summit',
  'Harbor',
  'Pioneer',
  'Atlas',
  'Fusion',
  'Nimbus',
  'Quantum',
  'Beacon',
]
const customerWords = [
  'North',
  'Global',
  'United',
  'Atlantic',
  'Metro',
  'Royal',
  'First',
  'Pacific',
  'Central',
  'National',
  'Nordic',
  'Alpine',
  'Coastal',
  'Capital',
  'Union',
  'Western',
  'Eastern',
  'Premier',
  'Heritage',
  'Summit',
]

/** Catalogue workloads with how often a customer takes them (SFB is retired: rare). */
const workloadMix: { code: WorkloadCode; weight: number; coverage: number }[] = [
  { code: 'EXO', weight: 10, coverage: 0.95 },
  { code: 'TEAMS', weight: 10, coverage: 0.95 },
  { code: 'SPO', weight: 9, coverage: 0.9 },
  { code: 'OD', weight: 9, coverage: 0.9 },
  { code: 'OPP', weight: 8, coverage: 0.85 },
  { code: 'AADP', weight: 7, coverage: 0.8 },
  { code: 'INTUNE', weight: 6, coverage: 0.7 },
  { code: 'MIP', weight: 5, coverage: 0.5 },
  { code: 'YAM', weight: 3, coverage: 0.6 },
  { code: 'VIVA', weight: 3, coverage: 0.4 },
  { code: 'SFB', weight: 1, coverage: 0.5 },
]
const specialistWorkloads = new Set<WorkloadCode>(['INTUNE', 'AADP', 'MIP'])
/** The lifecycle in order (the vocabulary lists it so). */
const phaseOrder = phases
const ADOPTION = phaseOrder.indexOf('adoption')

export type ScaleUser = {
  email: string
  name: string
  role: 'admin' | 'lead' | 'fpm' | 'sme' | 'viewer'
  regionIndex: number | null
}
export type ScalePartner = {
  /** 0-based over the whole dataset; the database id is index + the id base. */
  index: number
  regionIndex: number
  programId: string
  name: string
  status: PartnerStatus
  program: Program
  country: string
  referralReady: boolean
  joinedOn: string
  website: string
  fpmEmail: string
  endorsed: WorkloadCode[]
  /** 0..1: how well the partner delivers (drives intent, phase and usage of its engagements). */
  quality: number
  /** Its customers: indexes firstCustomer … firstCustomer + customers - 1. */
  firstCustomer: number
  customers: number
}
export type ScaleStakeholder = {
  partnerIndex: number
  side: 'partner' | 'microsoft'
  role: StakeholderRole
  name: string
  email: string
  title: string
}
export type ScaleRegion = {
  index: number
  name: string
  countries: readonly string[]
  partners: ScalePartner[]
  firstCustomer: number
  /** Per customer of the region (local index): its primary partner (global index) and workload count. */
  customerPartner: Int32Array
  engagementCount: Uint8Array
}
export type ScaleCustomer = {
  index: number
  tpid: string
  name: string
  country: string
  seats: number
  partnerIndex: number
  /** Monthly licence growth (negative: shrinking). */
  growth: number
}
export type UsageCurve = 'ramp' | 'early' | 'stalled' | 'declining' | 'blocked' | 'flat'
export type ScaleEngagement = {
  customerIndex: number
  partnerIndex: number
  workload: WorkloadCode
  intentStatus: IntentStatus
  phase: Phase
  claimed: boolean
  curve: UsageCurve
  /** Curve parameters: first month of use, ceiling (share of licences active), speed, decline. */
  start: number
  ceiling: number
  speed: number
  peak: number
  decline: number
  licensed: number
}
export type DatasetCounts = {
  regions: number
  users: number
  partners: number
  endorsements: number
  smes: number
  stakeholders: number
  customers: number
  engagements: number
  snapshots: number
}
export type DatasetPlan = {
  size: ScaleSize
  seed: number
  target: ScaleTarget
  /** Snapshot dates: month ends, oldest first (the demo's convention). */
  dates: string[]
  regions: ScaleRegion[]
  users: ScaleUser[]
  stakeholders: ScaleStakeholder[]
  /** [partner index, SME e-mail] */
  smes: [number, string][]
  counts: DatasetCounts
}

/** The demo logins (src/server/seed/demo.ts) keep working on a large dataset: the same e-mails. */
export type NamedLogin = { role: ScaleUser['role']; email: string; name: string; region: number | null }

const Stream = { plan: 1, customer: 2, engagements: 3, usage: 4 } as const

/** A 32-bit seed from integers (murmur3's finaliser over each part). */
function mix(...parts: number[]): number {
  let h = 0x9e3779b9
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0xcc9e2d51)
    h = (h << 15) | (h >>> 17)
    h = Math.imul(h, 0x1b873593)
    h ^= h >>> 16
    h = Math.imul(h, 0x85ebca6b)
    h ^= h >>> 13
    h = Math.imul(h, 0xc2b2ae35)
    h ^= h >>> 16
  }
  return h >>> 0
}

function normal(r: Random): number {
  return Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next())
}

function weighted<T>(r: Random, items: readonly T[], weights: readonly number[]): T {
  let total = 0
  for (const w of weights) total += w
  let x = r.next() * total
  for (let i = 0; i < items.length; i++) {
    x -= weights[i]
    if (x < 0) return items[i]
  }
  return items[items.length - 1]
}

/** k distinct items, more likely the heavier ones (Efraimidis–Spirakis), in catalogue order. */
function weightedSample<T>(r: Random, items: readonly T[], weights: readonly number[], k: number): T[] {
  const keys = items.map((_, i) => ({ i, key: r.next() ** (1 / weights[i]) }))
  keys.sort((a, b) => b.key - a.key)
  return keys
    .slice(0, k)
    .map((x) => x.i)
    .sort((a, b) => a - b)
    .map((i) => items[i])
}

/** Splits `total` into parts proportional to `weights`, each at least `min`, summing exactly to total. */
function apportion(total: number, weights: number[], min: number): number[] {
  const spare = total - min * weights.length
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (w / sum) * spare)
  const parts = exact.map((x) => Math.floor(x))
  let left = spare - parts.reduce((a, b) => a + b, 0)
  const byRemainder = exact.map((x, i) => ({ i, rem: x - Math.floor(x) })).sort((a, b) => b.rem - a.rem)
  for (let k = 0; left > 0; k++, left--) parts[byRemainder[k % byRemainder.length].i]++
  return parts.map((p) => p + min)
}

/** The first day of the month `months` before today's month, YYYY-MM-DD. */
function firstOfMonthBefore(today: Date, months: number): string {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, 1))
    .toISOString()
    .slice(0, 10)
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

const partnerNameCount = prefixes.length * partnerWords.length * partnerSuffixes.length

/** A name from three word lists; `index` → a different combination for each index below the count. */
function combinedName(index: number, offset: number, lists: readonly (readonly string[])[]): string {
  const count = lists.reduce((n, l) => n * l.length, 1)
  // 7919 is prime and divides none of the list lengths' products: a bijection over 0..count-1.
  let k = (index * 7919 + offset) % count
  const words = lists.map((l) => {
    const w = l[k % l.length]
    k = Math.floor(k / l.length)
    return w
  })
  const round = Math.floor(index / count)
  return `${words.join(' ')}${round ? ` ${round + 1}` : ''}`
}

const statusWeights: [PartnerStatus, number][] = [
  ['active', 68],
  ['onboarding', 8],
  ['at_risk', 9],
  ['referrals_paused', 5],
  ['invited', 3],
  ['offboarding_recommended', 4],
  ['departed', 3],
]
const stakeholderOdds: [ScaleStakeholder['side'], StakeholderRole, number, string][] = [
  ['partner', 'sponsor', 0.85, 'Managing Director'],
  ['partner', 'delivery_lead', 0.8, 'Head of Delivery'],
  ['partner', 'program_admin', 0.95, 'Partner Program Manager'],
  ['partner', 'technical_lead', 0.5, 'Principal Architect'],
  ['partner', 'referral_contact', 0.35, 'Sales Lead'],
  ['microsoft', 'atu', 0.7, 'Account Executive'],
  ['microsoft', 'csu', 0.45, 'Customer Success Manager'],
  ['microsoft', 'stu', 0.25, 'Technical Specialist'],
]

/**
 * Everything small of a dataset, and its exact counts. `named` gives the first users of the first
 * regions fixed e-mails (the demo logins): admin, viewer, lead and SME of region 0, FPMs in order.
 */
export function planDataset(
  size: ScaleSize,
  seed: number,
  today: Date,
  named: NamedLogin[] = [],
  /** Tests only: a smaller dataset of the same shape. */
  target: ScaleTarget = scaleTargets[size],
): DatasetPlan {
  if (target.engagements > target.customers * workloadMix.length || target.customers < target.partners * 3)
    throw new Error(
      'scale target: at most one engagement per customer and workload, 3+ customers per partner',
    )
  const dates = monthEnds(today, target.months)
  const regions: ScaleRegion[] = []
  const users: ScaleUser[] = []
  const stakeholders: ScaleStakeholder[] = []
  const smes: [number, string][] = []
  const unnamed = [...named]
  // A named login goes to its own region when the dataset has it, else to the first region.
  const take = (role: ScaleUser['role'], fallback: { email: string; name: string }, region = 0) => {
    const i = unnamed.findIndex(
      (n) => n.role === role && (n.region === null || n.region === region || n.region >= target.regions),
    )
    if (i < 0) return fallback
    const [n] = unnamed.splice(i, 1)
    return { email: n.email, name: n.name }
  }
  const global = createRandom(mix(seed, Stream.plan))
  for (const role of ['admin', 'viewer'] as const) {
    const who = take(role, { email: `${role}@trellis.example`, name: personName(global) })
    users.push({ ...who, role, regionIndex: null })
  }
  const nameOffset = global.int(0, partnerNameCount - 1)

  for (let g = 0; g < target.regions; g++) {
    const r = createRandom(mix(seed, Stream.plan, g))
    const region = regionCatalog[g % regionCatalog.length]
    const regionSlug = slug(region.name)
    const firstPartner = g * target.partners
    const firstCustomer = g * target.customers

    users.push({
      ...take('lead', { email: `lead.${regionSlug}@trellis.example`, name: personName(r) }, g),
      role: 'lead',
      regionIndex: g,
    })
    // FPMs: each manages 20–30 partners.
    const fpmCount = Math.max(1, Math.round(target.partners / 25))
    const load = new Array<number>(fpmCount).fill(Math.floor(target.partners / fpmCount))
    for (let i = 0; i < target.partners % fpmCount; i++) load[i]++
    for (let i = 0; i < fpmCount * 4; i++) {
      const a = r.int(0, fpmCount - 1)
      const b = r.int(0, fpmCount - 1)
      if (a !== b && load[a] > 20 && load[b] < 30) {
        load[a]--
        load[b]++
      }
    }
    const fpmEmails: string[] = []
    for (let f = 0; f < fpmCount; f++) {
      const who = take(
        'fpm',
        {
          email: `fpm${String(f + 1).padStart(2, '0')}.${regionSlug}@trellis.example`,
          name: personName(r),
        },
        g,
      )
      users.push({ ...who, role: 'fpm', regionIndex: g })
      fpmEmails.push(who.email)
    }
    const fpmOfPartner = r.sample(
      load.flatMap((n, f) => new Array<number>(n).fill(f)),
      target.partners,
    )

    // Partner sizes: log-normal weights, so a few partners hold many customers and most hold few.
    const weights = Array.from({ length: target.partners }, () => Math.exp(1.1 * normal(r)))
    const customerCounts = apportion(target.customers, weights, 3)
    const maxCount = Math.max(...customerCounts)
    const partners: ScalePartner[] = []
    let nextCustomer = firstCustomer
    for (let p = 0; p < target.partners; p++) {
      const index = firstPartner + p
      const status = weighted(
        r,
        statusWeights.map((s) => s[0]),
        statusWeights.map((s) => s[1]),
      )
      const name = combinedName(index, nameOffset, [prefixes, partnerWords, partnerSuffixes])
      const base = r.next()
      const quality =
        status === 'at_risk' || status === 'offboarding_recommended' || status === 'departed'
          ? base * 0.4
          : status === 'active'
            ? 0.3 + base * 0.7
            : base
      const sizeShare = Math.log(customerCounts[p]) / Math.log(maxCount)
      const recent = status === 'invited' || status === 'onboarding'
      partners.push({
        index,
        regionIndex: g,
        programId: `P${200001 + index}`,
        name,
        status,
        program: weighted(r, ['frp', 'fpc', 'none'] as const, [85, 12, 3]),
        country: r.pick(region.countries),
        referralReady: status === 'active' && r.chance(0.7),
        joinedOn: firstOfMonthBefore(today, recent ? r.int(1, 18) : r.int(18, 130)),
        website: `https://${slug(name)}.example`,
        fpmEmail: fpmEmails[fpmOfPartner[p]],
        endorsed: weightedSample(
          r,
          workloadMix.map((w) => w.code),
          workloadMix.map((w) => w.weight),
          2 + Math.round(sizeShare * 6 * r.next() + sizeShare * 2),
        ),
        quality,
        firstCustomer: nextCustomer,
        customers: customerCounts[p],
      })
      nextCustomer += customerCounts[p]
      // Stakeholders: most partners have a sponsor and a delivery lead; some on purpose do not.
      const thin = status !== 'active' ? 0.7 : 1
      for (const [side, role, odds, title] of stakeholderOdds) {
        if (!r.chance(odds * thin)) continue
        const person = personName(r)
        const domain = side === 'microsoft' ? 'microsoft.example' : `${slug(name)}.example`
        stakeholders.push({
          partnerIndex: index,
          side,
          role,
          name: person,
          email: `${slug(person).replace(/-/g, '.')}@${domain}`,
          title,
        })
      }
    }
    // SMEs: three per region, each helping 8–15 partners.
    for (let s = 0; s < 3; s++) {
      const who = take('sme', { email: `sme${s + 1}.${regionSlug}@trellis.example`, name: personName(r) }, g)
      users.push({ ...who, role: 'sme', regionIndex: g })
      for (const p of r.sample(partners, r.int(8, 15))) smes.push([p.index, who.email])
    }

    // Workloads per customer: 1–11 (the catalogue), most customers on nearly all of them, adjusted so
    // the region has exactly its engagement target.
    const customerPartner = new Int32Array(target.customers)
    for (const p of partners)
      customerPartner.fill(
        p.index,
        p.firstCustomer - firstCustomer,
        p.firstCustomer - firstCustomer + p.customers,
      )
    const engagementCount = new Uint8Array(target.customers)
    const ks = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]
    const kWeights = [42, 30, 12, 6, 4, 2, 1.5, 1, 0.7, 0.5, 0.3]
    let sum = 0
    for (let c = 0; c < target.customers; c++) {
      engagementCount[c] = weighted(r, ks, kWeights)
      sum += engagementCount[c]
    }
    while (sum !== target.engagements) {
      const c = r.int(0, target.customers - 1)
      if (sum < target.engagements && engagementCount[c] < workloadMix.length) {
        engagementCount[c]++
        sum++
      } else if (sum > target.engagements && engagementCount[c] > 1) {
        engagementCount[c]--
        sum--
      }
    }
    regions.push({
      index: g,
      name: region.name,
      countries: region.countries,
      partners,
      firstCustomer,
      customerPartner,
      engagementCount,
    })
  }
  const partnerCount = regions.reduce((n, g) => n + g.partners.length, 0)
  const engagementTotal = target.engagements * target.regions
  return {
    size,
    seed,
    target,
    dates,
    regions,
    users,
    stakeholders,
    smes,
    counts: {
      regions: regions.length,
      users: users.length,
      partners: partnerCount,
      endorsements: regions.reduce((n, g) => n + g.partners.reduce((m, p) => m + p.endorsed.length, 0), 0),
      smes: smes.length,
      stakeholders: stakeholders.length,
      customers: target.customers * target.regions,
      engagements: engagementTotal,
      snapshots: engagementTotal * dates.length,
    },
  }
}

/** The region and local index of a customer (0-based over the dataset). */
function locate(plan: DatasetPlan, index: number) {
  const perRegion = plan.target.customers
  const region = plan.regions[Math.floor(index / perRegion)]
  return { region, local: index - region.firstCustomer }
}

/** One customer: seats log-normal around 900 (about one in nine below the 150-seat eligibility). */
export function customerAt(plan: DatasetPlan, index: number): ScaleCustomer {
  const { region, local } = locate(plan, index)
  const r = createRandom(mix(plan.seed, Stream.customer, index))
  const partnerIndex = region.customerPartner[local]
  const partner = region.partners[partnerIndex - region.partners[0].index]
  const seats = Math.min(400_000, Math.max(5, Math.round(Math.exp(Math.log(900) + 1.5 * normal(r)))))
  return {
    index,
    // Spaced by 7 with a random step: unique, and not a plain sequence.
    tpid: String(10_000_000 + index * 7 + r.int(0, 6)),
    name: combinedName(index, plan.seed * 131, [prefixes, customerWords, customerSuffixes]),
    country: r.chance(0.75) ? partner.country : r.pick(region.countries),
    seats,
    partnerIndex,
    growth: Math.max(-0.01, Math.min(0.025, 0.004 + 0.006 * normal(r))),
  }
}

/**
 * A customer's engagements: `engagementCount` workloads from the catalogue mix, mostly with its
 * primary partner; for some customers the security and compliance workloads are served by a second
 * partner of the region (a specialist). Intent, phase, claim and the shape of usage follow the
 * partner's quality.
 */
export function engagementsOf(plan: DatasetPlan, customer: ScaleCustomer): ScaleEngagement[] {
  const { region, local } = locate(plan, customer.index)
  const r = createRandom(mix(plan.seed, Stream.engagements, customer.index))
  const firstPartner = region.partners[0].index
  // Picking a random customer's partner picks partners in proportion to their size.
  const specialist = r.chance(0.15)
    ? region.customerPartner[r.int(0, region.customerPartner.length - 1)]
    : customer.partnerIndex
  const workloads = weightedSample(
    r,
    workloadMix,
    workloadMix.map((w) => w.weight),
    region.engagementCount[local],
  )
  return workloads.map((w) => {
    const partnerIndex = specialistWorkloads.has(w.code) ? specialist : customer.partnerIndex
    const q = region.partners[partnerIndex - firstPartner].quality
    const x = r.next()
    const intentStatus: IntentStatus =
      x < 0.015
        ? 'duplicate'
        : x < 0.1
          ? 'no_intent'
          : x < 0.14 + 0.08 * (1 - q)
            ? 'blocked'
            : x < 0.22 + 0.08 * (1 - q)
              ? 'unknown'
              : 'in_progress'
    let phaseIndex: number
    if (intentStatus === 'in_progress') {
      phaseIndex = weighted(r, [0, 1, 2, 3, 4, 5, 6, 7], [6, 8, 7, 10, 12, 20, 18, 19])
      // Weaker partners get stuck before adoption more often.
      if (phaseIndex >= ADOPTION && r.chance((1 - q) * 0.4)) phaseIndex = r.int(1, ADOPTION - 1)
    } else if (intentStatus === 'blocked') phaseIndex = weighted(r, [1, 2, 3, 4], [2, 4, 2, 2])
    else if (intentStatus === 'duplicate') phaseIndex = 0
    else phaseIndex = r.chance(0.65) ? 0 : 1
    const phase = phaseOrder[phaseIndex]
    const claimOdds =
      intentStatus === 'no_intent' || intentStatus === 'duplicate'
        ? 0.02
        : [0.05, 0.15, 0.3, 0.45, 0.6, 0.75, 0.85, 0.9][phaseIndex]
    const claimed = r.chance(claimOdds)

    let curve: UsageCurve
    if (intentStatus === 'blocked') curve = 'blocked'
    else if (intentStatus === 'no_intent' || intentStatus === 'duplicate') curve = 'flat'
    else if (intentStatus === 'unknown') curve = r.chance(0.5) ? 'flat' : 'ramp'
    else if (phaseIndex >= ADOPTION) {
      const y = r.next()
      curve = y < 0.5 + 0.3 * q ? 'ramp' : y < 0.62 + 0.3 * q ? 'declining' : 'stalled'
    } else {
      const y = r.next()
      curve = y < 0.55 ? 'early' : y < 0.85 ? 'stalled' : 'ramp'
    }
    const last = plan.dates.length - 1
    const params = {
      ramp: () => ({ start: r.int(0, 16), ceiling: 0.55 + 0.4 * r.next(), speed: 0.15 + 0.35 * r.next() }),
      early: () => ({
        start: r.int(Math.max(0, last - 9), last),
        ceiling: 0.3 + 0.5 * r.next(),
        speed: 0.1 + 0.2 * r.next(),
      }),
      stalled: () => ({ start: r.int(0, 12), ceiling: 0.08 + 0.22 * r.next(), speed: 0.2 + 0.3 * r.next() }),
      declining: () => ({ start: r.int(0, 8), ceiling: 0.5 + 0.4 * r.next(), speed: 0.2 + 0.3 * r.next() }),
      blocked: () => ({ start: 0, ceiling: 0.04 * r.next(), speed: 0.5 }),
      flat: () => ({ start: 0, ceiling: 0.08 * r.next(), speed: 0.5 }),
    }[curve]()
    const coverage = Math.min(1, Math.max(0.05, w.coverage * (0.8 + 0.25 * r.next())))
    return {
      customerIndex: customer.index,
      partnerIndex,
      workload: w.code,
      intentStatus,
      phase,
      claimed,
      curve,
      ...params,
      peak:
        curve === 'declining'
          ? r.int(Math.min(last - 3, Math.max(params.start + 4, last - 11)), last - 3)
          : last,
      decline: curve === 'declining' ? 0.03 + 0.05 * r.next() : 0,
      licensed: Math.max(1, Math.round(customer.seats * coverage)),
    }
  })
}

export type UsagePoint = { asOf: string; licensed: number; active: number }

/**
 * Licensed and active users of each engagement's workload at every date: licences follow the
 * customer's growth; the active share follows the engagement's curve, with month-to-month noise.
 * Calls `emit` per point (no arrays of millions of rows).
 */
export function usageOf(
  plan: DatasetPlan,
  customer: ScaleCustomer,
  engagements: ScaleEngagement[],
  emit: (e: ScaleEngagement, asOf: string, licensed: number, active: number) => void,
): void {
  const r = createRandom(mix(plan.seed, Stream.usage, customer.index))
  const last = plan.dates.length - 1
  for (const e of engagements) {
    const base = e.curve === 'early' ? 0.02 * r.next() : 0
    for (let m = 0; m <= last; m++) {
      const licensed = Math.max(1, Math.round(e.licensed * (1 + customer.growth) ** (m - last)))
      let share = m < e.start ? base : e.ceiling * (1 - Math.exp(-e.speed * (m - e.start + 1)))
      if (m > e.peak) share *= Math.max(0, 1 - e.decline * (m - e.peak))
      share += (r.next() + r.next() - 1) * 0.03
      const active = Math.max(0, Math.min(licensed, Math.round(licensed * share)))
      emit(e, plan.dates[m], licensed, active)
    }
  }
}
