import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '#db/client'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import { ensureReferenceData } from '#server/modules/reference/service'
import { seedDemoIfEmpty } from '#server/seed/demo'
import type { SubjectHealth } from '#shared/contracts/analytics'
import type { Dashboard } from '#shared/contracts/dashboards'
import { createTestApp, type TestApp } from '#test/helpers/app'
import { cliDatabase } from '#test/helpers/imports-cli'
import { readXlsx } from '#test/helpers/xlsx'

const PASSWORD = 'trellis-demo'
let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  await seedDemoIfEmpty(t.database)
  await analyticsRefresher(t.database).ensureComputed()
})
afterAll(() => t?.close())

async function download(email: string, query = '') {
  const cookie = await t.cookieFor(email, PASSWORD)
  return t.app.inject({ method: 'GET', url: `/api/reports/portfolio.xlsx${query}`, headers: { cookie } })
}

async function sheetsOf(body: Buffer) {
  const path = join(tmpdir(), `trellis-report-${process.pid}-${Date.now()}.xlsx`)
  writeFileSync(path, body)
  return readXlsx(path)
}

describe('portfolio health review (web download)', () => {
  it('is an XLSX that an independent parser reads, with the numbers the app shows', async () => {
    const res = await download('lead@trellis.example')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="trellis-portfolio-\d{4}-\d{2}\.xlsx"/,
    )
    const sheets = await sheetsOf(res.rawPayload)
    expect(Object.keys(sheets)).toEqual([
      'Summary',
      'Partner health',
      'Customer health',
      'Strengths and weaknesses',
      'Opportunities',
      'Customer rows',
    ])
    const cookie = await t.cookieFor('lead@trellis.example', PASSWORD)
    const dash = (
      await t.app.inject({ method: 'GET', url: '/api/analytics/dashboard', headers: { cookie } })
    ).json() as Dashboard
    const partnerRows = sheets['Partner health']!.slice(1)
    expect(partnerRows).toHaveLength(dash.partners.length)
    // The score of the first partner is the one its explanation shows, and its factor points add up to it.
    const [name, key, , score, band, ...points] = partnerRows[0]!
    const partner = dash.partners.find((p) => p.name === name)!
    const health = (
      await t.app.inject({
        method: 'GET',
        url: `/api/partners/${partner.partnerId}/health`,
        headers: { cookie },
      })
    ).json() as SubjectHealth
    expect(score).toBeCloseTo(health.current!.score, 1)
    expect(String(band).toLowerCase().replace(' ', '_')).toBe(health.current!.band)
    const factorPoints = (points.slice(0, 5) as number[]).reduce((s, x) => s + x, 0)
    expect(factorPoints).toBeCloseTo(health.current!.score, 0)
    expect(key).toMatch(/^P\d+/)
    const summary = Object.fromEntries(sheets.Summary!.filter((r) => r.length >= 2).map((r) => [r[0], r[1]]))
    expect(summary.Partners).toBe(dash.totals.partners)
    expect(summary['Active users']).toBe(dash.totals.active)
    expect(sheets['Customer rows']!.length - 1).toBe(dash.totals.engagements)
    // The open opportunities of the lead's partners, as the Opportunities page counts them, highest first.
    const open = (
      await t.app.inject({ method: 'GET', url: '/api/opportunities?pageSize=1', headers: { cookie } })
    ).json() as { total: number; items: { reason: string }[] }
    expect(open.total).toBeGreaterThan(0)
    expect(summary['Open opportunities (found on the newest data)']).toBe(open.total)
    const listed = sheets.Opportunities!.slice(1)
    expect(listed).toHaveLength(open.total)
    expect(listed.map((r) => r[6])).toContain(open.items[0]!.reason)
  })

  it('covers only the partners the reader may see, and refuses a partner outside their scope', async () => {
    const fpm = await sheetsOf((await download('fpm@trellis.example')).rawPayload)
    const lead = await sheetsOf((await download('lead@trellis.example')).rawPayload)
    const fpmPartners = fpm['Partner health']!.slice(1).map((r) => r[0])
    const leadPartners = lead['Partner health']!.slice(1).map((r) => r[0])
    expect(fpmPartners.length).toBeGreaterThan(0)
    expect(fpmPartners.length).toBeLessThan(leadPartners.length)
    for (const p of fpmPartners) expect(leadPartners).toContain(p)

    const admin = await t.cookieFor('admin@trellis.example', PASSWORD)
    const all = (
      await t.app.inject({ method: 'GET', url: '/api/analytics/dashboard', headers: { cookie: admin } })
    ).json() as Dashboard
    const outside = all.partners.find((p) => !fpmPartners.includes(p.name))!
    const refused = await download('fpm@trellis.example', `?partnerId=${outside.partnerId}`)
    expect(refused.statusCode).toBe(404)
    const own = await download('admin@trellis.example', `?partnerId=${outside.partnerId}`)
    expect((await sheetsOf(own.rawPayload))['Partner health']!.slice(1).map((r) => r[0])).toEqual([
      outside.name,
    ])
  })
})

describe('trellis report portfolio (CLI)', () => {
  let cli: Awaited<ReturnType<typeof cliDatabase>>
  beforeAll(async () => {
    cli = await cliDatabase()
    const database = await openDatabase({
      databaseUrl: cli.env.DATABASE_URL || undefined,
      dataDir: cli.env.TRELLIS_DATA_DIR!,
      owner: 'reports test',
    })
    await ensureReferenceData(database)
    await seedDemoIfEmpty(database)
    await analyticsRefresher(database).ensureComputed()
    await database.close()
  })
  afterAll(() => cli?.cleanup())

  it('writes the review of one partner and one month', async () => {
    const out = join(cli.dir, 'humongous.xlsx')
    const r = await cli.run([
      'report',
      'portfolio',
      '--partner',
      'P100017',
      '--as-of',
      '2026-09',
      '--out',
      out,
      '--json',
      '--as',
      'lead@trellis.example',
    ])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const summary = JSON.parse(r.stdout)
    expect(summary).toMatchObject({ file: out, period: '2026-09-01', partners: 1 })
    const sheets = await readXlsx(out)
    expect(sheets['Partner health']!.slice(1).map((row) => row[1])).toEqual(['P100017'])
    expect(sheets.Summary!.find((row) => row[0] === 'Period')?.[1]).toBe('2026-09')
    expect(sheets['Customer rows']!.slice(1).every((row) => String(row[7]) <= '2026-09-30')).toBe(true)
  })

  it('says what is wrong and leaves no file behind', async () => {
    const out = join(cli.dir, 'nope.xlsx')
    const unknown = await cli.run(['report', 'portfolio', '--partner', 'NOPE', '--out', out])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/No partner with the Partner ID NOPE that you can see/)
    const month = await cli.run(['report', 'portfolio', '--as-of', '2026-13', '--out', out])
    expect(month.code).toBe(2)
    expect(month.stderr).toMatch(/--as-of must be a month like 2026-10/)
    const two = await cli.run([
      'report',
      'portfolio',
      '--partner',
      'P100017',
      '--region',
      'EMEA West',
      '--out',
      out,
    ])
    expect(two.code).toBe(2)
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(cli.dir).filter((f) => f.includes('partial'))).toEqual([])
  })
})
