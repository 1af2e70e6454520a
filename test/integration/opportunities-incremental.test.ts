import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engagements, partnerEndorsements, usageSnapshots } from '#db/schema/index'
import {
  type CustomerRange,
  customerRanges,
  replaceOpportunities,
} from '#server/modules/analytics/opportunities/repository'
import { rebuildOpportunities } from '#server/modules/analytics/opportunities/service'
import type { Opportunity } from '#server/modules/analytics/opportunities/types'
import { buildCurrent } from '#server/modules/analytics/refresh/repository'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import { loadVersions, resolverOf } from '#server/modules/settings/service'
import { addMonths, monthEnd } from '#shared/domain/periods'
import { createAccessTestApp } from '#test/helpers/app'
import { multipart } from '#test/helpers/imports-multipart'

/**
 * A month's refresh reads the usage history from the facts stored at the previous refresh plus the
 * snapshots dated after them (refresh/usage-history.ts). These tests pin that the incremental path gives
 * exactly what a recompute from the whole history gives: the stored facts, the opportunities found and the
 * scores (whose newest and previous-month snapshots come from the same facts).
 */
let t: Awaited<ReturnType<typeof createAccessTestApp>>
const q = async <T>(text: string, params: unknown[] = []) =>
  (await t.database.sql.query<T>(text, params)).rows

// Eight months of history ending with the fixture's newest month (its snapshots are dated 2026-09-30 and -10-31).
const LAST = '2026-10-01'
const MONTHS = Array.from({ length: 8 }, (_, i) => addMonths(LAST, i - 7))
const NEXT = addMonths(LAST, 1)

/** A small deterministic generator: the same history on every run and on both databases. */
function series(seed: number) {
  let x = seed
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648
    return x / 2147483648
  }
}

const opportunities = () =>
  q<Record<string, unknown>>(
    `select rule, engagement_id, partner_id, customer_id, workload_code, value, reason, evidence, period::text
     from opportunities order by rule, engagement_id`,
  )
const facts = () =>
  q<Record<string, unknown>>(
    `select customer_id, workload_code, through::text, success_share, peak, last_below::text, share_since::text,
            latest_on::text, latest_licensed, latest_active, prior_licensed, prior_active
     from usage_history_facts order by customer_id, workload_code`,
  )

/** The facts straight from their definition, over every snapshot up to `end` (the oracle). */
const factsByDefinition = (end: string, share: number) =>
  q<Record<string, unknown>>(
    `with lb as (
       select customer_id, workload_code, max(active_users) as peak,
              max(as_of) filter (where licensed_users = 0 or active_users < $2::float8 * licensed_users) as last_below
       from usage_snapshots where as_of <= $1::date group by 1, 2
     )
     select customer_id, workload_code, $1::date::text as through, $2::float8 as success_share, peak,
            last_below::text,
            (select min(s.as_of) from usage_snapshots s where s.customer_id = lb.customer_id
               and s.workload_code = lb.workload_code and s.as_of > coalesce(lb.last_below, '-infinity'::date)
               and s.as_of <= $1::date)::text as share_since,
            l.as_of::text as latest_on, l.licensed_users as latest_licensed, l.active_users as latest_active,
            p.licensed_users as prior_licensed, p.active_users as prior_active
     from lb
     left join lateral (
       select s.as_of, s.licensed_users, s.active_users from usage_snapshots s
       where s.customer_id = lb.customer_id and s.workload_code = lb.workload_code and s.as_of <= $1::date
       order by s.as_of desc, (s.source = 'graph_csv') desc, s.source desc limit 1
     ) l on true
     left join lateral (
       select s.licensed_users, s.active_users from usage_snapshots s
       where s.customer_id = lb.customer_id and s.workload_code = lb.workload_code
         and s.as_of < date_trunc('month', l.as_of)
       order by s.as_of desc, (s.source = 'graph_csv') desc, s.source desc limit 1
     ) p on true
     where (customer_id, workload_code) in (select customer_id, workload_code from engagements)
     order by customer_id, workload_code`,
    [end, share],
  )

/** Every stored score of every period, with the inputs the refresh read (latest and prior snapshots among them). */
const scores = () =>
  q<Record<string, unknown>>(
    `select 'customer' as kind, customer_id as id, period::text, score, band, inputs from customer_health
     union all select 'partner', partner_id, period::text, score, band, inputs from partner_health
     order by 1, 2, 3`,
  )

/** What a refresh leaves: the stored facts, the opportunities found and the scores. */
const state = async () => ({
  facts: await facts(),
  opportunities: await opportunities(),
  scores: await scores(),
})

/** The same period recomputed from the whole history: no stored facts. */
async function fromScratch(period: string) {
  await q('delete from usage_history_facts')
  await analyticsRefresher(t.database).refresh({ periods: [period] })
  return state()
}

