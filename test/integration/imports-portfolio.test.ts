import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importPortfolio } from '#server/modules/imports/portfolio/importer'
import { createAccessTestApp } from '#test/helpers/app'
import { actorOf, tableCounts } from '#test/helpers/imports-db'
import { csvLine, tempFiles } from '#test/helpers/imports-files'

let t: Awaited<ReturnType<typeof createAccessTestApp>>
const files = tempFiles()
beforeAll(async () => {
  t = await createAccessTestApp()
})
afterAll(async () => {
  await t.close()
  files.cleanup()
})

const HEADER = [
  'Partner ID',
  'Partner Name',
  'TPID',
  'Customer Name',
  'Country',
  'Seats',
  'Workload',
  'Intent Status',
  'Phase',
  'Claimed',
  'Licensed Users',
  'Active Users',
]
const csv = (rows: (string | number)[][], header = HEADER) =>
  [header, ...rows].map((r) => csvLine(r)).join('\r\n')

function run(
  who: keyof typeof t.fx.users,
  content: string,
  opts: { asOf?: string; skipInvalid?: boolean; dryRun?: boolean } = {},
) {
  return importPortfolio(t.database, actorOf(t.fx.users[who]), {
    path: files.write(content),
    asOf: opts.asOf ?? '2026-10-31',
    skipInvalid: opts.skipInvalid ?? false,
    dryRun: opts.dryRun ?? false,
  })
}

async function one<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T> {
  return (await t.database.sql.query<T>(text, params)).rows[0]
}

