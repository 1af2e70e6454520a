import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '#db/client'
import { actionItems, customers, escalationEvents, escalations } from '#db/schema/index'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import { ensureReferenceData } from '#server/modules/reference/service'
import { seedDemoIfEmpty } from '#server/seed/demo'
import type { SubjectHealth } from '#shared/contracts/analytics'
import { addDays, addMonths, monthEnd } from '#shared/domain/periods'
import { createTestApp, type TestApp } from '#test/helpers/app'
import { cliDatabase } from '#test/helpers/imports-cli'
import { readXlsx } from '#test/helpers/xlsx'

const PASSWORD = 'trellis-demo'
const FPM = 'fpm@trellis.example'
const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00Z`)

let t: TestApp
let partner: { id: number; programId: string; name: string }
/** The newest month with data (closed: the demo's snapshots end the month before today). */
let month = ''
let period = ''
const tmp = mkdtempSync(join(tmpdir(), 'trellis-mbr-test-'))

beforeAll(async () => {
  t = await createTestApp()
  await seedDemoIfEmpty(t.database)
  await analyticsRefresher(t.database).ensureComputed()
  const q = <T>(text: string, params: unknown[] = []) =>
    t.database.sql.query<T>(text, params).then((r) => r.rows)
  const [p] = await q<{ id: number; programId: string; name: string }>(
    `select p.id, p.program_id as "programId", p.name from partners p join users u on u.id = p.fpm_user_id
     where u.email = $1 order by p.id limit 1`,
    [FPM],
  )
  partner = p!
  const [{ newest }] = (await q<{ newest: string }>(
    'select max(period)::text as newest from partner_health where partner_id = $1',
    [partner.id],
  )) as [{ newest: string }]
  period = newest
  month = newest.slice(0, 7)
  const [{ fpm, admin }] = (await q<{ fpm: number; admin: number }>(
    `select (select id from users where email = $1) as fpm, (select id from users where email = 'admin@trellis.example') as admin`,
    [FPM],
  )) as [{ fpm: number; admin: number }]
  const after = new Date() // after the month: what happened since must not show in its pack
  const raise = async (title: string, severity: string, raisedAt: Date, moves: [string, string, Date][]) => {
    const [x] = await t.database.db
      .insert(escalations)
      .values({
        partnerId: partner.id,
        title,
        severity,
        category: 'technical',
        status: moves.at(-1)?.[1] ?? 'open',
        ownerUserId: fpm,
        raisedBy: fpm,
        raisedAt,
      })
      .returning()
    await t.database.db.insert(escalationEvents).values([
      { escalationId: x!.id, kind: 'raised', toStatus: 'open', userId: fpm, createdAt: raisedAt },
      ...moves.map(([from, to, when]) => ({
        escalationId: x!.id,
        kind: 'status',
        fromStatus: from,
        toStatus: to,
        userId: fpm,
        createdAt: when,
      })),
    ])
  }
  // In progress at the month end (resolved only since): open, past its 24 h SLA.
  await raise('Tenant migration stuck', 'critical', at(addDays(period, 4)), [
    ['open', 'in_progress', at(addDays(period, 5))],
    ['in_progress', 'resolved', after],
  ])
  // Raised and resolved in the month, closed since.
  await raise('Licence assignment gap', 'low', at(addDays(period, 1)), [
    ['open', 'resolved', at(addDays(period, 2))],
    ['resolved', 'closed', after],
  ])
  await raise('Raised after the month', 'high', after, [])
  await t.database.db.insert(actionItems).values([
    {
      partnerId: partner.id,
      title: 'Send the adoption plan',
      ownerUserId: fpm,
      dueOn: addDays(period, 9),
      createdAt: at(addDays(period, 1)),
      status: 'done',
      closedAt: after,
    },
    {
      partnerId: partner.id,
      title: 'Book the Teams workshop',
      ownerUserId: fpm,
      dueOn: addDays(period, 25),
      createdAt: at(addDays(period, 1)),
      status: 'done',
      closedAt: at(addDays(period, 19)),
    },
    { partnerId: partner.id, title: 'Created after the month', ownerUserId: admin, createdAt: after },
  ])
  // A customer name that a spreadsheet would read as a formula.
  await t.database.db
    .update(customers)
    .set({ name: '=HYPERLINK("http://evil.example","x")' })
    .where(eqPrimaryCustomer(partner.id))
})
afterAll(async () => {
  await t?.close()
  rmSync(tmp, { recursive: true, force: true })
})

/** The first customer whose primary partner is the partner. */
const eqPrimaryCustomer = (partnerId: number) =>
  sql`${customers.id} = (select min(id) from customers where primary_partner_id = ${partnerId})`

async function get(url: string, email = FPM) {
  const cookie = await t.cookieFor(email, PASSWORD)
  return t.app.inject({ method: 'GET', url, headers: { cookie } })
}
const mbrUrl = (format = 'pptx', m = month, id = partner.id) =>
  `/api/partners/${id}/mbr?month=${m}&format=${format}`

type Deck = {
  zip: JSZip
  slides: string[]
  /** The chart parts' XML in slide order (pptxgenjs numbers charts with a process-wide counter). */
  charts: string[]
}
async function openDeck(body: Buffer): Promise<Deck> {
  const zip = await JSZip.loadAsync(body)
  const names = Object.keys(zip.files)
  const num = (s: string) => Number(/(\d+)\.xml$/.exec(s)?.[1])
  const slideNames = names
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => num(a) - num(b))
  const slides = await Promise.all(
    slideNames.map(async (n) =>
      [...(await zip.file(n)!.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g)]
        .map((m) => decode(m[1]!))
        .join(' '),
    ),
  )
  const chartNames = names
    .filter((x) => /^ppt\/charts\/chart\d+\.xml$/.test(x))
    .sort((a, b) => num(a) - num(b))
  const charts = await Promise.all(chartNames.map((n) => zip.file(n)!.async('string')))
  return { zip, slides, charts }
}
const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/** Each series of a chart: its name and its cached values. */
function seriesOf(xml: string) {
  return [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => {
    const ser = m[1]!
    const name = decode(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser)![1]!)
    const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(ser)![1]!
    const values = [...val.matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((v) => Number(v[1]))
    return { name, values }
  })
}

async function monthRollup() {
  return (
    await t.database.sql.query<{ code: string; licensed: number; active: number }>(
      `select workload_code as code, licensed::float8 as licensed, active::float8 as active
       from partner_workload_monthly where partner_id = $1 and period = $2::date`,
      [partner.id, period],
    )
  ).rows
}

let first: Deck
let firstBody: Buffer

describe('MBR deck (web download)', () => {
  it('is a PPTX whose slides hold the month’s numbers, checked by unzipping it', async () => {
    const res = await get(mbrUrl())
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('presentationml.presentation')
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="mbr-${partner.programId}-${month}.pptx"`,
    )
    firstBody = res.rawPayload
    first = await openDeck(firstBody)
    const text = first.slides.join('\n')
    expect(first.slides[0]).toContain(partner.name)
    expect(first.slides[0]).toContain(partner.programId)
    // Health: the score and each factor's points as the health explanation of that month gives them.
    const health = (await get(`/api/partners/${partner.id}/health?period=${period}`)).json() as SubjectHealth
    const h = first.slides.find((s) => s.startsWith('KPIs and health'))!
    expect(h).toContain(health.current!.score.toFixed(1))
    for (const f of health.current!.factors) expect(h).toContain(f.points.toFixed(1))
    // Every slide but the title uses the layout with the footer: the month and "data as of".
    const layouts = Object.keys(first.zip.files).filter((n) =>
      /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n),
    )
    let footerLayout = ''
    for (const n of layouts)
      if (
        /MBR [A-Z][a-z]+ \d{4} · data as of \d{4}-\d{2}-\d{2}/.test(await first.zip.file(n)!.async('string'))
      )
        footerLayout = n.replace('ppt/slideLayouts/', '')
    expect(footerLayout).not.toBe('')
    for (let i = 2; i <= first.slides.length; i++) {
      const rels = await first.zip.file(`ppt/slides/_rels/slide${i}.xml.rels`)!.async('string')
      expect(rels).toContain(`slideLayouts/${footerLayout}`)
    }
    // Escalations as they stood at the month end, from their events.
    const esc = first.slides.filter((s) => s.startsWith('Escalations')).join(' ')
    expect(esc).toMatch(
      /At the month end: 1 open \(1 past SLA\) · 2 raised and 1 resolved or closed in the month/,
    )
    expect(esc).toMatch(/Tenant migration stuck .*In progress .*Breached/)
    expect(esc).toMatch(/Licence assignment gap .*Resolved \(this month\)/)
    expect(text).not.toContain('Raised after the month')
    // Action items by their creation and closing dates.
    const act = first.slides.filter((s) => s.startsWith('Action items')).join(' ')
    expect(act).toMatch(/At the month end: 1 open, 1 overdue · 1 done in the month/)
    expect(act).toMatch(/Send the adoption plan .*Overdue/)
    expect(act).toMatch(/Book the Teams workshop .*Done/)
    expect(text).not.toContain('Created after the month')
    expect(first.slides.at(-1)).toMatch(/^Next steps .*Send the adoption plan/)
  })

  it('draws adoption as native charts with the month’s values', async () => {
    const rollup = await monthRollup()
    expect(rollup.length).toBeGreaterThan(0)
    const xmls = first.charts
    expect(xmls.length).toBe(2)
    const bar = xmls.find((x) => x.includes('<c:barChart>'))!
    const line = xmls.find((x) => x.includes('<c:lineChart>'))!
    expect(bar).toBeDefined()
    expect(line).toBeDefined()
    const bars = Object.fromEntries(seriesOf(bar).map((s) => [s.name, [...s.values].sort((a, b) => a - b)]))
    expect(bars['Licensed users']).toEqual(rollup.map((r) => r.licensed).sort((a, b) => a - b))
    expect(bars['Active users']).toEqual(rollup.map((r) => r.active).sort((a, b) => a - b))
    // The last point of each workload's trend is the month's active share.
    const lastPoints = seriesOf(line)
      .map((s) => s.values.at(-1)!)
      .sort((a, b) => a - b)
    expect(lastPoints).toEqual(
      rollup.map((r) => Math.round((r.active / r.licensed) * 10_000) / 10_000).sort((a, b) => a - b),
    )
    // Editable: each chart has its embedded workbook.
    const embedded = Object.keys(first.zip.files).filter((n) => /^ppt\/embeddings\/.+\.xlsx$/.test(n))
    expect(embedded.length).toBe(2)
  })

  it('references only parts that exist (content types and relationships)', async () => {
    const { zip } = first
    const parts = new Set(Object.keys(zip.files).filter((n) => !zip.files[n]!.dir))
    const types = await zip.file('[Content_Types].xml')!.async('string')
    const overrides = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]!)
    expect(overrides.length).toBeGreaterThan(10)
    for (const p of overrides) expect(parts.has(p), `content type of a missing part ${p}`).toBe(true)
    // What PowerPoint repairs in pptxgenjs output: shapes without a text body, a background without effects.
    for (const n of [...parts].filter((x) =>
      /^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(x),
    )) {
      const xml = await zip.file(n)!.async('string')
      for (const sp of xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? []) expect(sp, n).toContain('<p:txBody>')
      expect(xml, n).not.toMatch(/<\/a:solidFill><\/p:bgPr>/)
    }
    for (const rels of [...parts].filter((n) => n.endsWith('.rels'))) {
      const xml = await zip.file(rels)!.async('string')
      const base = rels.replace(/_rels\/[^/]*\.rels$/, '')
      for (const m of xml.matchAll(/<Relationship [^>]*>/g)) {
        if (/TargetMode="External"/.test(m[0])) continue
        const target = /Target="([^"]+)"/.exec(m[0])![1]!
        const path = target.startsWith('/') ? target.slice(1) : normalise(base + target)
        expect(parts.has(path), `${rels} → ${target}`).toBe(true)
      }
    }
  })

  it('opens in LibreOffice Impress: a PDF with one page per slide', { timeout: 180_000 }, async () => {
    const deck = join(tmp, 'deck.pptx')
    writeFileSync(deck, firstBody)
    await new Promise<void>((resolve, reject) =>
      execFile(
        'soffice',
        [
          `-env:UserInstallation=file://${join(tmp, 'lo-profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          tmp,
          deck,
        ],
        { timeout: 170_000 },
        (err, _out, stderr) =>
          err ? reject(new Error(`soffice failed: ${stderr || err.message}`)) : resolve(),
      ),
    )
    const pdf = readFileSync(join(tmp, 'deck.pdf')).toString('latin1')
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? []
    expect(pages.length).toBe(first.slides.length)
  })

  it('has an XLSX appendix with the rows, read by openpyxl; text never becomes a formula', async () => {
    const res = await get(mbrUrl('xlsx'))
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="mbr-${partner.programId}-${month}.xlsx"`,
    )
    const path = join(tmp, 'appendix.xlsx')
    writeFileSync(path, res.rawPayload)
    const sheets = await readXlsx(path)
    expect(Object.keys(sheets)).toEqual([
      'Summary',
      'Customer rows',
      'Health factors',
      'Opportunities',
      'Escalations',
      'Action items',
    ])
    const [{ n }] = (
      await t.database.sql.query<{ n: number }>(
        `select count(*)::int as n from engagements e join customers c on c.id = e.customer_id
         where e.partner_id = $1 and e.archived_at is null and c.archived_at is null`,
        [partner.id],
      )
    ).rows as [{ n: number }]
    const rows = sheets['Customer rows']!.slice(1)
    expect(rows).toHaveLength(n)
    const rollup = await monthRollup()
    const licensed = rows.reduce((s, r) => s + Number(r[7] ?? 0), 0)
    expect(licensed).toBe(rollup.reduce((s, r) => s + r.licensed, 0))
    // A name starting with "=" is a string cell (a formula cell would read as no value here).
    expect(rows.map((r) => r[0])).toContain('=HYPERLINK("http://evil.example","x")')
    expect(sheets.Escalations!.slice(1).map((r) => [r[0], r[4], r[5]])).toEqual([
      ['Licence assignment gap', 'Resolved', 'On track'],
      ['Tenant migration stuck', 'In progress', 'Breached'],
    ])
    expect(sheets['Action items']!.slice(1).map((r) => [r[0], r[4], r[5]])).toEqual([
      ['Send the adoption plan', 'Open', 'yes'],
      ['Book the Teams workshop', 'Done', 'no'],
    ])
    const factors = sheets['Health factors']!.slice(1)
    expect(factors).toHaveLength(5)
    const score = (await get(`/api/partners/${partner.id}/health?period=${period}`)).json() as SubjectHealth
    expect(factors.reduce((s, f) => s + Number(f[3]), 0)).toBeCloseTo(score.current!.score, 6)
  })

  it('gives the same numbers when the past month is built again after today’s data changed', async () => {
    // A late import for the month (its score and rollup are recomputed), a new escalation dated in the
    // month, an edited action item and an opportunity dismissed.
    const [e] = (
      await t.database.sql.query<{ customer_id: number; workload_code: string; licensed: number }>(
        `select e.customer_id, e.workload_code, l.licensed_users as licensed from engagements e
         join lateral (select licensed_users from usage_snapshots s where s.customer_id = e.customer_id
                       and s.workload_code = e.workload_code order by as_of desc limit 1) l on true
         where e.partner_id = $1 and e.archived_at is null order by l.licensed_users desc limit 1`,
        [partner.id],
      )
    ).rows
    await t.database.sql.query(
      `insert into usage_snapshots (customer_id, workload_code, as_of, licensed_users, active_users, source)
       values ($1, $2, $3::date, $4, 0, 'graph_csv')
       on conflict (customer_id, workload_code, as_of, source) do update set active_users = 0`,
      [e!.customer_id, e!.workload_code, monthEnd(period), e!.licensed],
    )
    await analyticsRefresher(t.database).refresh({ periods: [period] })
    const live = (await get(`/api/partners/${partner.id}/health?period=${period}`)).json() as SubjectHealth
    const before = (await get(mbrUrl())).rawPayload
    const h = (await openDeck(before)).slides.find((s) => s.startsWith('KPIs and health'))!
    // The data did change: today's score of the month is not the one the deck shows …
    expect(h).not.toContain(`Health score ${live.current!.score.toFixed(1)}`)
    const [fpm] = (await t.database.sql.query<{ id: number }>(`select id from users where email = $1`, [FPM]))
      .rows
    await t.database.db.insert(escalations).values({
      partnerId: partner.id,
      title: 'Backdated into the month',
      severity: 'high',
      category: 'technical',
      ownerUserId: fpm!.id,
      raisedBy: fpm!.id,
      raisedAt: at(addDays(period, 3)),
    })
    await t.database.sql.query(
      `update action_items set title = 'Renamed since' where title = 'Book the Teams workshop'`,
    )
    // … and the pack built again is the first one, slide for slide and chart for chart.
    const again = await openDeck((await get(mbrUrl())).rawPayload)
    expect(again.slides).toEqual(first.slides)
    expect(again.charts).toEqual(first.charts)
    const viewer = await openDeck((await get(mbrUrl(), 'viewer@trellis.example')).rawPayload)
    expect(viewer.slides).toEqual(first.slides)
    // The month before, built for the first time now, is reconstructed as of its own end.
    const earlier = await openDeck((await get(mbrUrl('pptx', addMonths(period, -1).slice(0, 7)))).rawPayload)
    const text = earlier.slides.join(' ')
    expect(text).not.toContain('Tenant migration stuck')
    expect(text).not.toContain('Backdated into the month')
  })

  it('answers 404 for a partner you may not see, 422 for a month without data, 400 for a bad month', async () => {
    const hidden = await get(mbrUrl(), 'fpm2@trellis.example')
    expect(hidden.statusCode).toBe(404)
    expect(hidden.json().error.code).toBe('NOT_FOUND')
    const empty = await get(mbrUrl('pptx', '2019-01'))
    expect(empty.statusCode).toBe(422)
    expect(empty.json().error).toMatchObject({ code: 'NO_DATA' })
    expect(empty.json().error.message).toContain('no usage snapshot in 2019-01')
    const bad = await get(mbrUrl('pptx', '2026-13'))
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.issues[0].path).toEqual(['month'])
    const format = await get(mbrUrl('pdf'))
    expect(format.statusCode).toBe(400)
    expect(format.json().error.issues[0].path).toEqual(['format'])
  })
})

