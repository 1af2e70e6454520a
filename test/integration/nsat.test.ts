import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nsatService } from '#server/modules/nsat/service'
import type { NsatOverview, NsatRollup, PartnerNsat } from '#shared/contracts/nsat'
import { defaultProgramSettings } from '#shared/contracts/settings'
import { quarterOf } from '#shared/domain/cadence'
import { fiscalYearOf } from '#shared/domain/nsat'
import { addDays, addMonths, monthStart, today } from '#shared/domain/periods'
import { createAccessTestApp } from '#test/helpers/app'
import { multipart } from '#test/helpers/imports-multipart'

let t: Awaited<ReturnType<typeof createAccessTestApp>>
const as = (key: string) => `${key.toLowerCase()}@test.example`
async function call(key: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: { cookie: await t.cookieFor(as(key)) } })
}
async function upload(key: string, name: string, content: string | Buffer, dryRun = false) {
  const up = multipart({}, { name, content })
  return t.app.inject({
    method: 'POST',
    url: `/api/nsat/import${dryRun ? '?dryRun=true' : ''}`,
    headers: { ...up.headers, cookie: await t.cookieFor(as(key)) },
    payload: up.payload,
  })
}
const responseCount = async () =>
  (await call('admin', 'GET', '/api/nsat/responses?pageSize=200')).json().total as number

/** Everything happens in the month before this one (always in the past, always within the last 12 months). */
const month = addMonths(monthStart(today()), -1)
const day = (n: number) => addDays(month, n - 1)
const monthKey = month.slice(0, 7)

/**
 * The CSV below, by hand (default mapping: 4-point VSAT = very satisfied, DSAT = somewhat + very dissatisfied;
 * 5-point VSAT = 5, DSAT = 1–2):
 * - A1 partner survey: VS, VS, SS, VD, N.A. → valid 4, vsat 2, dsat 1 → 50 − 25 + 100 = 125 (low n: 4 < 5)
 * - A1 customer survey (customer 1001): 5, 5, 5, 4, 3, 1 → valid 6, vsat 3, dsat 1 → 50 − 16.67 + 100 = 133.3 → 133
 * - A2 (recorded below by fpmA2): customer survey 2, 2, 5 → valid 3, vsat 1, dsat 2 → 33.3 − 66.7 + 100 = 66.7 → 67
 */
const csv = [
  'Partner ID;Partner name;Customer TPID;Respondent;E-mail;Response Date;Answer;Comment;Survey',
  `PA1;Alpha One;;Pat One;pat1@alpha.example;${day(3)};Very satisfied;Great;partner survey`,
  `PA1;;;Pat Two;;${day(3)};very satisfied;;Partner`,
  `pa1;;;Pat Three;pat3@alpha.example;${day(4)};Somewhat satisfied;;partner`,
  `PA1;;;;pat4@alpha.example;${day(5)};Very dissatisfied;"Slow, late";partner`,
  `PA1;;;Pat Five;;${day(5)};N/A;;partner`,
  `PA1;;1001;Cam One;cam1@cust.example;${day(6)};5;;customer survey`,
  `;Alpha One;1001;Cam Two;cam2@cust.example;${day(6)};5;;`,
  `PA1;;1001;Cam Three;cam3@cust.example;${day(7)};5.0;;customer`,
  `PA1;;1001;Cam Four;;${day(7)};4;;customer`,
  `PA1;;1001;Cam Five;;${day(8)};3;;customer`,
  `PA1;;1001;Cam Six;;${day(8)};1;Never again;customer`,
].join('\r\n')

beforeAll(async () => {
  t = await createAccessTestApp()
})
afterAll(async () => {
  await t.close()
})

