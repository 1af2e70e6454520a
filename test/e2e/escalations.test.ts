import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2E, eventually, hidden, shot, startE2E, visible } from './harness'

let e2e: E2E
const HOUR = 3_600_000

beforeAll(async () => {
  e2e = await startE2E()
  // Two older escalations of the FPM's first partner, one breached and one at risk, for the list.
  const { rows } = await e2e.database.sql.query<{ userId: number; partnerId: number }>(
    `select u.id as "userId", p.id as "partnerId" from users u join partners p on p.fpm_user_id = u.id
     where u.email = 'fpm@trellis.example' order by p.name limit 1`,
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
})
afterAll(() => e2e?.close())

describe('escalations', () => {
  it('an FPM raises one on a partner, escalates it to the lead and closes it with evidence', async () => {
    const page = await e2e.signIn('fpm@trellis.example')
    const partnerLink = page
      .getByRole('table', { name: 'Partners', exact: true })
      .locator('tbody tr a')
      .first()
    await visible(partnerLink)
    await partnerLink.click()
    const card = page.getByRole('region', { name: 'Escalations' })
    await visible(card.getByText('Tenant-to-tenant migration stuck on mailbox permissions'))
    await card.getByRole('button', { name: 'Raise escalation' }).click()

    const raise = page.getByRole('dialog', { name: 'Raise escalation' })
    await visible(raise)
    // Title and category are required: the messages show next to the fields.
    await raise.getByRole('button', { name: 'Raise escalation' }).click()
    await visible(raise.getByText('Give the escalation a title'))
    await raise.getByLabel('Title').fill('Customer blocked on conditional access rollout')
    await raise.getByRole('combobox', { name: 'Severity' }).click()
    await page.getByRole('option', { name: 'High' }).click()
    await raise.getByRole('combobox', { name: 'Category' }).click()
    await page.getByRole('option', { name: 'Technical' }).click()
    await raise.getByLabel('Description').fill('Pilot group cannot sign in since Monday.')
    await raise.getByRole('button', { name: 'Raise escalation' }).click()
    await page.waitForURL(/\/escalations\/\d+$/)
    await visible(page.getByRole('heading', { name: 'Customer blocked on conditional access rollout' }))

    // Escalate to the lead, with a note.
    await page.getByRole('button', { name: 'Escalate to…' }).click()
    const escalate = page.getByRole('dialog', { name: 'Escalate' })
    await visible(escalate)
    await escalate.getByLabel('Note').fill('Needs a decision on the tenant policy exception')
    await escalate.getByRole('button', { name: 'Escalate' }).click()
    await hidden(escalate)
    const timeline = page.getByRole('region', { name: 'Timeline' })
    await visible(timeline.getByText('Escalated to Lead'))
    await visible(timeline.getByText('Needs a decision on the tenant policy exception'))

    // Raise its severity and hand it to the lead: the timeline says so in words.
    await page.getByRole('button', { name: 'Edit' }).click()
    const edit = page.getByRole('dialog', { name: 'Edit escalation' })
    await visible(edit)
    await edit.getByRole('combobox', { name: 'Severity' }).click()
    await page.getByRole('option', { name: 'Critical' }).click()
    await edit.getByRole('combobox', { name: 'Owner' }).click()
    await page.getByRole('option', { name: 'Lena Lead' }).click()
    await edit.getByRole('button', { name: 'Save' }).click()
    await hidden(edit)
    await visible(timeline.getByText('Changed severity (high → critical), owner (handed to Lena Lead)'))

    // Closing without evidence: the message shows next to the evidence field.
    await page.getByRole('button', { name: 'Close…' }).click()
    const close = page.getByRole('dialog', { name: 'Close escalation' })
    await visible(close)
    await close.getByRole('button', { name: 'Close escalation' }).click()
    const evidence = close.getByLabel('Evidence of closure')
    await visible(close.getByText('Describe what was done to close the escalation'))
    expect(await evidence.getAttribute('aria-invalid')).toBe('true')
    const describedBy = (await evidence.getAttribute('aria-describedby')) ?? ''
    const errorIds = await close
      .getByText('Describe what was done to close the escalation')
      .getAttribute('id')
    expect(describedBy.split(' ')).toContain(errorIds)
    await close.getByLabel('Link to the evidence').fill('support.example/case/7')
    await evidence.fill('Policy exception approved; pilot group signs in again')
    await close.getByRole('button', { name: 'Close escalation' }).click()
    await visible(close.getByText('Use a web address starting with http:// or https://'))
    await shot(page, 'escalation-close-dialog')
    await close.getByLabel('Link to the evidence').fill('https://support.example/case/7')
    await close.getByRole('button', { name: 'Close escalation' }).click()
    await hidden(close)
    await visible(page.getByRole('region', { name: 'Closure evidence' }))
    await visible(timeline.getByText('In progress → Closed').or(timeline.getByText('Open → Closed')))
    await shot(page, 'escalation-detail')

    // It shows under the closed filter of the list.
    await page.getByRole('link', { name: 'Escalations' }).first().click()
    await page.waitForURL('**/escalations')
    const table = page.getByRole('table', { name: 'Escalations', exact: true })
    await visible(table.getByText('Tenant-to-tenant migration stuck on mailbox permissions'))
    await visible(table.getByText(/^Breached/))
    await visible(table.getByText(/^At risk/))
    expect(await table.getByText('Customer blocked on conditional access rollout').count()).toBe(0)
    await shot(page, 'escalations', true)
    await page.getByText('Closed', { exact: true }).click()
    await page.waitForURL(/status=closed/)
    await eventually(async () => {
      expect(await table.getByText('Customer blocked on conditional access rollout').count()).toBe(1)
      expect(await table.getByText('Tenant-to-tenant migration stuck on mailbox permissions').count()).toBe(0)
    })
    await page.context().close()
  })

  it('an FPM logs a call on a partner page in one line and sees it first in the log', async () => {
    const page = await e2e.signIn('fpm@trellis.example')
    const partnerLink = page
      .getByRole('table', { name: 'Partners', exact: true })
      .locator('tbody tr a')
      .first()
    await visible(partnerLink)
    await partnerLink.click()
    const card = page.getByRole('region', { name: 'Engagement log' })
    await visible(card)
    const form = card.getByRole('form', { name: 'Log a touchpoint' })
    await form.getByRole('button', { name: 'Log' }).click()
    await visible(form.getByText('Say in a few words what it was about'))
    await form.getByLabel('Summary').fill('Quarterly business review prep')
    await form.getByRole('button', { name: 'Log' }).click()
    await eventually(async () =>
      expect(await card.getByText('Quarterly business review prep').count()).toBe(1),
    )
    expect(await form.getByLabel('Summary').inputValue()).toBe('')
    await card.scrollIntoViewIfNeeded()
    await shot(page, 'partner-escalations-engagement-log')
    await page.context().close()
  })
})
