import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importPortfolio } from '#server/modules/imports/portfolio/importer'
import { resolveWorkload } from '#shared/domain/workloads'
import { AppError } from '#shared/errors'
import { createAccessTestApp } from '#test/helpers/app'
import { actorOf, tableCounts } from '#test/helpers/imports-db'
import { tempFiles } from '#test/helpers/imports-files'

/**
 * Properties of the portfolio importer on generated input, all on one database:
 * - it never crashes: any input ends in a result or an AppError (a clear message), nothing else;
 * - it never half-writes: a rejected file or an error leaves every table as it was;
 * - a successful import stores exactly the valid rows.
 */
let t: Awaited<ReturnType<typeof createAccessTestApp>>
const files = tempFiles()
beforeAll(async () => {
  t = await createAccessTestApp()
})
afterAll(async () => {
  await t.close()
  files.cleanup()
})

const admin = () => actorOf(t.fx.users.admin)
let runNo = 0

async function attempt(content: Buffer | string, opts: { skipInvalid?: boolean } = {}) {
  try {
    return await importPortfolio(t.database, admin(), {
      path: files.write(content),
      asOf: '2026-10-31',
      skipInvalid: opts.skipInvalid ?? false,
      dryRun: false,
    })
  } catch (err) {
    if (err instanceof AppError) return err
    throw err
  }
}

const HEADER =
  'Partner ID,Partner Name,TPID,Customer Name,Workload,Intent Status,Phase,Claimed,Licensed,Active\n'

describe('portfolio import on arbitrary input', () => {
  it('never crashes and never writes on arbitrary bytes', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 3000 }),
      // Past the header check, garbage rows.
      fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.concat([Buffer.from(HEADER), b])),
      // Looks like a workbook, is not one.
      fc
        .uint8Array({ maxLength: 2000 })
        .map((b) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), b])),
      fc.string({ maxLength: 2000 }).map((s) => HEADER + s),
    )
    await fc.assert(
      fc.asyncProperty(bytes, async (content) => {
        const before = await tableCounts(t.database)
        const out = await attempt(Buffer.from(content))
        const after = await tableCounts(t.database)
        if (out instanceof AppError || out.rejected || out.result.errorCount > 0)
          expect(after).toEqual(before)
      }),
      { numRuns: 40 },
    )
  })

  // A CSV file whose cells are drawn from valid and invalid values, in a random dialect.
  const pick = <T>(...values: T[]) => fc.constantFrom(...values)
  const rowArb = fc.record({
    partner: pick('A', 'B', 'C', ''),
    partnerName: pick('Alpha', 'Alpha', 'Alpha', 'Other'),
    customer: pick('1', '2', '3', '4', ''),
    customerName: pick('Cust', 'Cust', 'Cust', 'Renamed'),
    workload: pick('EXO', 'Teams', 'SharePoint', 'exchange online', 'Yammer', 'bogus', ''),
    intent: pick('', 'In progress', 'blocked', 'NO_INTENT', 'nope'),
    phase: pick('', 'enable', 'Adoption', 'later'),
    claimed: pick('', 'yes', 'N', 'maybe'),
    licensed: pick('', '10', '1,000', '-1', 'abc'),
    active: pick('', '5', '10', '2000'),
  })
  const fileArb = fc.record({
    rows: fc.array(rowArb, { maxLength: 25 }),
    delimiter: pick(',', ';'),
    eol: pick('\n', '\r\n'),
    bom: fc.boolean(),
    upper: fc.boolean(),
    skipInvalid: fc.boolean(),
  })

  it('stores exactly the valid rows of arbitrary CSV, or nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async (f) => {
        const run = ++runNo
        const quote = (s: string) => (/[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
        const ids = f.rows.map((r) => ({
          ...r,
          partner: r.partner && `R${run}${r.partner}`,
          customer: r.customer && `${run}0${r.customer}`,
        }))
        const header = HEADER.trim()
          .split(',')
          .map((h) => (f.upper ? h.toUpperCase().replace(/ /g, '_') : h))
        const lines = [
          header,
          ...ids.map((r) => [
            r.partner,
            r.partnerName,
            r.customer,
            r.customerName,
            r.workload,
            r.intent,
            r.phase,
            r.claimed,
            r.licensed,
            r.active,
          ]),
        ]
        const text =
          (f.bom ? '\ufeff' : '') + lines.map((l) => l.map(quote).join(f.delimiter)).join(f.eol) + f.eol

        const before = await tableCounts(t.database)
        const out = await attempt(text, { skipInvalid: f.skipInvalid })
        const after = await tableCounts(t.database)
        if (out instanceof AppError) {
          // Only an empty file (header only is fine) may be refused as a whole.
          throw new Error(`refused a well-formed file: ${out.message}`)
        }
        expect(out.result.rows).toBe(f.rows.length)
        const badRows = new Set(out.result.errors.map((e) => e.row))
        expect(badRows.size).toBe(out.result.invalidRows)
        if (out.rejected) {
          expect(after).toEqual(before)
          return
        }
        // Every valid row is stored with its values; no invalid row's key was created.
        const stored = await t.database.sql.query<{
          key: string
          intent_status: string
          phase: string
          claimed: boolean
          licensed: number | null
          active: number | null
        }>(
          `select p.program_id || '|' || c.tpid || '|' || e.workload_code as key, e.intent_status, e.phase, e.claimed,
             u.licensed_users as licensed, u.active_users as active
           from engagements e join partners p on p.id = e.partner_id join customers c on c.id = e.customer_id
           left join usage_snapshots u on u.customer_id = c.id and u.workload_code = e.workload_code and u.as_of = '2026-10-31' and u.source = 'portfolio'
           where p.program_id like $1`,
          [`R${run}%`],
        )
        const byKey = new Map(stored.rows.map((r) => [r.key, r]))
        const validKeys = new Set<string>()
        ids.forEach((r, i) => {
          if (badRows.has(i + 2)) return
          const key = `${r.partner}|${r.customer}|${resolveWorkload(r.workload)}`
          validKeys.add(key)
          const row = byKey.get(key)
          expect(row, `row ${i + 2} stored`).toBeDefined()
          if (r.licensed) expect(row?.licensed).toBe(Number(r.licensed.replace(/,/g, '')))
          if (r.claimed) expect(row?.claimed).toBe(r.claimed.toLowerCase().startsWith('y'))
        })
        expect([...byKey.keys()].sort()).toEqual([...validKeys].sort())
        expect(after.engagements - before.engagements).toBe(validKeys.size)
      }),
      { numRuns: 50 },
    )
  })
})
