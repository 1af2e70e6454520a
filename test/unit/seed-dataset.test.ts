import { describe, expect, it } from 'vitest'
import {
  customerAt,
  type DatasetPlan,
  engagementsOf,
  planDataset,
  type ScaleEngagement,
  usageOf,
} from '#server/seed/dataset'
import { demoLogins } from '#server/seed/demo'
import { plannedCounts } from '#server/seed/seed-dataset'
import { defaultProgramSettings } from '#shared/contracts/settings'
import { workloadCodes } from '#shared/domain/workloads'

const today = new Date('2026-11-25T00:00:00Z')

/** The first `n` customers of a plan with their engagements and usage, as rows. */
function firstRows(plan: DatasetPlan, n: number) {
  const rows: unknown[] = []
  for (let i = 0; i < n; i++) {
    const c = customerAt(plan, i)
    const es = engagementsOf(plan, c)
    const usage: number[] = []
    usageOf(plan, c, es, (_e, _asOf, licensed, active) => usage.push(licensed, active))
    rows.push({ c, es, usage })
  }
  return rows
}

/** Customers and engagements of a sample of a plan (every `step`-th customer). */
function sample(plan: DatasetPlan, step: number) {
  const customers = []
  const engagements: ScaleEngagement[] = []
  for (let i = 0; i < plan.counts.customers; i += step) {
    const c = customerAt(plan, i)
    customers.push(c)
    engagements.push(...engagementsOf(plan, c))
  }
  return { customers, engagements }
}

const share = <T>(items: T[], test: (x: T) => boolean) => items.filter(test).length / items.length

describe('synthetic dataset: sizes', () => {
  const region = planDataset('region', 1, today, demoLogins)

  it('plans a region exactly: 300 partners, 30,000 customers, 300,000 engagements, 24 months', () => {
    expect(region.counts).toMatchObject({
      regions: 1,
      partners: 300,
      customers: 30_000,
      engagements: 300_000,
      snapshots: 7_200_000,
    })
    expect(region.dates).toHaveLength(24)
    const [g] = region.regions
    expect(g.partners.reduce((n, p) => n + p.customers, 0)).toBe(30_000)
    expect(g.engagementCount.reduce((n, k) => n + k, 0)).toBe(300_000)
    expect(Math.max(...g.engagementCount)).toBeLessThanOrEqual(workloadCodes.length)
    expect(Math.min(...g.engagementCount)).toBeGreaterThanOrEqual(1)
  })

  it('plans global as 10 regions of that, with distinct names, ids and users', () => {
    const global = planDataset('global', 1, today, demoLogins)
    expect(global.counts).toMatchObject({
      regions: 10,
      partners: 3_000,
      customers: 300_000,
      engagements: 3_000_000,
      snapshots: 72_000_000,
    })
    expect(new Set(global.regions.map((g) => g.name)).size).toBe(10)
    const partners = global.regions.flatMap((g) => g.partners)
    expect(new Set(partners.map((p) => p.programId)).size).toBe(3_000)
    expect(new Set(partners.map((p) => p.name)).size).toBe(3_000)
    expect(new Set(global.users.map((u) => u.email)).size).toBe(global.users.length)
    for (const g of global.regions) expect(g.engagementCount.reduce((n, k) => n + k, 0)).toBe(300_000)
    // fpm3@ is the demo's FPM of the second region, where there is one.
    expect(global.users.find((u) => u.email === 'fpm3@trellis.example')?.regionIndex).toBe(1)
  })

  it('plans the demo as the data npm start loads', () => {
    expect(plannedCounts('demo', 1, today)).toMatchObject({
      regions: 2,
      users: demoLogins.length,
      partners: 24,
    })
  })

  it('gives one lead per region, FPMs with 20–30 partners each, and the demo logins', () => {
    const leads = region.users.filter((u) => u.role === 'lead')
    expect(leads.map((u) => u.email)).toEqual(['lead@trellis.example'])
    const load = new Map<string, number>()
    for (const p of region.regions[0].partners) load.set(p.fpmEmail, (load.get(p.fpmEmail) ?? 0) + 1)
    expect(load.size).toBe(region.users.filter((u) => u.role === 'fpm').length)
    for (const n of load.values()) {
      expect(n).toBeGreaterThanOrEqual(20)
      expect(n).toBeLessThanOrEqual(30)
    }
    for (const login of demoLogins) expect(region.users.map((u) => u.email)).toContain(login.email)
    expect(load.get('fpm@trellis.example')).toBeGreaterThan(0)
  })
})

describe('synthetic dataset: determinism', () => {
  it('gives the same rows and totals for the same seed', () => {
    const a = planDataset('region', 5, today, demoLogins)
    const b = planDataset('region', 5, today, demoLogins)
    expect(b.counts).toEqual(a.counts)
    expect(b.regions[0].partners).toEqual(a.regions[0].partners)
    expect(b.stakeholders).toEqual(a.stakeholders)
    expect(firstRows(b, 50)).toEqual(firstRows(a, 50))
    // Any customer can be generated alone: the last one does not depend on the ones before it.
    expect(customerAt(b, 29_999)).toEqual(customerAt(a, 29_999))
  })

  it('gives different rows for a different seed, with the same totals', () => {
    const a = planDataset('region', 5, today, demoLogins)
    const b = planDataset('region', 6, today, demoLogins)
    expect(b.counts.customers).toBe(a.counts.customers)
    expect(b.counts.engagements).toBe(a.counts.engagements)
    expect(b.regions[0].partners.map((p) => p.customers)).not.toEqual(
      a.regions[0].partners.map((p) => p.customers),
    )
    expect(firstRows(b, 20)).not.toEqual(firstRows(a, 20))
  })
})

