import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { escalations, insights } from '#db/schema/index'
import { importPortfolio } from '#server/modules/imports/portfolio/importer'
import { scorecardService } from '#server/modules/scorecard/service'
import { startScorecardWarmer } from '#server/modules/scorecard/warmer'
import type { Scorecard } from '#shared/contracts/scorecard'
import { createAccessTestApp } from '#test/helpers/app'
import { actorOf } from '#test/helpers/imports-db'
import { csvLine, tempFiles } from '#test/helpers/imports-files'

/**
 * The scorecard's stored per-partner totals (decision 019): served while no data of the partner changed,
 * recomputed for exactly the partners a write touched, and never different from a fresh computation.
 */
let t: Awaited<ReturnType<typeof createAccessTestApp>>
const files = tempFiles()
const NOW = new Date('2026-11-20T12:00:00Z')
beforeAll(async () => {
  t = await createAccessTestApp()
})
afterAll(async () => {
  await t.close()
  files.cleanup()
})

const admin = () => actorOf(t.fx.users.admin)
const scorecard = (now = NOW) => scorecardService(t.database).scorecard(admin(), { period: '2026-Q4' }, now)
const rows = async <T>(text: string, params: unknown[] = []) =>
  (await t.database.sql.query<T>(text, params)).rows
const versions = async () =>
  new Map(
    (
      await rows<{ partnerId: number; version: number }>(
        'select partner_id as "partnerId", version::int as version from data_versions',
      )
    ).map((r) => [r.partnerId, r.version]),
  )
const stored = async () =>
  new Map(
    (
      await rows<{ partnerId: number; computedAt: string; stamp: string }>(
        `select partner_id as "partnerId", computed_at::text as "computedAt", stamp from scorecard_cache`,
      )
    ).map((r) => [r.partnerId, r]),
  )
/** The scorecard without its request time. */
const body = (s: Scorecard) => ({ ...s, asOf: null })
const insightsOf = (s: Scorecard) => s.total.metrics.insights_spotlights!.current

async function freshScorecard(now = NOW) {
  await rows('delete from scorecard_cache')
  return scorecard(now)
}

