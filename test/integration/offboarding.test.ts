import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import type { OffboardingOverview, PartnerOffboarding } from '#shared/contracts/offboarding'
import { createAccessTestApp } from '#test/helpers/app'

let t: Awaited<ReturnType<typeof createAccessTestApp>>
const as = (key: string) => `${key.toLowerCase()}@test.example`
async function call(key: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: { cookie: await t.cookieFor(as(key)) } })
}
async function ok<T>(key: string, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
  const res = await call(key, method, url, payload)
  expect(res.statusCode, res.body).toBeLessThan(300)
  return res.json()
}
const partnerStatus = async (id: number) =>
  (await t.database.sql.query<{ status: string }>('select status from partners where id = $1', [id])).rows[0]!
    .status

/**
 * By hand: the newest rollup month is 2026-10 (A1's snapshot). With the default six months, the usage rule
 * compares each partner's 2026-10 with its 2026-04:
 * - A2 (TEAMS): 50 active in April, 40 in October → flagged (−10).
 * - B1 (SPO): 30 in April, 90 in October → grew, not flagged.
 * - A1 (EXO): data only from September → too new to judge, not flagged.
 * No partner has a meeting series, so every live partner has no business rhythm.
 */
beforeAll(async () => {
  t = await createAccessTestApp()
  const { customerA2, customerB1 } = t.fx
  for (const [customer, workload, asOf, licensed, active] of [
    [customerA2.id, 'TEAMS', '2026-04-30', 100, 50],
    [customerA2.id, 'TEAMS', '2026-10-31', 100, 40],
    [customerB1.id, 'SPO', '2026-04-30', 300, 30],
    [customerB1.id, 'SPO', '2026-10-31', 300, 90],
  ] as const)
    await t.database.sql.query(
      `insert into usage_snapshots (customer_id, workload_code, as_of, licensed_users, active_users, source)
       values ($1, $2, $3, $4, $5, 'portfolio')`,
      [customer, workload, asOf, licensed, active],
    )
  await analyticsRefresher(t.database).refresh()
})
afterAll(() => t.close())