describe('portfolio import', () => {
  const rows = [
    [
      'N100',
      'Nova Partners',
      '7001',
      'Orbit Bank',
      'France',
      '1,200',
      'Exchange',
      'In progress',
      'Enable',
      'yes',
      '1,000',
      '400',
    ],
    [
      'N100',
      'Nova Partners',
      '7001',
      'Orbit Bank',
      'France',
      '1,200',
      'TEAMS',
      'blocked',
      'assess',
      'no',
      '900',
      '90',
    ],
    ['N100', 'Nova Partners', '7002', 'Comet Foods', '', '', 'SharePoint Online', '', '', '', '', ''],
  ]

  it('adds partners, customers, engagements and snapshots, then finds everything unchanged', async () => {
    const before = await tableCounts(t.database)
    const first = await run('admin', csv(rows))
    expect(first.rejected).toBe(false)
    expect(first.result).toMatchObject({
      imported: { partners: 1, customers: 2, workloads: 3, snapshots: 2 },
      unchanged: 0,
      errors: [],
      errorCount: 0,
      rows: 3,
      dryRun: false,
      asOf: '2026-10-31',
    })
    const after = await tableCounts(t.database)
    expect(after.partners - before.partners).toBe(1)
    expect(after.customers - before.customers).toBe(2)
    expect(after.engagements - before.engagements).toBe(3)
    expect(after.usage_snapshots - before.usage_snapshots).toBe(2)
    expect(
      await one(
        `select c.name, c.country, c.seats, e.intent_status, e.phase, e.claimed, u.licensed_users, u.active_users, u.source, u.as_of::text
         from engagements e join customers c on c.id = e.customer_id join usage_snapshots u on u.customer_id = c.id and u.workload_code = e.workload_code
         where c.tpid = '7001' and e.workload_code = 'EXO'`,
      ),
    ).toEqual({
      name: 'Orbit Bank',
      country: 'France',
      seats: 1200,
      intent_status: 'in_progress',
      phase: 'enable',
      claimed: true,
      licensed_users: 1000,
      active_users: 400,
      source: 'portfolio',
      as_of: '2026-10-31',
    })
    // Defaults for a new engagement without values.
    expect(
      await one(
        `select intent_status, phase, claimed from engagements e join customers c on c.id = e.customer_id where c.tpid = '7002'`,
      ),
    ).toEqual({
      intent_status: 'unknown',
      phase: 'initiate',
      claimed: false,
    })

    const second = await run('admin', csv(rows))
    expect(second.result.imported).toEqual({ partners: 0, customers: 0, workloads: 0, snapshots: 0 })
    expect(second.result.unchanged).toBe(3)
    expect(await tableCounts(t.database)).toEqual(after)
  })

  it('keeps history: a new as-of date adds snapshots, the same date updates them', async () => {
    const next = await run('admin', csv(rows), { asOf: '2026-11-30' })
    expect(next.result.imported).toEqual({ partners: 0, customers: 0, workloads: 0, snapshots: 2 })
    const changed = rows.map((r) => [...r])
    changed[0][10] = '1,100'
    const update = await run('admin', csv(changed), { asOf: '2026-11-30' })
    expect(update.result.imported).toEqual({ partners: 0, customers: 0, workloads: 0, snapshots: 1 })
    expect(update.result.unchanged).toBe(2)
    const history = await t.database.sql.query<{ as_of: string; licensed_users: number }>(
      `select u.as_of::text, u.licensed_users from usage_snapshots u join customers c on c.id = u.customer_id
       where c.tpid = '7001' and u.workload_code = 'EXO' order by u.as_of`,
    )
    expect(history.rows).toEqual([
      { as_of: '2026-10-31', licensed_users: 1000 },
      { as_of: '2026-11-30', licensed_users: 1100 },
    ])
  })

  it('leaves values alone when the file has no column for them (or an empty cell)', async () => {
    const slim = await run(
      'admin',
      csv(
        [['N100', 'Nova Partners', '7001', 'Orbit Bank', 'TEAMS']],
        ['MPN ID', 'Partner', 'Customer TPID', 'Customer', 'Workload'],
      ),
    )
    expect(slim.result.imported).toEqual({ partners: 0, customers: 0, workloads: 0, snapshots: 0 })
    expect(slim.result.unchanged).toBe(1)
    expect(
      await one(
        `select intent_status, phase, c.seats from engagements e join customers c on c.id = e.customer_id where c.tpid = '7001' and workload_code = 'TEAMS'`,
      ),
    ).toEqual({
      intent_status: 'blocked',
      phase: 'assess',
      seats: 1200,
    })
  })

  it('imports nothing when a row is invalid, and lists every problem', async () => {
    const before = await tableCounts(t.database)
    const bad = [
      ['N200', 'Vega', '7101', 'Lyra', 'Spain', '10', 'Exchange', 'In progress', 'Enable', 'yes', '10', '5'],
      ['N200', 'Vega', '7101', 'Lyra', 'Spain', '10', 'Exchnage', 'Stalled', 'Enable', 'maybe', '10', '50'],
      [
        'N200',
        'Vega Ltd',
        '7101',
        'Lyra',
        'Spain',
        '12',
        'Exchange',
        'In progress',
        'Enable',
        'yes',
        '10',
        '5',
      ],
    ]
    const out = await run('admin', csv(bad))
    expect(out.rejected).toBe(true)
    expect(out.result.imported).toEqual({ partners: 0, customers: 0, workloads: 0, snapshots: 0 })
    expect(out.result.errors).toEqual([
      {
        row: 3,
        column: 'Workload',
        value: 'Exchnage',
        message: expect.stringMatching(/^Not a known workload/),
      },
      {
        row: 3,
        column: 'Intent Status',
        value: 'Stalled',
        message: expect.stringMatching(/^Not a known value/),
      },
      { row: 3, column: 'Claimed', value: 'maybe', message: expect.stringMatching(/^Use yes or no/) },
      {
        row: 3,
        column: 'Active Users',
        value: '50',
        message: 'Active users (50) cannot exceed licensed users (10)',
      },
      { row: 4, column: 'Partner Name', value: 'Vega Ltd', message: 'Partner N200 is named "Vega" on row 2' },
      { row: 4, column: 'Seats', value: '12', message: 'TPID 7101 has 10 seats on row 2' },
    ])
    expect(out.result).toMatchObject({ errorCount: 6, invalidRows: 2, rows: 3 })
    expect(await tableCounts(t.database)).toEqual(before)

    const skipped = await run('admin', csv(bad), { skipInvalid: true })
    expect(skipped.rejected).toBe(false)
    expect(skipped.result.imported).toEqual({ partners: 1, customers: 1, workloads: 1, snapshots: 1 })
    expect(skipped.result.errorCount).toBe(6)
  })

  it('finds the same key twice and usage that disagrees between partners', async () => {
    const out = await run(
      'admin',
      csv([
        ['N300', 'Sirius', '7201', 'Rigel', '', '', 'EXO', '', '', '', '5', '1'],
        ['N300', 'Sirius', '7201', 'Rigel', '', '', 'Exchange Online', '', '', '', '5', '1'],
        ['N301', 'Procyon', '7201', 'Rigel', '', '', 'EXO', '', '', '', '6', '1'],
        ['N301', 'Procyon', '7201', 'Rigel', '', '', 'SPO', '', '', '', '', ''],
      ]),
    )
    expect(out.result.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [3, 'Workload', 'Partner N300, TPID 7201 and workload EXO are already on row 2'],
      [
        4,
        'Licensed Users',
        expect.stringMatching(/^TPID 7201 EXO on 2026-10-31 has 5 licensed and 1 active users on row 2/),
      ],
    ])
  })

  it('lets two partners serve one customer workload when their usage agrees (one snapshot)', async () => {
    const out = await run(
      'admin',
      csv([
        ['N400', 'Deneb', '7301', 'Altair', '', '', 'EXO', '', '', '', '5', '1'],
        ['N401', 'Vega Two', '7301', 'Altair', '', '', 'EXO', '', '', '', '5', '1'],
      ]),
    )
    expect(out.result.imported).toEqual({ partners: 2, customers: 1, workloads: 2, snapshots: 1 })
  })

  it('a dry run counts exactly and writes nothing', async () => {
    const before = await tableCounts(t.database)
    const out = await run(
      'admin',
      csv([['N500', 'Mira', '7401', 'Nash', '', '', 'EXO', '', '', '', '5', '1']]),
      { dryRun: true },
    )
    expect(out.result).toMatchObject({
      dryRun: true,
      imported: { partners: 1, customers: 1, workloads: 1, snapshots: 1 },
    })
    expect(await tableCounts(t.database)).toEqual(before)
  })

  it('takes the as-of date from the file when it has the column', async () => {
    const out = await run(
      'admin',
      csv(
        [['N600', 'Castor', '7501', 'Pollux', 'EXO', '5', '1', '2026-06-30']],
        ['Partner ID', 'Partner Name', 'TPID', 'Customer Name', 'Workload', 'Licensed', 'Active', 'As of'],
      ),
    )
    expect(out.result.asOf).toBe('2026-06-30')
    expect(
      await one(
        `select as_of::text from usage_snapshots u join customers c on c.id = u.customer_id where c.tpid = '7501'`,
      ),
    ).toEqual({ as_of: '2026-06-30' })
  })

  it('reads a big file in a worker thread, with the same outcome as in this thread', async () => {
    const lines = ['Partner ID,Partner Name,TPID,Customer Name,Workload,Licensed,Active']
    for (let i = 0; i < 40_000; i++) {
      const bad = i % 4_999 === 5 ? 'Exchnage' : ['EXO', 'SPO', 'TEAMS'][i % 3]
      lines.push(
        `W${i % 7},Worker ${i % 7},${900_000 + Math.floor(i / 3)},Customer ${Math.floor(i / 3)},${bad},10,${i % 11}`,
      )
    }
    const path = files.write(lines.join('\n'))
    const runWith = (reader: 'inline' | 'worker', skipInvalid: boolean) =>
      importPortfolio(t.database, actorOf(t.fx.users.admin), {
        path,
        asOf: '2026-10-31',
        skipInvalid,
        dryRun: true,
        reader,
      })
    const [inline, worker] = [await runWith('inline', false), await runWith('worker', false)]
    expect(worker).toEqual(inline)
    expect(worker.result).toMatchObject({ errorCount: 9, rows: 40_000 })
    const skipped = await runWith('worker', true)
    expect(skipped.result.imported).toEqual({
      partners: 7,
      customers: 13_334,
      workloads: 40_000 - 9,
      snapshots: 40_000 - 9,
    })
  })

  it('reports progress while reading, then the save', async () => {
    const lines = ['Partner ID,Partner Name,TPID,Customer Name,Workload']
    for (let i = 0; i < 30_000; i++) lines.push(`N800,Progress,${800_000 + i},Customer ${i},EXO`)
    const seen: { phase: string; rows: number; fraction: number }[] = []
    await importPortfolio(t.database, actorOf(t.fx.users.admin), {
      path: files.write(lines.join('\n')),
      skipInvalid: false,
      dryRun: true,
      onProgress: (p) => seen.push(p),
    })
    const reading = seen.filter((p) => p.phase === 'reading')
    expect(reading.length).toBeGreaterThan(2)
    expect(reading.some((p) => p.rows > 0 && p.rows < 30_000 && p.fraction > 0 && p.fraction < 1)).toBe(true)
    expect(
      reading.every(
        (p, i) => i === 0 || (p.rows >= reading[i - 1].rows && p.fraction >= reading[i - 1].fraction),
      ),
    ).toBe(true)
    expect(seen.at(-1)).toEqual({ phase: 'saving', rows: 30_000, fraction: 1 })
  })

  it('refuses a file without the required columns, naming them and the headers found', async () => {
    await expect(run('admin', 'Partner,Workload,Notes\nx,EXO,y\n')).rejects.toThrow(
      'The file has no column for: Partner ID, Customer TPID, Customer name. Columns found: "Partner", "Workload", "Notes".',
    )
  })

  it('reads XLSX like CSV', async () => {
    const path = await files.xlsx([
      HEADER,
      ['N700', 'Izar', 7601, 'Alcor', 'Italy', 250, 'Teams', 'In progress', 'Adoption', 'Yes', 200, 150],
    ])
    const out = await importPortfolio(t.database, actorOf(t.fx.users.admin), {
      path,
      asOf: '2026-10-31',
      skipInvalid: false,
      dryRun: false,
    })
    expect(out.result.imported).toEqual({ partners: 1, customers: 1, workloads: 1, snapshots: 1 })
    expect(await one(`select seats, country from customers where tpid = '7601'`)).toEqual({
      seats: 250,
      country: 'Italy',
    })
  })
})

