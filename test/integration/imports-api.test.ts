import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportRecord } from '#shared/contracts/imports'
import { createAccessTestApp } from '#test/helpers/app'
import { tableCounts } from '#test/helpers/imports-db'
import { csvLine } from '#test/helpers/imports-files'
import { expectedCounts, SAMPLE } from '#test/helpers/imports-m365'
import { multipart } from '#test/helpers/imports-multipart'

let t: Awaited<ReturnType<typeof createAccessTestApp>>
beforeAll(async () => {
  t = await createAccessTestApp()
})
afterAll(() => t.close())

const HEADER = [
  'Partner ID',
  'Partner Name',
  'TPID',
  'Customer Name',
  'Workload',
  'Licensed',
  'Active',
  'Notes',
]
const csv = (rows: (string | number)[][]) => [HEADER, ...rows].map((r) => csvLine(r)).join('\n')

async function upload(
  email: string,
  content: string,
  fields: Record<string, string> = {},
  url = '/api/imports/portfolio',
) {
  const cookie = await t.cookieFor(email)
  const body = multipart(fields, { name: 'portfolio.csv', content })
  return t.app.inject({ method: 'POST', url, headers: { cookie, ...body.headers }, payload: body.payload })
}

async function call(email: string, method: 'GET' | 'POST', url: string) {
  return t.app.inject({ method, url, headers: { cookie: await t.cookieFor(email) } })
}

/** Polls an import until it leaves "running", keeping the progress seen on the way. */
async function waitForImport(email: string, id: number) {
  const seen: number[] = []
  for (let i = 0; i < 4000; i++) {
    const rec = (await call(email, 'GET', `/api/imports/${id}`)).json() as ImportRecord
    seen.push(rec.rowsProcessed)
    if (rec.status !== 'running') return { rec, seen }
    await new Promise((r) => setTimeout(r, 5))
  }
  throw new Error('import did not finish')
}

describe('POST /api/imports/portfolio → commit', () => {
  it('previews an upload (dry run, mapping, unknown columns), then imports it in the background', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => [
      'PA1',
      'Alpha One',
      `${9000 + i}`,
      `Customer ${i}`,
      i % 2 ? 'EXO' : 'TEAMS',
      100,
      10,
      'x',
    ])
    const before = await tableCounts(t.database)
    const res = await upload('fpma1@test.example', csv(rows), { asOf: '2026-10-31', skipInvalid: 'false' })
    expect(res.statusCode).toBe(201)
    const preview = res.json() as ImportRecord
    expect(preview).toMatchObject({
      kind: 'portfolio',
      fileName: 'portfolio.csv',
      status: 'previewed',
      rowsTotal: 300,
      unknownColumns: ['Notes'],
      result: {
        dryRun: true,
        rows: 300,
        errorCount: 0,
        imported: { partners: 0, customers: 300, workloads: 300, snapshots: 300 },
      },
    })
    expect(preview.mapping).toContainEqual({ column: 'Active', field: 'active', fieldLabel: 'Active users' })
    expect(preview.mapping).toContainEqual({ column: 'Notes', field: null, fieldLabel: null })
    expect(await tableCounts(t.database)).toEqual(before)

    const commit = await call('fpma1@test.example', 'POST', `/api/imports/${preview.id}/commit`)
    expect(commit.statusCode).toBe(202)
    expect(commit.json()).toMatchObject({ id: preview.id, status: 'running' })
    const { rec } = await waitForImport('fpma1@test.example', preview.id)
    expect(rec).toMatchObject({
      status: 'done',
      rowsProcessed: 300,
      result: { dryRun: false, imported: { customers: 300, workloads: 300, snapshots: 300 } },
    })
    expect(rec.finishedAt).not.toBeNull()
    expect((await tableCounts(t.database)).engagements - before.engagements).toBe(300)

    // Done is done: committing again is a conflict.
    expect((await call('fpma1@test.example', 'POST', `/api/imports/${preview.id}/commit`)).statusCode).toBe(
      409,
    )
  })

  it('shows progress while a big file imports', async () => {
    const total = 20_000
    const lines = [csvLine(HEADER)]
    for (let i = 0; i < total; i++)
      lines.push(
        `PB1,Beta One,${500_000 + Math.floor(i / 4)},Big ${Math.floor(i / 4)},${['EXO', 'SPO', 'OD', 'TEAMS'][i % 4]},10,5,`,
      )
    const preview = (await upload('admin@test.example', lines.join('\n'))).json() as ImportRecord
    expect(preview.rowsTotal).toBe(total)
    await call('admin@test.example', 'POST', `/api/imports/${preview.id}/commit`)
    const { rec, seen } = await waitForImport('admin@test.example', preview.id)
    expect(rec).toMatchObject({ status: 'done', rowsProcessed: total, rowsTotal: total })
    // Polled progress never goes back (how many values we catch depends on the machine's speed).
    expect(seen.every((v, i) => i === 0 || v >= seen[i - 1])).toBe(true)
  })

  it('a file with invalid rows previews its problems and, committed, ends rejected with nothing written', async () => {
    const res = await upload('admin@test.example', csv([['Q1', 'Q', '9901', 'C', 'EXO', 5, 50, '']]))
    const preview = res.json() as ImportRecord
    expect(preview.result?.errors).toEqual([
      {
        row: 2,
        column: 'Active',
        value: '50',
        message: 'Active users (50) cannot exceed licensed users (5)',
      },
    ])
    const before = await tableCounts(t.database)
    await call('admin@test.example', 'POST', `/api/imports/${preview.id}/commit`)
    const { rec } = await waitForImport('admin@test.example', preview.id)
    expect(rec.status).toBe('rejected')
    expect(rec.message).toMatch(/nothing was imported/)
    expect(await tableCounts(t.database)).toEqual(before)
  })

  it('imports the valid rows with skipInvalid', async () => {
    const res = await upload(
      'admin@test.example',
      csv([
        ['Q2', 'Q', '9902', 'C', 'EXO', 5, 50, ''],
        ['Q2', 'Q', '9902', 'C', 'SPO', 5, 1, ''],
      ]),
      { skipInvalid: 'true' },
    )
    const preview = res.json() as ImportRecord
    await call('admin@test.example', 'POST', `/api/imports/${preview.id}/commit`)
    const { rec } = await waitForImport('admin@test.example', preview.id)
    expect(rec).toMatchObject({ status: 'done', result: { errorCount: 1, imported: { workloads: 1 } } })
  })

  it('refuses an unusable file (422) naming the missing columns', async () => {
    const res = await upload('admin@test.example', 'Name,Value\na,1\n')
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toMatchObject({
      code: 'INVALID_FILE',
      message: expect.stringMatching(/^The file has no column for: Partner ID, Partner name/),
    })
  })

  it('validates the fields and the upload', async () => {
    expect((await upload('admin@test.example', csv([]), { asOf: '31/10/2026' })).statusCode).toBe(400)
    const cookie = await t.cookieFor('admin@test.example')
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/imports/portfolio',
      headers: { cookie },
      payload: {},
    })
    expect(json.statusCode).toBe(400)
    expect(json.json().error.message).toMatch(/multipart\/form-data/)
  })
})