describe('import', () => {
  it('imports a semicolon CSV all or nothing, and the same file twice adds nothing', async () => {
    const dry = await upload('fpmA1', 'nsat.csv', `\uFEFF${csv}`, true)
    expect(dry.statusCode, dry.body).toBe(200)
    expect(dry.json()).toMatchObject({ dryRun: true, rows: 11, inserted: 11, updated: 0 })
    expect(await responseCount()).toBe(0)

    const first = await upload('fpmA1', 'nsat.csv', `\uFEFF${csv}`)
    expect(first.json()).toEqual({
      dryRun: false,
      rows: 11,
      inserted: 11,
      updated: 0,
      unchanged: 0,
      unknownColumns: [],
    })
    const again = await upload('fpmA1', 'nsat.csv', csv)
    expect(again.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 11 })
    expect(await responseCount()).toBe(11)

    const list = (
      await call('fpmA1', 'GET', `/api/nsat/responses?partnerId=${t.fx.partnerA1.id}&source=customer_survey`)
    ).json()
    expect(list.total).toBe(6)
    expect(list.items[0]).toMatchObject({ customerTpid: '1001', scale: 'cpe5', origin: 'import' })
  })

  it('a changed answer updates the stored response (natural key: respondent, partner, customer, date, source)', async () => {
    const changed = csv.replace(`Cam Six;;${day(8)};1;Never again`, `Cam Six;;${day(8)};2;Better now`)
    const res = await upload('fpmA1', 'nsat.csv', changed)
    expect(res.json()).toMatchObject({ inserted: 0, updated: 1, unchanged: 10 })
    // back to the original answer for the numbers below
    expect((await upload('fpmA1', 'nsat.csv', csv)).json()).toMatchObject({ updated: 1 })
    expect(await responseCount()).toBe(11)
  })

  it('refuses the whole file on any bad row, naming row, column and why', async () => {
    const bad = [
      'Partner ID,Respondent,Date,Answer,Customer TPID,Source',
      `PA1,Ok Person,${day(2)},Very satisfied,,partner`,
      `PA2,Other FPM,${day(2)},Very satisfied,,partner`,
      `PA1,Bad Answer,${day(2)},Delighted,,partner`,
      `PA1,Bad Date,31/02/2026,4,,partner`,
      `PA1,Future,${addDays(today(), 3)},4,,partner`,
      `PA1,No Customer,${day(2)},4,,customer`,
      `PA1,Wrong Customer,${day(2)},4,2001,customer`,
      `PA1,Ok Person,${day(2)},Somewhat satisfied,,partner`,
    ].join('\n')
    const res = await upload('fpmA1', 'bad.csv', bad)
    expect(res.statusCode).toBe(400)
    const issues = res.json().error.issues.map((i: { row: number; column: string }) => `${i.row}:${i.column}`)
    expect(issues).toEqual([
      '3:Partner ID',
      '4:Answer',
      '5:Date',
      '6:Date',
      '7:Customer TPID',
      '8:Customer TPID',
      '9:Date',
    ])
    expect(res.json().error.issues[0].message).toBe('No partner you can edit has this Partner ID')
    expect(res.json().error.issues[6].message).toMatch(/Repeats row 2/)
    expect(await responseCount()).toBe(11)
  })

  it('names the missing columns; viewers and SMEs cannot import', async () => {
    const res = await upload('fpmA1', 'x.csv', 'Partner,Score\nPA1,5\n')
    expect(res.statusCode).toBe(422)
    expect(res.json().error.message).toMatch(/no column for: Respondent name or Respondent e-mail; Date/)
    expect((await upload('viewer', 'nsat.csv', csv)).statusCode).toBe(403)
    expect((await upload('smeA', 'nsat.csv', csv)).statusCode).toBe(403)
  })

  it('reads XLSX with other header spellings (by name: case, spaces and underscores do not matter)', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Responses')
    ws.addRow(['PARTNER_ID', 'respondent name', 'Response_Date', 'Scale', 'Rating', 'tpid', 'Unrelated'])
    ws.addRow(['PA2', 'Dee One', new Date(`${day(9)}T00:00:00Z`), '5-point', 2, '1002', 'x'])
    ws.addRow(['PA2', 'Dee Two', new Date(`${day(9)}T00:00:00Z`), '5-point', 2, '1002', 'x'])
    ws.addRow(['PA2', 'Dee Three', new Date(`${day(10)}T00:00:00Z`), 'CPE', 5, '1002', 'x'])
    const file = join(mkdtempSync(join(tmpdir(), 'nsat-')), 'nsat.xlsx')
    await wb.xlsx.writeFile(file)
    const { readFileSync } = await import('node:fs')
    const buffer = readFileSync(file)
    // fpmA1 may not write A2's rows; fpmA2 may.
    const refused = await upload('fpmA1', 'nsat.xlsx', buffer)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.issues).toHaveLength(3)
    const res = await upload('fpmA2', 'nsat.xlsx', buffer)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ rows: 3, inserted: 3, unknownColumns: ['Unrelated'] })
    writeFileSync(file, '')
  })
})

