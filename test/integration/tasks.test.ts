import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { customers, engagements, taskDefinitions } from '#db/schema/index'
import { tasksService } from '#server/modules/tasks/service'
import { addDays, today } from '#shared/domain/periods'
import { createAccessTestApp } from '#test/helpers/app'

let t: Awaited<ReturnType<typeof createAccessTestApp>>
const day = today()
const ago = (n: number) => addDays(day, -n)
const ALL = { from: '0001-01-01', to: '9999-12-31' }
const ids = {} as Record<'P1' | 'P2' | 'E1' | 'E2' | 'E3' | 'E4', number>
let e2 = 0

async function call(email: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: { cookie: await t.cookieFor(email) } })
}
const ADMIN = 'admin@test.example'
const FPM = 'fpma1@test.example'
const actorOf = (u: { id: number; role: string; regionId: number | null; email: string }) =>
  ({ id: u.id, role: u.role, regionId: u.regionId, email: u.email }) as Parameters<
    ReturnType<typeof tasksService>['totalsByPartner']
  >[0]

beforeAll(async () => {
  t = await createAccessTestApp()
  const { db } = t.database
  // Alpha One started onboarding 60 days ago; its EXO engagement is in Enable since 10 days.
  await db.execute(sql`update partners set joined_on = ${ago(60)} where id = ${t.fx.partnerA1.id}`)
  await db.execute(
    sql`update engagements set phase_since = ${`${ago(10)}T12:00:00Z`} where id = ${t.fx.engagementA1.id}`,
  )
  const [c2] = await db
    .insert(customers)
    .values({ tpid: '1003', name: 'Customer A3', primaryPartnerId: t.fx.partnerA1.id })
    .returning()
  const [eng] = await db
    .insert(engagements)
    .values({
      partnerId: t.fx.partnerA1.id,
      customerId: c2!.id,
      workloadCode: 'TEAMS',
      phase: 'assess',
      phaseSince: new Date(`${ago(5)}T12:00:00Z`),
    })
    .returning()
  e2 = eng!.id
})
afterAll(() => t.close())

describe('task catalogue', () => {
  it('admins add tasks; the combination of applies-to and expected-by is checked field by field', async () => {
    const add = (body: object) => call(ADMIN, 'POST', '/api/tasks/catalogue', body)
    const base = { name: 'x', mandatory: true }
    const bodies = {
      P1: {
        ...base,
        code: 'ONB-PAY',
        name: 'Payment profile',
        appliesTo: 'partner',
        expectedBy: 'days',
        days: 30,
      },
      P2: { ...base, code: 'ONB-YAM', mandatory: false, appliesTo: 'partner', expectedBy: 'days', days: 90 },
      E1: { ...base, code: '3616', appliesTo: 'engagement', expectedBy: 'phase', phase: 'initiate' },
      E2: { ...base, code: '1699', appliesTo: 'engagement', expectedBy: 'phase', phase: 'assess' },
      E3: {
        ...base,
        code: '1702',
        appliesTo: 'engagement',
        expectedBy: 'phase',
        phase: 'migrate',
        workloads: ['EXO'],
      },
      E4: { ...base, code: '3735', appliesTo: 'engagement', expectedBy: 'phase', phase: 'success' },
    }
    for (const [k, body] of Object.entries(bodies)) {
      const res = await add(body)
      expect(res.statusCode, k).toBe(201)
      ids[k as keyof typeof ids] = res.json().id
    }
    expect((await add(bodies.E1)).statusCode).toBe(409)
    const noPhase = await add({ ...base, code: 'N1', appliesTo: 'engagement', expectedBy: 'phase' })
    expect(noPhase.statusCode).toBe(400)
    expect(noPhase.json().error.issues[0].path).toEqual(['phase'])
    const partnerByPhase = await add({
      ...base,
      code: 'N2',
      appliesTo: 'partner',
      expectedBy: 'phase',
      phase: 'assess',
    })
    expect(partnerByPhase.json().error.issues[0].path).toEqual(['expectedBy'])
    const workload = await add({ ...bodies.E3, code: 'N3', workloads: ['NOPE'] })
    expect(workload.statusCode).toBe(400)
    expect(workload.json().error.issues[0].path).toEqual(['workloads'])
    expect((await call(FPM, 'POST', '/api/tasks/catalogue', { ...bodies.E1, code: 'N4' })).statusCode).toBe(
      403,
    )
  })

  it('retires a task (kept, hidden from the default list) and brings it back; edits are re-checked', async () => {
    const extra = (
      await call(ADMIN, 'POST', '/api/tasks/catalogue', {
        code: 'TMP',
        name: 'Temporary',
        mandatory: true,
        appliesTo: 'partner',
        expectedBy: 'days',
        days: 1,
      })
    ).json()
    expect((await call(ADMIN, 'POST', `/api/tasks/catalogue/${extra.id}/archive`)).json().archived).toBe(true)
    const codes = async (q = '') =>
      (await call(FPM, 'GET', `/api/tasks/catalogue${q}`)).json().items.map((i: { code: string }) => i.code)
    expect(await codes()).not.toContain('TMP')
    expect(await codes('?includeArchived=true')).toContain('TMP')
    const bad = await call(ADMIN, 'PATCH', `/api/tasks/catalogue/${extra.id}`, {
      expectedBy: 'phase',
      phase: 'assess',
    })
    expect(bad.json().error.issues[0].path).toEqual(['expectedBy'])
    const renamed = await call(ADMIN, 'PATCH', `/api/tasks/catalogue/${extra.id}`, { name: 'Renamed' })
    expect(renamed.json()).toMatchObject({ name: 'Renamed', archived: true })
    expect((await call(ADMIN, 'POST', `/api/tasks/catalogue/${extra.id}/restore`)).json().archived).toBe(
      false,
    )
    await t.database.db.execute(sql`update task_definitions set archived_at = now() where id = ${extra.id}`)
  })
})