describe('offboarding flags', () => {
  it('flags the partners not progressing, each rule with its evidence', async () => {
    const o = await ok<OffboardingOverview>('admin', 'GET', '/api/offboarding')
    const byName = new Map(o.partners.map((p) => [p.partnerId, p]))
    const a2 = byName.get(t.fx.partnerA2.id)!
    expect(a2.flags.map((f) => f.rule)).toEqual(['no_usage_growth', 'no_business_rhythm'])
    expect(a2.flags[0]).toMatchObject({
      label: 'No usage growth',
      facts: { fromMonth: '2026-04', fromActive: 50, toMonth: '2026-10', toActive: 40, change: -10 },
    })
    expect(a2.flags[0]!.evidence).toContain('40 active users in 2026-10 against 50 in 2026-04')
    expect(a2.flags[1]!.evidence).toContain('No active ROB or MBR series')
    expect(byName.get(t.fx.partnerB1.id)!.flags.map((f) => f.rule)).toEqual(['no_business_rhythm'])
    expect(byName.get(t.fx.partnerA1.id)!.flags.map((f) => f.rule)).toEqual(['no_business_rhythm'])
    // Most flags first; the checked count is every live partner in scope.
    expect(o.partners[0]!.partnerId).toBe(t.fx.partnerA2.id)
    expect(o.checked).toBeGreaterThanOrEqual(3)
    expect(o.settings.noGrowthMonths).toBe(6)
  })

  it('follows the dated setting for the months without growth', async () => {
    const admin = await t.cookieFor(as('admin'))
    const current = (
      await t.app.inject({ method: 'GET', url: '/api/settings/in-force', headers: { cookie: admin } })
    ).json()
    const values = structuredClone(current.values)
    values.offboarding.noGrowthMonths = 1
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/settings/2020-01-01',
      payload: { values },
      headers: { cookie: admin },
    })
    expect(saved.statusCode, saved.body).toBe(200)
    // One month back from 2026-10 is 2026-09, where each partner's newest snapshot carries over (April's for
    // A2 and B1): A1 100 → 160 and B1 30 → 90 grew; A2 50 → 40 did not.
    const o = await ok<OffboardingOverview>('admin', 'GET', '/api/offboarding')
    expect(o.settings.noGrowthMonths).toBe(1)
    const flagged = o.partners.flatMap((p) => p.flags.filter((f) => f.rule === 'no_usage_growth'))
    expect(flagged.map((f) => f.facts)).toEqual([
      { fromMonth: '2026-09', fromActive: 50, toMonth: '2026-10', toActive: 40, change: -10 },
    ])
    expect(flagged[0]!.evidence).toBe(
      '40 active users in 2026-10 against 50 in 2026-09 (−10) — no growth in 1 month',
    )
    values.offboarding.noGrowthMonths = 6
    await t.app.inject({
      method: 'PUT',
      url: '/api/settings/2020-01-01',
      payload: { values },
      headers: { cookie: admin },
    })
  })

  it('flags NSAT below target from six responses of the last twelve months, not from fewer', async () => {
    const day = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10)
    const answers = ['very_satisfied', 'somewhat_satisfied', ...Array(4).fill('very_dissatisfied')]
    for (const [i, answer] of answers.entries()) {
      const res = await call('fpmB1', 'POST', `/api/partners/${t.fx.partnerB1.id}/nsat/responses`, {
        respondentName: `Respondent ${i}`,
        respondedOn: day,
        source: 'partner_survey',
        scale: 'msit4',
        answer,
      })
      expect(res.statusCode, res.body).toBe(201)
      const o = await ok<OffboardingOverview>('leadB', 'GET', '/api/offboarding')
      const flag = o.partners[0]!.flags.find((f) => f.rule === 'nsat_below_target')
      // 100 × (1 − 4) ÷ 6 + 100 = 50 once all six are in; under five responses it is low n and flags nothing.
      if (i < 4) expect(flag).toBeUndefined()
      if (i === 5) expect(flag).toMatchObject({ facts: { nsat: 50, responses: 6, target: 100 } })
    }
  })

  it('shows each reader only the partners in their scope', async () => {
    const ids = async (key: string) =>
      (await ok<OffboardingOverview>(key, 'GET', '/api/offboarding')).partners.map((p) => p.partnerId).sort()
    expect(await ids('fpmA2')).toEqual([t.fx.partnerA2.id])
    expect(await ids('leadA')).toEqual([t.fx.partnerA1.id, t.fx.partnerA2.id].sort())
    expect(await ids('leadB')).toEqual([t.fx.partnerB1.id])
    expect((await call('fpmA1', 'GET', `/api/partners/${t.fx.partnerB1.id}/offboarding`)).statusCode).toBe(
      404,
    )
  })
})