describe('imports access', () => {
  it('refuses SMEs and viewers (403) and anonymous callers (401)', async () => {
    for (const email of ['smea@test.example', 'viewer@test.example']) {
      expect((await upload(email, csv([]))).statusCode).toBe(403)
      expect((await call(email, 'GET', '/api/imports')).statusCode).toBe(403)
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/imports' })).statusCode).toBe(401)
  })

  it('lists your own imports; another user’s import answers 404; an admin sees all', async () => {
    const mine = (
      await upload('fpma2@test.example', csv([['PA2', 'Alpha Two', '1002', 'Customer A2', 'SPO', 1, 1, '']]))
    ).json() as ImportRecord
    const list = (await call('fpma2@test.example', 'GET', '/api/imports')).json() as { items: ImportRecord[] }
    expect(list.items.map((i) => i.id)).toEqual([mine.id])
    expect((await call('fpma1@test.example', 'GET', `/api/imports/${mine.id}`)).statusCode).toBe(404)
    expect((await call('fpma1@test.example', 'POST', `/api/imports/${mine.id}/commit`)).statusCode).toBe(404)
    expect((await call('leada@test.example', 'GET', `/api/imports/${mine.id}`)).statusCode).toBe(404)
    const all = (await call('admin@test.example', 'GET', '/api/imports')).json() as { items: ImportRecord[] }
    expect(all.items.map((i) => i.id)).toContain(mine.id)
  })
})

describe('POST /api/imports/m365-active-users', () => {
  const sample = readFileSync(SAMPLE)

  it('stores the sample report as the customer’s usage, once', async () => {
    const res = await upload(
      'fpma1@test.example',
      sample.toString('utf8'),
      { customer: '1001' },
      '/api/imports/m365-active-users',
    )
    expect(res.statusCode).toBe(200)
    const expected = expectedCounts(sample.toString('utf8'))
    expect(res.json()).toEqual({
      customer: '1001',
      asOf: '2026-09-30',
      workloads: expected,
      unknownColumns: [],
      users: 60,
      changed: 6,
    })
    const stored = await t.database.sql.query<{
      workload_code: string
      licensed_users: number
      active_users: number
    }>(
      `select u.workload_code, u.licensed_users, u.active_users from usage_snapshots u join customers c on c.id = u.customer_id
       where c.tpid = '1001' and u.source = 'graph_csv' and u.as_of = '2026-09-30' order by u.workload_code`,
    )
    expect(stored.rows).toEqual(
      [...expected]
        .sort((a, b) => a.workload.localeCompare(b.workload))
        .map((w) => ({ workload_code: w.workload, licensed_users: w.licensed, active_users: w.active })),
    )
    const again = await upload(
      'fpma1@test.example',
      sample.toString('utf8'),
      { customer: '1001' },
      '/api/imports/m365-active-users',
    )
    expect(again.json().changed).toBe(0)
  })

  it('answers the same 404 for an unknown customer and for one outside your portfolio', async () => {
    for (const customer of ['2001', '424242']) {
      const res = await upload(
        'fpma1@test.example',
        sample.toString('utf8'),
        { customer },
        '/api/imports/m365-active-users',
      )
      expect(res.statusCode).toBe(404)
      expect(res.json().error.message).toBe(`Customer with TPID ${customer} not found`)
    }
  })

  it('refuses a file that is not the report (422) and a missing customer field (400)', async () => {
    const wrong = await upload(
      'admin@test.example',
      'a,b\n1,2\n',
      { customer: '1001' },
      '/api/imports/m365-active-users',
    )
    expect(wrong.statusCode).toBe(422)
    expect(
      (await upload('admin@test.example', sample.toString('utf8'), {}, '/api/imports/m365-active-users'))
        .statusCode,
    ).toBe(400)
  })
})