describe('record one response', () => {
  const body = {
    respondentName: 'Form Person',
    respondedOn: day(11),
    source: 'partner_survey',
    scale: 'msit4',
    answer: 'very_satisfied',
  }

  it('validates next to the field', async () => {
    const url = `/api/partners/${t.fx.partnerA1.id}/nsat/responses`
    const cases: [object, string][] = [
      [{ ...body, answer: '5' }, 'answer'],
      [{ ...body, respondentName: '' }, 'respondentName'],
      [{ ...body, source: 'customer_survey' }, 'customerId'],
      [{ ...body, respondentEmail: 'not-an-email' }, 'respondentEmail'],
      [{ ...body, respondedOn: addDays(today(), 1) }, 'respondedOn'],
      [{ ...body, source: 'customer_survey', customerId: t.fx.customerB1.id }, 'customerId'],
    ]
    for (const [payload, field] of cases) {
      const res = await call('fpmA1', 'POST', url, payload)
      expect(res.statusCode, JSON.stringify(payload)).toBe(400)
      expect(res.json().error.issues.map((i: { path: string[] }) => i.path.join('.'))).toContain(field)
    }
  })

  it('records on an own partner; the same answer twice is a conflict; others 404, read-only roles 403', async () => {
    const url = `/api/partners/${t.fx.partnerB1.id}/nsat/responses`
    const ok = await call('fpmB1', 'POST', url, { ...body, respondentEmail: 'form@beta.example' })
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json()).toMatchObject({ partnerName: 'Beta One', origin: 'form', answer: 'very_satisfied' })
    expect(
      (await call('fpmB1', 'POST', url, { ...body, respondentEmail: 'FORM@beta.example' })).statusCode,
    ).toBe(409)
    expect((await call('fpmA1', 'POST', url, body)).statusCode).toBe(404)
    expect((await call('viewer', 'POST', url, body)).statusCode).toBe(403)
  })
})