describe('the recommendation workflow', () => {
  let id = 0
  const a2 = () => `/api/partners/${t.fx.partnerA2.id}/offboarding`

  it('an FPM proposes with a reason; the flags are kept as they were', async () => {
    const empty = await call('fpmA2', 'POST', a2(), { reason: '  ' })
    expect(empty.statusCode).toBe(400)
    expect(empty.body).toContain('Say why you recommend offboarding')
    const p = await ok<PartnerOffboarding>('fpmA2', 'POST', a2(), {
      reason: 'No growth in six months, no ROB held',
    })
    const rec = p.recommendations[0]!
    id = rec.id
    expect(rec).toMatchObject({ status: 'proposed', proposedByName: expect.any(String) })
    expect(rec.flags.map((f) => f.rule)).toEqual(['no_usage_growth', 'no_business_rhythm'])
    expect(p.canPropose).toBe(false)
    // An FPM cannot review their own recommendation; another open one for the partner is a conflict.
    expect(rec.canMoveTo).toEqual([])
    expect(
      (await call('fpmA2', 'POST', `/api/offboarding/${id}/transition`, { to: 'reviewed' })).statusCode,
    ).toBe(403)
    expect((await call('fpmA2', 'POST', a2(), { reason: 'again' })).statusCode).toBe(409)
  })

  it('a lead of another region cannot see it; the lead of the region reviews and accepts with a comment', async () => {
    expect(
      (await call('leadB', 'POST', `/api/offboarding/${id}/transition`, { to: 'reviewed' })).statusCode,
    ).toBe(404)
    const skip = await call('leadA', 'POST', `/api/offboarding/${id}/transition`, {
      to: 'accepted',
      comment: 'x',
    })
    expect(skip.statusCode).toBe(409)
    const reviewed = await ok<PartnerOffboarding>('leadA', 'POST', `/api/offboarding/${id}/transition`, {
      to: 'reviewed',
    })
    expect(reviewed.recommendations[0]!.canMoveTo.sort()).toEqual(['accepted', 'proposed', 'rejected'])
    const bare = await call('leadA', 'POST', `/api/offboarding/${id}/transition`, { to: 'accepted' })
    expect(bare.statusCode).toBe(400)
    expect(bare.json().error.issues[0].path).toEqual(['comment'])
    const before = await partnerStatus(t.fx.partnerA2.id)
    await ok('leadA', 'POST', `/api/offboarding/${id}/transition`, {
      to: 'accepted',
      comment: 'Agreed with the program team',
    })
    expect(await partnerStatus(t.fx.partnerA2.id)).toBe('offboarding_recommended')
    // While accepted, no second recommendation: reverse it first.
    const second = await call('fpmA2', 'POST', a2(), { reason: 'another' })
    expect(second.statusCode).toBe(409)
    expect(second.body).toContain('reverse that recommendation')
    // Reversible: the partner's status comes back; nothing is deleted, every step is on record.
    const reversed = await ok<PartnerOffboarding>('leadA', 'POST', `/api/offboarding/${id}/transition`, {
      to: 'reversed',
      comment: 'Usage picked up in November',
    })
    expect(await partnerStatus(t.fx.partnerA2.id)).toBe(before)
    const rec = reversed.recommendations[0]!
    expect(rec.status).toBe('reversed')
    expect(rec.events.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      [null, 'proposed'],
      ['proposed', 'reviewed'],
      ['reviewed', 'accepted'],
      ['accepted', 'reversed'],
    ])
    expect(rec.events[3]!.comment).toBe('Usage picked up in November')
    expect(reversed.canPropose).toBe(true)
  })

  it('a rejected or reversed recommendation can be proposed again; viewers only read', async () => {
    expect(
      (await call('viewer', 'POST', `/api/offboarding/${id}/transition`, { to: 'proposed' })).statusCode,
    ).toBe(403)
    const again = await ok<PartnerOffboarding>('fpmA2', 'POST', `/api/offboarding/${id}/transition`, {
      to: 'proposed',
    })
    expect(again.recommendations[0]!.status).toBe('proposed')
    const rejected = await ok<PartnerOffboarding>('admin', 'POST', `/api/offboarding/${id}/transition`, {
      to: 'rejected',
      comment: 'Give them the quarter',
    })
    expect(rejected.recommendations[0]!.status).toBe('rejected')
    const { rows } = await t.database.sql.query<{ n: number }>(
      'select count(*)::int as n from offboarding_events where recommendation_id = $1',
      [id],
    )
    expect(rows[0]!.n).toBe(6)
    // A rejected recommendation drops out of the overview unless the partner is still flagged (A2 is).
    const o = await ok<OffboardingOverview>('leadA', 'GET', '/api/offboarding')
    expect(o.partners.find((p) => p.partnerId === t.fx.partnerA2.id)!.recommendation!.status).toBe('rejected')
  })
})
