import { describe, expect, it } from 'vitest'
import { headerKey, mapPortfolioHeaders, portfolioFields } from '#server/modules/imports/portfolio/columns'

describe('portfolio header mapping', () => {
  it('ignores case, spaces, underscores, hyphens and punctuation', () => {
    for (const h of ['Partner ID', 'partner_id', 'PARTNER-ID', 'PartnerId', ' partner  id ', 'Partner ID.']) {
      expect(headerKey(h)).toBe('partnerid')
    }
  })

  it('maps every documented alias to its field, in any order', () => {
    for (const f of portfolioFields) {
      for (const alias of f.aliases) {
        const map = mapPortfolioHeaders(['Notes', alias.toUpperCase().replace(/ /g, '_')])
        expect(map.index[f.key], `${alias} → ${f.key}`).toBe(1)
      }
    }
  })

  it('finds the usual export headers', () => {
    const map = mapPortfolioHeaders([
      'MPN ID',
      'Partner',
      'Customer TPID',
      'Customer',
      'Country',
      'Seats',
      'Workload',
      'Entitlement Status',
      'Phase',
      'CPOR Claimed',
      'Licensed',
      'MAU',
      'Comment',
    ])
    expect(map.missing).toEqual([])
    expect(map.unknownColumns).toEqual(['Comment'])
    expect(map.mapping.map((m) => m.field)).toEqual([
      'partnerId',
      'partnerName',
      'tpid',
      'customerName',
      'country',
      'seats',
      'workload',
      'intent',
      'phase',
      'claimed',
      'licensed',
      'active',
      null,
    ])
    expect(map.mapping[11]).toEqual({ column: 'MAU', field: 'active', fieldLabel: 'Active users' })
  })

  it('names the missing required columns', () => {
    const map = mapPortfolioHeaders(['Partner ID', 'Workload', 'Whatever'])
    expect(map.missing).toEqual(['Partner name', 'Customer TPID', 'Customer name'])
  })

  it('reports two columns that mean the same field', () => {
    const map = mapPortfolioHeaders(['Licensed', 'Licensed Users'])
    expect(map.duplicates).toEqual([{ field: 'Licensed users', columns: ['Licensed', 'Licensed Users'] }])
  })

  it('does not report empty header cells as unknown columns', () => {
    expect(mapPortfolioHeaders(['TPID', '', '  ']).unknownColumns).toEqual([])
  })
})