describe('instances, completions and totals', () => {
  it('applies partner tasks to live partners and engagement tasks by phase reached and workload', async () => {
    const res = await call(FPM, 'GET', `/api/partners/${t.fx.partnerA1.id}/tasks?show=all`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.onboarding.map((i: { code: string; expectedOn: string }) => [i.code, i.expectedOn])).toEqual([
      ['ONB-PAY', ago(30)],
      ['ONB-YAM', addDays(day, 30)],
    ])
    expect(body.onboarding[0].state).toBe('overdue')
    const got = body.engagements.items.map(
      (i: { code: string; engagementId: number; expectedOn: string; state: string }) => [
        i.code,
        i.engagementId,
        i.expectedOn,
        i.state,
      ],
    )
    // EXO in Enable since 10 days: its Initiate and Assess tasks were due when it moved on (no grace).
    // TEAMS in Assess since 5 days: Initiate due then; Assess due 30 grace days after entering it.
    expect(got.sort()).toEqual(
      [
        ['1699', t.fx.engagementA1.id, ago(10), 'overdue'],
        ['1699', e2, addDays(ago(5), 30), 'open'],
        ['3616', t.fx.engagementA1.id, ago(10), 'overdue'],
        ['3616', e2, ago(5), 'overdue'],
      ].sort(),
    )
  })

  it('completes with evidence, counts raw totals on time and overdue, and undoes keeping the history', async () => {
    const complete = (body: object, who = FPM) =>
      call(who, 'POST', '/api/tasks/completions', { partnerId: t.fx.partnerA1.id, ...body })
    const c1 = await complete({
      taskId: ids.E1,
      engagementId: t.fx.engagementA1.id,
      completedOn: ago(12),
      evidence: 'Kick-off held',
    })
    expect(c1.statusCode).toBe(201)
    expect(
      (await complete({ taskId: ids.P1, completedOn: ago(1), evidenceLink: 'https://example.com/pay' }))
        .statusCode,
    ).toBe(201)

    const svc = tasksService(t.database)
    const admin = actorOf(t.fx.users.admin)
    const [a1] = await svc.totalsByPartner(admin, { partnerId: t.fx.partnerA1.id }, ALL)
    expect(a1).toEqual({
      partnerId: t.fx.partnerA1.id,
      fpmUserId: t.fx.users.fpmA1.id,
      regionId: t.fx.partnerA1.regionId,
      mandatoryApplicable: 5, // ONB-PAY + 3616 ×2 + 1699 ×2
      mandatoryCompleted: 2,
      mandatoryCompletedOnTime: 1, // 3616 on EXO before its date; the payment profile 29 days late
      mandatoryOverdue: 2, // 1699 on EXO, 3616 on TEAMS
      optionalApplicable: 1,
      optionalCompleted: 0,
    })
    // A period counts the instances expected in it; overdue as of its last day.
    const [week] = await svc.totalsByPartner(
      admin,
      { partnerId: t.fx.partnerA1.id },
      { from: ago(15), to: ago(7) },
    )
    expect(week).toMatchObject({
      mandatoryApplicable: 2,
      mandatoryCompleted: 1,
      mandatoryCompletedOnTime: 1,
      mandatoryOverdue: 1,
      optionalApplicable: 0,
    })

    const overdue = (await call(FPM, 'GET', '/api/tasks/overdue')).json()
    expect(overdue.items.map((i: { code: string; daysOverdue: number }) => [i.code, i.daysOverdue])).toEqual([
      ['1699', 10],
      ['3616', 5],
    ])
    expect(overdue.items[1].customerName).toBe('Customer A3')
    expect((await call('fpmb1@test.example', 'GET', '/api/tasks/overdue')).json().total).toBe(0)

    const again = await complete({ taskId: ids.E1, engagementId: t.fx.engagementA1.id, evidence: 'twice' })
    expect(again.statusCode).toBe(409)
    const undo = await call(FPM, 'POST', `/api/tasks/completions/${c1.json().id}/undo`)
    expect(undo.statusCode).toBe(200)
    expect((await svc.totalsByPartner(admin, { partnerId: t.fx.partnerA1.id }, ALL))[0]).toMatchObject({
      mandatoryCompleted: 1,
      mandatoryOverdue: 3,
    })
    expect(
      (await complete({ taskId: ids.E1, engagementId: t.fx.engagementA1.id, evidence: 'again' })).statusCode,
    ).toBe(201)
    const card = (await call(FPM, 'GET', `/api/partners/${t.fx.partnerA1.id}/tasks`)).json()
    expect(
      card.history.map((h: { code: string; undoneAt: string | null }) => [h.code, h.undoneAt !== null]),
    ).toEqual([
      ['3616', false],
      ['3616', true],
      ['ONB-PAY', false],
    ])
    expect(card.engagementTasks.find((x: { code: string }) => x.code === '3616')).toMatchObject({
      applicable: 2,
      completed: 1,
      overdue: 1,
    })
  })

  it('names the field of a completion it refuses', async () => {
    const complete = (body: object) =>
      call(FPM, 'POST', '/api/tasks/completions', { partnerId: t.fx.partnerA1.id, evidence: 'x', ...body })
    const cases: [object, string][] = [
      [{ taskId: ids.P2, evidence: '' }, 'evidence'],
      [{ taskId: ids.P2, completedOn: addDays(day, 1) }, 'completedOn'],
      [{ taskId: ids.E2 }, 'engagementId'],
      [{ taskId: ids.E4, engagementId: t.fx.engagementA1.id }, 'taskId'],
      [{ taskId: ids.E2, engagementId: t.fx.engagementB1.id }, 'engagementId'],
      [{ taskId: ids.P2, evidenceLink: 'not a link' }, 'evidenceLink'],
    ]
    for (const [body, field] of cases) {
      const res = await complete(body)
      expect(res.statusCode, field).toBe(400)
      expect(res.json().error.issues[0].path, field).toEqual([field])
    }
  })

  it('a phase change makes the tasks of the new phase apply (no stored instances to refresh)', async () => {
    const svc = tasksService(t.database)
    const admin = actorOf(t.fx.users.admin)
    const before = (await svc.totalsByPartner(admin, { partnerId: t.fx.partnerA1.id }, ALL))[0]!
    // The importer and the engagement edit both update the phase; the trigger stamps phase_since.
    await t.database.db.execute(
      sql`update engagements set phase = 'migrate' where id = ${t.fx.engagementA1.id}`,
    )
    const after = (await svc.totalsByPartner(admin, { partnerId: t.fx.partnerA1.id }, ALL))[0]!
    expect(after.mandatoryApplicable).toBe(before.mandatoryApplicable + 1) // 1702 Migrate exit on EXO
    // 1699 on EXO is now expected today (it left Assess today at the latest): no longer overdue.
    expect(after.mandatoryOverdue).toBe(before.mandatoryOverdue - 1)
  })

  it('sums per FPM and region from raw totals, each role seeing only its partners', async () => {
    const admin = (await call(ADMIN, 'GET', '/api/tasks/summary')).json()
    const sum = (rows: Record<string, number>[], k: string) => rows.reduce((s, r) => s + r[k]!, 0)
    for (const k of ['mandatoryApplicable', 'mandatoryCompleted', 'mandatoryOverdue', 'optionalApplicable']) {
      expect(admin.region[k]).toBe(sum(admin.partners, k))
      expect(admin.region[k]).toBe(sum(admin.byFpm, k))
    }
    // Alpha Two and Beta One: the payment profile (due in 30 days) and 3616 on their Initiate engagement.
    expect(admin.partners.find((p: { partnerName: string }) => p.partnerName === 'Beta One')).toMatchObject({
      mandatoryApplicable: 2,
      mandatoryOverdue: 0,
    })
    expect(admin.region.partners).toBe(3)
    const fpm = (await call(FPM, 'GET', '/api/tasks/summary')).json()
    expect(fpm.partners.map((p: { partnerName: string }) => p.partnerName)).toEqual(['Alpha One'])
    expect(
      (await call('leadb@test.example', 'GET', `/api/partners/${t.fx.partnerA1.id}/tasks`)).statusCode,
    ).toBe(404)
    await t.database.db.update(taskDefinitions).set({ archivedAt: new Date() })
    expect((await call(ADMIN, 'GET', '/api/tasks/summary')).json().region.mandatoryApplicable).toBe(0)
  })
})