describe('portfolio import access', () => {
  it('refuses SMEs and viewers', async () => {
    for (const who of ['smeA', 'viewer'] as const) {
      await expect(run(who, csv([]))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
  })

  it('an FPM imports their partners only; a new partner becomes theirs, in their region', async () => {
    const out = await run(
      'fpmA1',
      csv([
        ['PA1', 'Alpha One', '1001', 'Customer A1', '', '', 'TEAMS', '', '', '', '', ''],
        ['PA2', 'Alpha Two', '1002', 'Customer A2', '', '', 'EXO', '', '', '', '', ''],
        ['PB1', 'Beta One', '2001', 'Customer B1', '', '', 'EXO', '', '', '', '', ''],
        ['F900', 'Fresh Partner', '8001', 'Fresh Customer', '', '', 'EXO', '', '', '', '', ''],
      ]),
      { skipInvalid: true },
    )
    expect(out.result.errors.map((e) => [e.row, e.column, e.value, e.message])).toEqual([
      [3, 'Partner ID', 'PA2', 'Partner PA2 is not in your portfolio'],
      [4, 'Partner ID', 'PB1', 'Partner PB1 is not in your portfolio'],
    ])
    expect(out.result.imported).toMatchObject({ partners: 1, workloads: 2 })
    expect(await one(`select region_id, fpm_user_id from partners where program_id = 'F900'`)).toEqual({
      region_id: t.fx.regionA.id,
      fpm_user_id: t.fx.users.fpmA1.id,
    })
  })

  it('links an FPM’s partner to another region’s customer without changing that customer', async () => {
    const out = await run(
      'fpmA1',
      csv([['PA1', 'Alpha One', '2001', 'Renamed B1', '', '5', 'SPO', '', '', '', '', '']]),
    )
    expect(out.result.errorCount).toBe(0)
    expect(out.result.imported).toEqual({ partners: 0, customers: 0, workloads: 1, snapshots: 0 })
    expect(await one(`select name, seats from customers where tpid = '2001'`)).toEqual({
      name: 'Customer B1',
      seats: 2000,
    })
  })

  it('a lead imports within their region; new partners go to it', async () => {
    const out = await run(
      'leadA',
      csv(
        [
          ['PA2', 'Alpha Two', '1002', 'Customer A2', 'SPO', '', ''],
          ['L901', 'Lead Partner', '8101', 'Lead Customer', 'EXO', '', 'fpma2@test.example'],
          ['L902', 'Elsewhere', '8102', 'Far Customer', 'EXO', 'Region B', ''],
          ['PB1', 'Beta One', '2001', 'Customer B1', 'EXO', '', ''],
        ],
        ['Partner ID', 'Partner Name', 'TPID', 'Customer Name', 'Workload', 'Region', 'FPM Email'],
      ),
      { skipInvalid: true },
    )
    expect(out.result.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [4, 'Region', 'You can add partners to your own region only'],
      [5, 'Partner ID', 'Partner PB1 is not in your portfolio'],
    ])
    expect(await one(`select region_id, fpm_user_id from partners where program_id = 'L901'`)).toEqual({
      region_id: t.fx.regionA.id,
      fpm_user_id: t.fx.users.fpmA2.id,
    })
  })

  it('an admin places new partners by the Region and FPM e-mail columns', async () => {
    await run(
      'admin',
      csv(
        [['A901', 'Admin Partner', '8201', 'Admin Customer', 'EXO', 'region b', 'fpmb1@test.example']],
        ['Partner ID', 'Partner Name', 'TPID', 'Customer Name', 'Workload', 'Region', 'FPM Email'],
      ),
    )
    expect(await one(`select region_id, fpm_user_id from partners where program_id = 'A901'`)).toEqual({
      region_id: t.fx.regionB.id,
      fpm_user_id: t.fx.users.fpmB1.id,
    })
  })
})
