import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2E, eventually, shot, startE2E, visible } from './harness'

let e2e: E2E
const HOUR = 3_600_000
const FPM = 'fpm@trellis.example'

beforeAll(async () => {
  e2e = await startE2E()
  const { rows } = await e2e.database.sql.query<{ userId: number; partnerId: number }>(
    `select u.id as "userId", p.id as "partnerId" from users u join partners p on p.fpm_user_id = u.id
     where u.email = $1 order by p.name limit 1`,
    [FPM],
  )
  const { userId, partnerId } = rows[0]!
  for (const [title, severity, hoursAgo] of [
    ['Tenant-to-tenant migration stuck on mailbox permissions', 'critical', 30],
    ['Partner Center claim rejected for Teams', 'high', 60],
  ] as const)
    await e2e.database.sql.query(
      `insert into escalations (partner_id, title, severity, category, owner_user_id, raised_by, raised_at)
       values ($1, $2, $3, 'technical', $4, $4, $5)`,
      [partnerId, title, severity, userId, new Date(Date.now() - hoursAgo * HOUR).toISOString()],
    )
  const overdue = new Date(Date.now() - 3 * 24 * HOUR).toISOString().slice(0, 10)
  await e2e.database.sql.query(
    `insert into action_items (partner_id, title, owner_user_id, due_on, created_by)
     values ($1, 'Send the adoption plan to the sponsor', $2, $3, $2)`,
    [partnerId, userId, overdue],
  )
})
afterAll(() => e2e?.close())

describe('My week: needs attention and the daily digest switch', () => {
  it('counts overdue items and SLA breaches at the top, lists the breaching escalations; the digest switches off', async () => {
    const page = await e2e.signIn(FPM, '/my-week')
    const week = await (await page.request.get('/api/my-week')).json()
    const state = (s: string) => week.escalations.filter((e: { sla: { state: string } }) => e.sla.state === s)
    expect(week.overdue.length).toBeGreaterThan(0)
    expect(state('breached').length).toBeGreaterThan(0)
    expect(state('at_risk').length).toBeGreaterThan(0)

    const block = page.getByRole('region', { name: 'Needs attention' })
    await visible(block.getByLabel(`Overdue actions: ${week.overdue.length}`))
    await visible(block.getByLabel(`SLA breached: ${state('breached').length}`))
    await visible(block.getByLabel(`SLA breach soon: ${state('at_risk').length}`))
    await visible(block.getByLabel(`Due this week: ${week.due.length}`))
    await visible(block.getByText('Tenant-to-tenant migration stuck on mailbox permissions'))
    await visible(block.getByText('Partner Center claim rejected for Teams'))
    await visible(
      page
        .getByRole('region', { name: 'My action items' })
        .getByText('Send the adoption plan to the sponsor'),
    )

    const digest = page.getByRole('region', { name: 'Daily digest' })
    const toggle = digest.getByRole('switch', { name: 'E-mail me a daily digest' })
    await visible(digest.getByText(/E-mail is not set up on this server/))
    await eventually(async () => expect(await toggle.isChecked()).toBe(true))
    await shot(page, 'my-week-needs-attention', true)
    await block.scrollIntoViewIfNeeded()
    await shot(page, 'my-week-needs-attention-top')
    await toggle.click({ force: true })
    await eventually(async () => {
      const res = await (await page.request.get('/api/me/digest')).json()
      expect(res.enabled).toBe(false)
    })
    await page.reload()
    await eventually(async () =>
      expect(await page.getByRole('switch', { name: 'E-mail me a daily digest' }).isChecked()).toBe(false),
    )
    await page.context().close()
  })
})