describe('synthetic dataset: distributions', () => {
  const plan = planDataset('region', 1, today, demoLogins)
  const { customers, engagements } = sample(plan, 10)

  it('skews partner sizes: a few big partners, many small ones', () => {
    const sizes = plan.regions[0].partners.map((p) => p.customers).sort((a, b) => b - a)
    const top30 = sizes.slice(0, 30).reduce((a, b) => a + b, 0)
    expect(top30 / 30_000).toBeGreaterThan(0.35)
    expect(sizes[0]).toBeGreaterThan(10 * sizes[150])
    expect(sizes.at(-1)).toBeGreaterThanOrEqual(3)
  })

  it('has log-normal seats with some customers below the eligibility threshold', () => {
    const eligible = share(customers, (c) => c.seats >= defaultProgramSettings.program.eligibleMinSeats)
    expect(eligible).toBeGreaterThan(0.8)
    expect(eligible).toBeLessThan(0.95)
    const seats = customers.map((c) => c.seats).sort((a, b) => a - b)
    const median = seats[Math.floor(seats.length / 2)]
    expect(median).toBeGreaterThan(500)
    expect(median).toBeLessThan(1500)
    expect(seats.at(-1)).toBeGreaterThan(20 * median)
    expect(new Set(customers.map((c) => c.tpid)).size).toBe(customers.length)
  })

  it('has a plausible intent, phase and claim mix', () => {
    const intent = (s: string) => share(engagements, (e) => e.intentStatus === s)
    expect(intent('in_progress')).toBeGreaterThan(0.65)
    expect(intent('in_progress')).toBeLessThan(0.85)
    expect(intent('blocked')).toBeGreaterThan(0.03)
    expect(intent('blocked')).toBeLessThan(0.12)
    expect(intent('no_intent')).toBeGreaterThan(0.04)
    expect(intent('no_intent')).toBeLessThan(0.15)
    expect(intent('unknown')).toBeGreaterThan(0.04)
    for (const phase of ['initiate', 'assess', 'migrate', 'adoption', 'success'])
      expect(share(engagements, (e) => e.phase === phase)).toBeGreaterThan(0.05)
    expect(share(engagements, (e) => e.claimed)).toBeGreaterThan(0.3)
    expect(share(engagements, (e) => e.claimed)).toBeLessThan(0.7)
    // Every workload of the catalogue appears; the retired SFB least.
    const byWorkload = new Map<string, number>()
    for (const e of engagements) byWorkload.set(e.workload, (byWorkload.get(e.workload) ?? 0) + 1)
    expect([...byWorkload.keys()].sort()).toEqual([...workloadCodes].sort())
    expect(Math.min(...byWorkload.values())).toBe(byWorkload.get('SFB'))
  })

  it('draws usage that ramps up, stalls, declines or stays blocked, always within licences', () => {
    for (const curve of ['ramp', 'early', 'stalled', 'declining', 'blocked', 'flat'])
      expect(share(engagements, (e) => e.curve === curve)).toBeGreaterThan(0.02)
    const firstLast = new Map<string, { first: number; last: number; n: number }>()
    let outside = 0
    for (const c of customers.slice(0, 600)) {
      usageOf(plan, c, engagementsOf(plan, c), (e, asOf, licensed, active) => {
        if (active < 0 || active > licensed || licensed < 1) outside++
        const t = firstLast.get(e.curve) ?? { first: 0, last: 0, n: 0 }
        if (asOf === plan.dates[0]) {
          t.first += active / licensed
          t.n++
        }
        if (asOf === plan.dates.at(-1)) t.last += active / licensed
        firstLast.set(e.curve, t)
      })
    }
    expect(outside).toBe(0)
    const mean = (curve: string, at: 'first' | 'last') => {
      const t = firstLast.get(curve)!
      return t[at] / t.n
    }
    expect(mean('ramp', 'last')).toBeGreaterThan(0.5)
    expect(mean('ramp', 'last')).toBeGreaterThan(mean('ramp', 'first') + 0.2)
    expect(mean('stalled', 'last')).toBeLessThan(0.35)
    expect(mean('blocked', 'last')).toBeLessThan(0.06)
  })

  it('gives most partners a sponsor and a delivery lead, and some on purpose none', () => {
    const partners = plan.regions[0].partners
    const has = (role: string) =>
      share(partners, (p) => plan.stakeholders.some((s) => s.partnerIndex === p.index && s.role === role))
    expect(has('sponsor')).toBeGreaterThan(0.6)
    expect(has('sponsor')).toBeLessThan(0.95)
    expect(has('delivery_lead')).toBeGreaterThan(0.6)
    expect(has('delivery_lead')).toBeLessThan(0.95)
  })

  it('serves some customers through a second partner (security and compliance workloads)', () => {
    const byCustomer = new Map<number, Set<number>>()
    for (const e of engagements)
      byCustomer.set(e.customerIndex, (byCustomer.get(e.customerIndex) ?? new Set()).add(e.partnerIndex))
    const multi = share([...byCustomer.values()], (s) => s.size > 1)
    expect(multi).toBeGreaterThan(0.05)
    expect(multi).toBeLessThan(0.3)
  })
})
