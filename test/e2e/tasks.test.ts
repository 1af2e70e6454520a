import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PartnerTasks, TaskSummary } from '#shared/contracts/tasks'
import { type E2E, eventually, shot, startE2E, visible } from './harness'

let e2e: E2E
async function eventuallyValue<T>(fn: () => Promise<T>): Promise<T> {
  let value: T | undefined
  await eventually(async () => {
    value = await fn()
  })
  return value as T
}

beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

describe('milestones and tasks', () => {
  it('a partner manager sees totals and overdue tasks, opens a partner and completes one with evidence', async () => {
    const fpm = await e2e.cookieFor('fpm@trellis.example')
    const summary = await e2e.get<TaskSummary>(fpm, '/api/tasks/summary')
    expect(summary.region.mandatoryOverdue).toBeGreaterThan(0)
    const page = await e2e.signIn('fpm@trellis.example', '/tasks')
    await visible(page.getByRole('heading', { name: 'Milestones & tasks', level: 1 }))
    await eventually(async () => {
      const tile =
        (await page.getByText('Overdue', { exact: true }).first().locator('../..').textContent()) ?? ''
      expect(tile).toContain(String(summary.region.mandatoryOverdue))
    })
    const list = page.getByTestId('overdue-tasks')
    const first = list.locator('tbody tr').first()
    await visible(first)
    await shot(page, 'tasks-page')

    await list.locator('label', { hasText: 'Engagements' }).click()
    const partnerLink = list.locator('tbody tr').first().getByRole('link').first()
    await visible(partnerLink)
    await partnerLink.click()
    await page.waitForURL(/\/partners\/\d+$/)
    const partnerId = Number(page.url().split('/').pop())
    const before = await e2e.get<PartnerTasks>(
      fpm,
      `/api/partners/${partnerId}/tasks?show=overdue&pageSize=10`,
    )
    const overdue = before.engagements.items[0]!
    expect(overdue.state).toBe('overdue')

    const card = page.getByTestId('partner-tasks')
    await visible(card.getByRole('table', { name: 'Onboarding checklist' }))
    const row = card.getByRole('table', { name: 'Engagement task instances' }).locator('tbody tr').first()
    await visible(row.getByText(overdue.customerName!))
    await row.getByText(overdue.customerName!).scrollIntoViewIfNeeded()
    await shot(page, 'tasks-partner-card')
    await row.getByRole('button', { name: 'Complete' }).click()
    const dialog = page.getByRole('dialog', { name: 'Complete task' })
    await dialog.getByRole('button', { name: 'Complete' }).click()
    await visible(dialog.getByText('Say what shows it is done, or give a link'))
    await dialog.getByLabel('Evidence').fill('Kick-off call held with the customer')
    await shot(page, 'tasks-complete')
    await dialog.getByRole('button', { name: 'Complete' }).click()
    const after = await eventuallyValue(async () => {
      const now = await e2e.get<PartnerTasks>(fpm, `/api/partners/${partnerId}/tasks`)
      expect(now.totals.mandatoryCompleted).toBe(before.totals.mandatoryCompleted + 1)
      return now
    })
    expect(after.totals.mandatoryOverdue).toBe(before.totals.mandatoryOverdue - 1)
    await eventually(async () => {
      expect(await card.textContent()).toContain(`${after.totals.mandatoryOverdue} overdue`)
    })
  })

  it('an admin adds a task to the catalogue', async () => {
    const page = await e2e.signIn('admin@trellis.example', '/tasks/catalogue')
    await visible(page.getByRole('heading', { name: 'Task catalogue', level: 1 }))
    await visible(page.getByText('Complete initial customer outreach'))
    await page.getByTestId('new-task').click()
    const dialog = page.getByRole('dialog', { name: 'New task' })
    await dialog.getByLabel('Code').fill('9001')
    await dialog.getByLabel('Name').fill('Adoption plan agreed')
    await shot(page, 'tasks-catalogue-new')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await visible(page.getByRole('table', { name: 'Task catalogue' }).getByText('Adoption plan agreed'))
    await shot(page, 'tasks-catalogue', true)
  })
})