beforeAll(async () => {
  t = await createAccessTestApp()
  const { db } = t.database
  const { customerA1, customerA2, customerB1, partnerA1, partnerA2, partnerB1 } = t.fx
  await db.insert(engagements).values([
    {
      partnerId: partnerA1.id,
      customerId: customerA1.id,
      workloadCode: 'TEAMS',
      intentStatus: 'in_progress',
    },
    { partnerId: partnerA1.id, customerId: customerA1.id, workloadCode: 'SPO', intentStatus: 'in_progress' },
    { partnerId: partnerB1.id, customerId: customerB1.id, workloadCode: 'EXO', intentStatus: 'in_progress' },
    { partnerId: partnerA2.id, customerId: customerB1.id, workloadCode: 'SPO', intentStatus: 'in_progress' },
  ])
  await db
    .insert(partnerEndorsements)
    .values(
      [partnerA1, partnerB1, partnerA2].flatMap((p) =>
        ['EXO', 'TEAMS', 'SPO'].map((workloadCode) => ({ partnerId: p.id, workloadCode })),
      ),
    )
  // Monthly snapshots with rises, dips below the 10 % success-review share and a graph_csv twin now and
  // then (the fixture already has A1 × EXO's portfolio rows of the last two months).
  const rows = []
  let seed = 7
  for (const [customer, workload] of [
    [customerA1, 'EXO'],
    [customerA1, 'TEAMS'],
    [customerA1, 'SPO'],
    [customerB1, 'SPO'],
    [customerB1, 'EXO'],
    [customerA2, 'TEAMS'],
  ] as const) {
    const next = series(seed++)
    for (const [i, month] of MONTHS.entries()) {
      const licensed = 1000
      const active = Math.round(next() * 300)
      const graph = next() < 0.3
      const fixture = customer.id === customerA1.id && workload === 'EXO' && i >= MONTHS.length - 2
      if (!fixture)
        rows.push({
          customerId: customer.id,
          workloadCode: workload,
          asOf: monthEnd(month),
          licensedUsers: licensed,
          activeUsers: active,
          source: 'portfolio',
        })
      if (graph || fixture)
        rows.push({
          customerId: customer.id,
          workloadCode: workload,
          asOf: monthEnd(month),
          licensedUsers: licensed,
          activeUsers: Math.round(next() * 300),
          source: 'graph_csv',
        })
    }
  }
  await db.insert(usageSnapshots).values(rows)
})
afterAll(() => t.close())