describe('scorecard stored totals', () => {
  it('stores every partner in view once, and serves them unchanged', async () => {
    const first = await freshScorecard()
    const cache = await stored()
    const { partnerA1, partnerA2, partnerB1 } = t.fx
    expect([...cache.keys()].sort()).toEqual([partnerA1.id, partnerA2.id, partnerB1.id].sort())
    const second = await scorecard()
    expect(body(second)).toEqual(body(first))
    expect(await stored()).toEqual(cache)
  })

  it('recomputes only the partner whose data changed, and shows the change', async () => {
    const { partnerA1, partnerA2, users } = t.fx
    const before = await scorecard()
    const cache = await stored()
    const v = await versions()
    await t.database.db.insert(insights).values({
      partnerId: partnerA2.id,
      type: 'product',
      title: 'Rooms',
      description: 'Room licences',
      status: 'submitted',
      submittedBy: users.fpmA2.id,
      submittedAt: new Date('2026-11-03T10:00:00Z'),
    })
    const after = await versions()
    expect(after.get(partnerA2.id)).toBe((v.get(partnerA2.id) ?? 0) + 1)
    expect(after.get(partnerA1.id)).toBe(v.get(partnerA1.id))
    expect(after.get(0)).toBe(v.get(0))

    const served = await scorecard()
    expect(insightsOf(served).numerator).toBe(insightsOf(before).numerator + 1)
    const now = await stored()
    expect(now.get(partnerA2.id)!.stamp).not.toBe(cache.get(partnerA2.id)!.stamp)
    expect(now.get(partnerA1.id)).toEqual(cache.get(partnerA1.id))
    expect(body(served)).toEqual(body(await freshScorecard()))
  })

  it('follows rows linked through another table, and bumps everything for catalogue-wide tables', async () => {
    const { partnerB1, users } = t.fx
    const [x] = await t.database.db
      .insert(escalations)
      .values({
        partnerId: partnerB1.id,
        title: 'Tenant issue',
        severity: 'high',
        category: 'technical',
        status: 'open',
        ownerUserId: users.fpmB1.id,
        raisedBy: users.fpmB1.id,
      })
      .returning()
    const v = await versions()
    await rows(
      `insert into escalation_events (escalation_id, user_id, kind, note) values ($1, $2, 'edited', 'x')`,
      [x!.id, users.fpmB1.id],
    )
    const linked = await versions()
    expect(linked.get(partnerB1.id)).toBe(v.get(partnerB1.id)! + 1)
    expect(linked.get(0)).toBe(v.get(0))

    await rows(`update task_definitions set name = name`)
    expect((await versions()).get(0)).toBe((linked.get(0) ?? 0) + 1)
  })

  it('recomputes a partner whose write committed while its totals were being computed', async () => {
    const { partnerA1 } = t.fx
    await freshScorecard()
    // The stamp is read before the totals are computed: a totals row stored under an older stamp is stale.
    await rows(`update scorecard_cache set stamp = stamp || '-old' where partner_id = $1`, [partnerA1.id])
    const before = await stored()
    await scorecard()
    const after = await stored()
    expect(after.get(partnerA1.id)!.stamp).not.toBe(before.get(partnerA1.id)!.stamp)
    expect(after.get(partnerA1.id)!.stamp.endsWith('-old')).toBe(false)
  })

  it('computes anew on another day (some metrics are as of today)', async () => {
    await scorecard()
    const cache = await stored()
    const tomorrow = new Date(NOW.getTime() + 86_400_000)
    await scorecard(tomorrow)
    const keys = await rows<{ key: string }>('select distinct key from scorecard_cache order by key')
    expect(keys.map((k) => k.key.split('|')[1])).toEqual(['2026-11-20', '2026-11-21'])
    expect((await stored()).size).toBe(cache.size)
  })

  it('an import makes every stored total stale', async () => {
    await scorecard()
    const v = await versions()
    const header = [
      'Partner ID',
      'Partner Name',
      'TPID',
      'Customer Name',
      'Workload',
      'Licensed Users',
      'Active Users',
    ]
    const file = files.write(
      [header, ['PA1', 'Alpha One', '1001', 'Customer A1', 'Exchange', 100, 60]]
        .map((r) => csvLine(r))
        .join('\r\n'),
    )
    const result = await importPortfolio(t.database, admin(), {
      path: file,
      asOf: '2026-10-31',
      skipInvalid: false,
      dryRun: false,
    })
    expect(result.result?.errors, JSON.stringify(result)).toEqual([])
    const after = await versions()
    const bumped =
      after.get(0)! > (v.get(0) ?? 0) || after.get(t.fx.partnerA1.id)! > v.get(t.fx.partnerA1.id)!
    expect(bumped).toBe(true)
    const served = await scorecard()
    expect(body(served)).toEqual(body(await freshScorecard()))
  })

  it('the warmer computes every partner ahead of the first reader, as of today', async () => {
    await rows('delete from scorecard_cache')
    const logged: string[] = []
    const log = {
      info: (_: object, msg: string) => logged.push(msg),
      error: (_: object, msg: string) => logged.push(msg),
    }
    const warmer = startScorecardWarmer(t.database, log, { firstMs: 1, everyMs: 60_000 })
    for (let i = 0; i < 200 && (await stored()).size < 3; i++) await new Promise((r) => setTimeout(r, 50))
    await warmer.stop()
    expect(logged.filter((m) => m.includes('failed'))).toEqual([])
    const keys = await rows<{ key: string }>('select distinct key from scorecard_cache')
    expect(keys.map((k) => k.key.split('|')[1])).toEqual([new Date().toISOString().slice(0, 10)])
    expect((await stored()).size).toBe(3)
  })
})