describe('overview, trend and the rollup seam', () => {
  const group = (list: NsatRollup[], name: string) => list.find((g) => g.name === name)!

  it('NSAT per partner, FPM and region from summed counts, with low n and target', async () => {
    const res = await call('admin', 'GET', `/api/nsat?period=${monthKey}`)
    expect(res.statusCode, res.body).toBe(200)
    const o: NsatOverview = res.json()
    const a1 = o.partners.find((p) => p.partnerId === t.fx.partnerA1.id)!
    expect(a1.partner).toEqual({ valid: 4, vsat: 2, dsat: 1, nsat: 125, lowN: true, onTarget: true })
    expect(a1.customer).toEqual({ valid: 6, vsat: 3, dsat: 1, nsat: 133, lowN: false, onTarget: true })
    const a2 = o.partners.find((p) => p.partnerId === t.fx.partnerA2.id)!
    expect(a2.customer).toMatchObject({ valid: 3, nsat: 67, lowN: true, onTarget: false })
    // Region A customers: A1 6 (3 VSAT, 1 DSAT) + A2 3 (1 VSAT, 2 DSAT) = 9, 4, 3 → 44.4 − 33.3 + 100 = 111
    expect(group(o.byRegion, 'Region A').customer).toMatchObject({
      valid: 9,
      vsat: 4,
      dsat: 3,
      nsat: 111,
      lowN: false,
    })
    expect(group(o.byFpm, 'fpmA1').customer.nsat).toBe(133)
    // B1: one partner survey (the form) → 200
    expect(o.totals.partner).toMatchObject({ valid: 5, vsat: 3, dsat: 1, nsat: 140 })
    const q = o.trend.find((p) => p.key === quarterOf(month))!
    expect(q.customer).toMatchObject({ valid: 9, vsat: 4, dsat: 3 })
    expect(o.trend).toHaveLength(4)
  })

  it('each role sees its partners only; the FY default covers the month', async () => {
    const lead: NsatOverview = (await call('leadA', 'GET', `/api/nsat?period=${fiscalYearOf(month)}`)).json()
    expect(lead.partners.map((p) => p.name).sort()).toEqual(['Alpha One', 'Alpha Two'])
    expect(lead.totals.customer.valid).toBe(9)
    const fpm: NsatOverview = (
      await call('fpmA1', 'GET', `/api/nsat?period=${monthKey}&regionId=${t.fx.partnerA1.regionId}`)
    ).json()
    expect(fpm.partners.map((p) => p.name)).toEqual(['Alpha One'])
    expect((await call('admin', 'GET', '/api/nsat?period=2026')).statusCode).toBe(400)
    // The current fiscal year by default; its trend ends with this quarter, not with the year's last one.
    const current: NsatOverview = (await call('admin', 'GET', '/api/nsat')).json()
    expect(current.period.key).toBe(fiscalYearOf(today()))
    expect(current.trend.at(-1)!.key).toBe(quarterOf(today()))
  })

  it("the partner's last 12 months and monthly trend; hidden partners 404", async () => {
    const res = await call('smeA', 'GET', `/api/partners/${t.fx.partnerA1.id}/nsat?grain=month`)
    expect(res.statusCode, res.body).toBe(200)
    const p: PartnerNsat = res.json()
    expect(p.current.customer.nsat).toBe(133)
    expect(p.trend).toHaveLength(12)
    expect(p.trend.find((x) => x.key === monthKey)!.partner.nsat).toBe(125)
    expect(p.trend.filter((x) => x.key !== monthKey).every((x) => x.partner.valid === 0)).toBe(true)
    expect((await call('fpmA2', 'GET', `/api/partners/${t.fx.partnerA1.id}/nsat`)).statusCode).toBe(404)
  })

  it('dated settings: a new mapping, target and minimum govern the periods from their date', async () => {
    const values = structuredClone(defaultProgramSettings)
    values.nsat = {
      mapping: { ...values.nsat.mapping, cpe5: { vsat: ['5', '4'], dsat: ['1', '2'] } },
      target: 140,
      minResponses: 3,
    }
    const saved = await call('admin', 'PUT', `/api/settings/${month}`, { values })
    expect(saved.statusCode, saved.body).toBe(200)
    const o: NsatOverview = (await call('admin', 'GET', `/api/nsat?period=${monthKey}`)).json()
    const a1 = o.partners.find((p) => p.partnerId === t.fx.partnerA1.id)!
    // customer: 5,5,5,4 VSAT, 3 neutral, 1 DSAT → 66.7 − 16.7 + 100 = 150
    expect(a1.customer).toEqual({ valid: 6, vsat: 4, dsat: 1, nsat: 150, lowN: false, onTarget: true })
    expect(a1.partner).toMatchObject({ nsat: 125, lowN: false, onTarget: false })
    expect(o.settings).toEqual({ target: 140, minResponses: 3 })
    // The month before still reads the defaults.
    const before = await nsatService(t.database).settingsFor({ from: addMonths(month, -1), to: month })
    expect(before.target).toBe(100)
  })

  it('totalsByPartner: one row per live partner in scope with raw counts', async () => {
    const svc = nsatService(t.database)
    const period = { from: month, to: addMonths(month, 1) }
    const fpm = {
      id: t.fx.users.fpmA1.id,
      role: 'fpm' as const,
      regionId: t.fx.users.fpmA1.regionId,
      email: as('fpmA1'),
    }
    expect(await svc.totalsByPartner(fpm, {}, period)).toEqual([
      {
        partnerId: t.fx.partnerA1.id,
        fpmUserId: t.fx.users.fpmA1.id,
        regionId: t.fx.partnerA1.regionId,
        partnerResponses: { valid: 4, vsat: 2, dsat: 1 },
        customerResponses: { valid: 6, vsat: 4, dsat: 1 },
      },
    ])
    const admin = { id: t.fx.users.admin.id, role: 'admin' as const, regionId: null, email: as('admin') }
    const all = await svc.totalsByPartner(admin, { regionId: t.fx.partnerA1.regionId! }, period)
    expect(all.map((r) => r.partnerId).sort()).toEqual([t.fx.partnerA1.id, t.fx.partnerA2.id].sort())
    const empty = await svc.totalsByPartner(admin, {}, { from: '2020-01-01', to: '2020-02-01' })
    expect(empty.every((r) => r.partnerResponses.valid === 0 && r.customerResponses.valid === 0)).toBe(true)
    expect(empty.length).toBeGreaterThanOrEqual(3)
  })
})