describe('usage history facts kept incremental', () => {
  it('months refreshed one by one give the facts and opportunities of a recompute from the whole history', async () => {
    for (const month of MONTHS) {
      await analyticsRefresher(t.database).refresh({ periods: [month] })
      // Each refresh leaves the facts through its month's end, as their definition over the history says.
      expect(await facts()).toEqual(await factsByDefinition(monthEnd(month), 0.1))
    }
    const incremental = await state()
    expect(incremental.facts.length).toBeGreaterThanOrEqual(6)
    expect(incremental.opportunities.length).toBeGreaterThan(0)
    expect(await fromScratch(LAST)).toEqual(incremental)
  })

  it('a refresh months after the stored facts reads every month between them (the trend from the window)', async () => {
    await fromScratch(MONTHS[2]!)
    expect((await facts()).every((f) => f.through === monthEnd(MONTHS[2]!))).toBe(true)
    await analyticsRefresher(t.database).refresh({ periods: [LAST] })
    const incremental = await state()
    expect(incremental.facts).toEqual(await factsByDefinition(monthEnd(LAST), 0.1))
    expect(incremental.facts.some((f) => f.prior_licensed !== null)).toBe(true)
    expect(await fromScratch(LAST)).toEqual(incremental)
  })

  it("a new month's snapshots keep the stored facts; the refresh reads on from them", async () => {
    await analyticsRefresher(t.database).refresh({ periods: [LAST] })
    const before = await facts()
    const { customerA1, customerB1 } = t.fx
    await t.database.db.insert(usageSnapshots).values([
      {
        customerId: customerA1.id,
        workloadCode: 'TEAMS',
        asOf: monthEnd(NEXT),
        licensedUsers: 1000,
        activeUsers: 999,
        source: 'portfolio',
      },
      {
        customerId: customerB1.id,
        workloadCode: 'SPO',
        asOf: monthEnd(NEXT),
        licensedUsers: 1000,
        activeUsers: 3,
        source: 'portfolio',
      },
    ])
    expect(await facts()).toEqual(before)
    await analyticsRefresher(t.database).refresh({ periods: [NEXT] })
    const incremental = await state()
    expect(incremental.facts).toEqual(await factsByDefinition(monthEnd(NEXT), 0.1))
    const a1Teams = incremental.facts.find(
      (f) => f.customer_id === customerA1.id && f.workload_code === 'TEAMS',
    )
    expect(a1Teams).toMatchObject({ peak: 999, through: monthEnd(NEXT) })
    expect(await fromScratch(NEXT)).toEqual(incremental)
  })

  it('a snapshot rewritten before the facts’ date drops that customer × workload’s facts only, and the refresh recomputes them', async () => {
    await analyticsRefresher(t.database).refresh({ periods: [NEXT] })
    const before = await facts()
    const { customerB1 } = t.fx
    // An old month of B1 × EXO now has the highest usage ever seen: its high-water mark changes.
    await q(
      `update usage_snapshots set active_users = 950 where customer_id = $1 and workload_code = 'EXO' and as_of = $2::date`,
      [customerB1.id, monthEnd(MONTHS[2]!)],
    )
    const after = await facts()
    expect(after).toEqual(
      before.filter((f) => !(f.customer_id === customerB1.id && f.workload_code === 'EXO')),
    )
    await analyticsRefresher(t.database).refresh({ periods: [NEXT] })
    const incremental = await state()
    expect(
      incremental.facts.find((f) => f.customer_id === customerB1.id && f.workload_code === 'EXO'),
    ).toMatchObject({
      peak: 950,
    })
    expect(incremental.facts).toEqual(await factsByDefinition(monthEnd(NEXT), 0.1))
    expect(await fromScratch(NEXT)).toEqual(incremental)
  })

  it('an import correcting an old month drops the facts it touched (the importer skips ordinary triggers)', async () => {
    await analyticsRefresher(t.database).refresh({ periods: [NEXT] })
    const { customerA1 } = t.fx
    const month = monthEnd(MONTHS[3]!)
    const csv = [
      'Partner ID,Partner Name,TPID,Customer Name,Seats,Workload,Intent,Claimed,Licensed,Active,As Of',
      `PA1,Alpha One,1001,Customer A1,500,TEAMS,in_progress,false,1000,990,${month}`,
    ].join('\n')
    const up = multipart({}, { name: 'p.csv', content: csv })
    const cookie = await t.cookieFor('fpma1@test.example')
    const preview = await t.app.inject({
      method: 'POST',
      url: '/api/imports/portfolio',
      payload: up.payload,
      headers: { ...up.headers, cookie },
    })
    expect(preview.statusCode).toBe(201)
    const id = preview.json().id
    const commit = await t.app.inject({
      method: 'POST',
      url: `/api/imports/${id}/commit`,
      headers: { cookie },
    })
    expect(commit.statusCode).toBe(202)
    for (let i = 0; i < 2000; i++) {
      const rec = (
        await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie } })
      ).json()
      if (rec.status !== 'running') {
        expect(rec.status).toBe('done')
        break
      }
      await new Promise((r) => setTimeout(r, 10))
    }
    const [snapshot] = await q<{ active: number }>(
      `select active_users as active from usage_snapshots
       where customer_id = $1 and workload_code = 'TEAMS' and as_of = $2::date and source = 'portfolio'`,
      [customerA1.id, month],
    )
    expect(snapshot?.active).toBe(990)
    await analyticsRefresher(t.database).refresh({ periods: [NEXT] })
    const incremental = await state()
    expect(incremental.facts).toEqual(await factsByDefinition(monthEnd(NEXT), 0.1))
    expect(await fromScratch(NEXT)).toEqual(incremental)
  })

  it('an edit refreshes only its partners and keeps their facts in step', async () => {
    const { partnerB1, customerB1 } = t.fx
    await q('delete from usage_history_facts where customer_id = $1', [customerB1.id])
    await analyticsRefresher(t.database).refresh({ latestOnly: true, partnerIds: [partnerB1.id] })
    const incremental = await state()
    expect(incremental.facts).toEqual(await factsByDefinition(monthEnd(NEXT), 0.1))
    expect(await fromScratch(NEXT)).toEqual(incremental)
  })
})

