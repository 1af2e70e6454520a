import { describe, expect, it } from 'vitest'
import { generatePortfolio, monthEnds } from '#server/seed/generator'

describe('demo data generator', () => {
  const today = new Date('2026-11-25T00:00:00Z')
  const size = { partners: 12, customersPerPartner: [3, 6] as [number, number], months: 13 }

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generatePortfolio(7, size, 2, 2, today)).toEqual(generatePortfolio(7, size, 2, 2, today))
    expect(generatePortfolio(8, size, 2, 2, today).customers).not.toEqual(
      generatePortfolio(7, size, 2, 2, today).customers,
    )
  })

  it('keeps natural keys unique and usage within licences', () => {
    const data = generatePortfolio(42, size, 2, 2, today)
    expect(new Set(data.partners.map((p) => p.programId)).size).toBe(data.partners.length)
    expect(new Set(data.customers.map((c) => c.tpid)).size).toBe(data.customers.length)
    const keys = data.engagements.map((e) => `${e.partnerIndex}/${e.customerIndex}/${e.workload}`)
    expect(new Set(keys).size).toBe(keys.length)
    for (const s of data.snapshots) {
      expect(s.active).toBeGreaterThanOrEqual(0)
      expect(s.active).toBeLessThanOrEqual(s.licensed)
    }
    expect(data.snapshots.length).toBe(data.engagements.length * 13)
  })

  it('engages customers only on workloads the partner is endorsed for', () => {
    const data = generatePortfolio(42, size, 2, 2, today)
    for (const e of data.engagements) expect(data.partners[e.partnerIndex].endorsed).toContain(e.workload)
  })

  it('gives month ends ending before today', () => {
    expect(monthEnds(today, 3)).toEqual(['2026-08-31', '2026-09-30', '2026-10-31'])
    expect(monthEnds(new Date('2024-03-01T00:00:00Z'), 2)).toEqual(['2024-01-31', '2024-02-29'])
  })
})
