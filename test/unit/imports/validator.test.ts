import { describe, expect, it } from 'vitest'
import { mapPortfolioHeaders } from '#server/modules/imports/portfolio/columns'
import { type ImportScope, PortfolioValidator } from '#server/modules/imports/portfolio/validator'
import { workloadCodes } from '#shared/domain/workloads'

const scope = (over: Partial<ImportScope> = {}): ImportScope => ({
  actor: { id: 1, role: 'admin', regionId: null, email: 'admin@test.example' },
  partners: new Map(),
  regions: new Map(),
  fpms: new Map(),
  workloads: new Set(workloadCodes),
  ...over,
})

const header = mapPortfolioHeaders([
  'Partner ID',
  'Partner Name',
  'TPID',
  'Customer Name',
  'Workload',
  'Licensed',
  'Active',
])

describe('PortfolioValidator', () => {
  it('stages valid rows as CSV for the staging table', () => {
    const v = new PortfolioValidator(header, scope(), '2026-09-30')
    expect(v.check({ row: 2, cells: ['P1', 'Partner', '100', 'Customer', 'Teams', '1,200', '300'] })).toBe(
      true,
    )
    expect(v.check({ row: 3, cells: ['P1', 'Partner', '100', 'Customer', 'EXO', '', ''] })).toBe(true)
    expect(v.takeStaged()).toBe('0,0,TEAMS,,,,1200,300,2026-09-30\n0,0,EXO,,,,,,2026-09-30\n')
    expect(v.partners).toEqual([
      { programId: 'P1', name: 'Partner', existingId: null, regionId: null, fpmUserId: null },
    ])
    expect(v.customers).toEqual([{ tpid: '100', name: 'Customer', country: null, seats: null, pidx: 0 }])
  })

  it('lists at most 10,000 problems and counts them all', () => {
    const v = new PortfolioValidator(header, scope(), '2026-09-30')
    for (let i = 0; i < 10_050; i++)
      v.check({ row: i + 2, cells: ['P1', 'Partner', `${i}`, 'C', 'nope', '', ''] })
    expect(v.errors.items).toHaveLength(10_000)
    expect(v.errors.count).toBe(10_050)
    expect(v.errors.rows).toBe(10_050)
    expect(v.errors.items.at(-1)?.row).toBe(10_001)
  })

  it('flags a cell beyond the header and long values', () => {
    const v = new PortfolioValidator(header, scope(), '2026-09-30')
    v.check({ row: 2, cells: ['P1', 'x'.repeat(201), '100', 'C', 'EXO', '', '', 'extra'] })
    expect(v.errors.items.map((e) => [e.column, e.message])).toEqual([
      ['(column 8)', 'This cell is beyond the last column of the header row'],
      ['Partner Name', 'At most 200 characters'],
    ])
    expect(v.errors.items[1].value).toHaveLength(201)
  })

  it('refuses existing partners outside the scope without saying more', () => {
    const v = new PortfolioValidator(
      header,
      scope({
        actor: { id: 7, role: 'fpm', regionId: 1, email: 'fpm@test.example' },
        partners: new Map([['OTHER', { id: 3, name: 'Someone else', editable: false }]]),
      }),
      '2026-09-30',
    )
    v.check({ row: 2, cells: ['OTHER', 'Whatever', '100', 'C', 'EXO', '', ''] })
    v.check({ row: 3, cells: ['NEW', 'New', '101', 'C', 'EXO', '', ''] })
    expect(v.errors.items).toEqual([
      { row: 2, column: 'Partner ID', value: 'OTHER', message: 'Partner OTHER is not in your portfolio' },
    ])
    expect(v.partners).toEqual([
      { programId: 'NEW', name: 'New', existingId: null, regionId: 1, fpmUserId: 7 },
    ])
  })
})