describe('storing what a whole refresh found', () => {
  const stored = () =>
    q<Record<string, unknown>>(
      `select id, rule, engagement_id, partner_id, customer_id, workload_code, value, reason, evidence, period::text,
              found_at from opportunities order by id`,
    )
  /** What `found` leaves in the table (rolled back after): rewritten (a month's import) or merged (a few changes). */
  async function replaced(found: Opportunity[], how: 'rewrite' | 'merge') {
    let after: Record<string, unknown>[] = []
    await t.database
      .transaction(async (tx) => {
        await replaceOpportunities(tx, NEXT, found, null, how)
        after = (
          await tx.query<Record<string, unknown>>(
            `select id, rule, engagement_id, partner_id, customer_id, workload_code, value, reason, evidence, period::text,
                  found_at from opportunities order by rule, engagement_id`,
          )
        ).rows
        throw new Error('roll back')
      })
      .catch((e: Error) => expect(e.message).toBe('roll back'))
    return after
  }

  it('rewriting the table keeps what merging keeps: ids, found_at, values; drops what is no longer found', async () => {
    const rows = await stored()
    expect(rows.length).toBeGreaterThanOrEqual(3)
    const found: Opportunity[] = rows.slice(1).map((r, i) => ({
      rule: r.rule as string,
      engagementId: r.engagement_id as number,
      partnerId: r.partner_id as number,
      customerId: r.customer_id as number,
      workloadCode: r.workload_code as string | null,
      value: i === 0 ? (r.value as number) + 1 : (r.value as number),
      reason: i === 1 ? 'Changed reason' : (r.reason as string),
      evidence: r.evidence as Opportunity['evidence'],
    }))
    const rewritten = await replaced(found, 'rewrite')
    const merged = await replaced(found, 'merge')
    expect(rewritten).toEqual(merged)
    expect(rewritten).toHaveLength(rows.length - 1)
    expect(rewritten.find((r) => r.id === rows[0]!.id)).toBeUndefined()
    expect(rewritten.find((r) => r.id === rows[1]!.id)).toMatchObject({
      value: (rows[1]!.value as number) + 1,
      found_at: rows[1]!.found_at,
    })
    // A new finding gets a fresh id and today's found_at on both paths.
    const extra = { ...found[0]!, rule: 'stalled', value: 5, reason: 'New', evidence: { days: 5 } }
    const [a, b] = [await replaced([...found, extra], 'rewrite'), await replaced([...found, extra], 'merge')]
    const strip = (xs: Record<string, unknown>[]) => xs.map(({ id, found_at, ...r }) => r)
    expect(strip(a)).toEqual(strip(b))
    expect(a.filter((r) => !rows.some((o) => o.id === r.id))).toHaveLength(1)
  })

  it('keeps tabs, line breaks, backslashes and quotes of a reason and its evidence as they were', async () => {
    const [row] = await stored()
    const awkward = 'Tab\there, line\nbreak, back\\slash \\N, "quoted", \r end'
    const found: Opportunity[] = [
      {
        rule: row!.rule as string,
        engagementId: row!.engagement_id as number,
        partnerId: row!.partner_id as number,
        customerId: row!.customer_id as number,
        workloadCode: null,
        value: 1.25,
        reason: awkward,
        evidence: { note: awkward, n: 3, flag: true, none: null },
      },
    ]
    for (const how of ['rewrite', 'merge'] as const) {
      const [after] = await replaced(found, how)
      expect(after).toMatchObject({ reason: awkward, workload_code: null, value: 1.25 })
      expect(after!.evidence).toEqual({ note: awkward, n: 3, flag: true, none: null })
    }
  })

  it('finds the same opportunities when the facts are read in chunks of customers', async () => {
    const { partnerA1 } = t.fx
    const ranges = async (size: number) => {
      let out: CustomerRange[] = []
      await t.database
        .transaction(async (tx) => {
          await tx.query(`create temp table analytics_cur on commit drop as
            select e.customer_id from engagements e where e.archived_at is null`)
          out = await customerRanges(tx, size)
          throw new Error('roll back')
        })
        .catch((e: Error) => expect(e.message).toBe('roll back'))
      return out
    }
    // Every customer falls in exactly one range, in order; a customer's engagements are never split.
    const one = await ranges(1)
    const customers = (
      await q<{ id: number }>('select distinct customer_id as id from engagements order by 1')
    ).map((r) => r.id)
    expect(one).toHaveLength(customers.length)
    for (const id of customers)
      expect(
        one.filter((r) => (r.from === null || id >= r.from) && (r.to === null || id < r.to)),
      ).toHaveLength(1)
    expect(await ranges(1_000_000)).toEqual([{ from: null, to: null }])

    await analyticsRefresher(t.database).refresh({ periods: [NEXT] })
    const whole = await opportunities()
    const settings = resolverOf(await loadVersions(t.database))(NEXT).values
    // The refresh's tables for the period, then the rules over chunks of one customer each.
    const chunked = await t.database.transaction(async (tx) => {
      await buildCurrent(tx, monthEnd(NEXT), settings.program, null, (_n, work) => work())
      const n = await rebuildOpportunities(tx, NEXT, settings, null, { chunk: 1 })
      return n
    })
    expect(chunked).toBe(whole.length)
    expect(await opportunities()).toEqual(whole)
    expect(whole.some((o) => o.partner_id === partnerA1.id)).toBe(true)
  })
})