describe('trellis report mbr (CLI)', () => {
  let cli: Awaited<ReturnType<typeof cliDatabase>>
  let programId = ''
  beforeAll(async () => {
    cli = await cliDatabase()
    const database = await openDatabase({
      databaseUrl: cli.env.DATABASE_URL || undefined,
      dataDir: cli.env.TRELLIS_DATA_DIR!,
      owner: 'mbr test',
    })
    await ensureReferenceData(database)
    await seedDemoIfEmpty(database)
    await analyticsRefresher(database).ensureComputed()
    const { rows } = await database.sql.query<{ programId: string }>(
      `select p.program_id as "programId" from partners p join users u on u.id = p.fpm_user_id
       where u.email = $1 order by p.id limit 1`,
      [FPM],
    )
    programId = rows[0]!.programId
    await database.close()
  })
  afterAll(() => cli?.cleanup())

  it('writes the deck and, next to it, the appendix', async () => {
    const out = join(cli.dir, 'review.pptx')
    const r = await cli.run([
      'report',
      'mbr',
      '--partner',
      programId,
      '--month',
      month,
      '--out',
      out,
      '--json',
      '--as',
      FPM,
    ])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const summary = JSON.parse(r.stdout)
    expect(summary).toMatchObject({
      deck: out,
      appendix: join(cli.dir, 'review.xlsx'),
      partner: programId,
      month,
    })
    const deck = await openDeck(readFileSync(out))
    expect(deck.slides[0]).toContain(programId)
    expect(deck.charts).toHaveLength(2)
    const sheets = await readXlsx(join(cli.dir, 'review.xlsx'))
    expect(sheets.Summary!.find((row) => row[0] === 'Partner ID')?.[1]).toBe(programId)
    const own = join(cli.dir, 'rows.xlsx')
    const r2 = await cli.run([
      'report',
      'mbr',
      '--partner',
      programId,
      '--month',
      month,
      '--out',
      out,
      '--appendix',
      own,
    ])
    expect(r2.code).toBe(0)
    expect(existsSync(own)).toBe(true)
  })

  it('says what is wrong and leaves no file behind', async () => {
    const out = join(cli.dir, 'nope.pptx')
    const unknown = await cli.run(['report', 'mbr', '--partner', 'NOPE', '--month', month, '--out', out])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/No partner with the Partner ID NOPE that you can see/)
    const bad = await cli.run(['report', 'mbr', '--partner', programId, '--month', '2026-13', '--out', out])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--month must be a month like 2026-10 \(got "2026-13"\)/)
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(cli.dir).filter((f) => f.includes('partial'))).toEqual([])
  })
})

function normalise(path: string) {
  const out: string[] = []
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop()
    else if (seg !== '.' && seg !== '') out.push(seg)
  }
  return out.join('/')
}
