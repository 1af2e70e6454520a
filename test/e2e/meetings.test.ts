import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2E, eventually, hidden, shot, startE2E, visible } from './harness'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

describe('meetings', () => {
  it('an FPM plans a bi-weekly ROB, writes the minutes of the next one, adds an action item and sees it on My week', async () => {
    const page = await e2e.signIn('fpm@trellis.example')
    const link = page.getByRole('table', { name: 'Partners', exact: true }).locator('tbody tr a').first()
    await visible(link)
    const partnerName = (await link.textContent())?.trim() ?? ''
    await link.click()
    const section = page.getByRole('region', { name: 'Meetings' })
    await visible(section)
    await section.getByRole('button', { name: 'New series' }).click()
    const dialog = page.getByRole('dialog', { name: 'New meeting series' })
    await visible(dialog)
    await dialog.getByLabel('Title').fill('ROB e2e')
    // The friendly picker defaults to every 2 weeks on the first meeting's weekday.
    await eventually(async () =>
      expect(await dialog.getByTestId('rule-preview').textContent()).toMatch(
        /Every 2 weeks on \w+day at 09:00/,
      ),
    )
    expect(await dialog.getByTestId('rule-preview').textContent()).toMatch(
      /FREQ=WEEKLY;INTERVAL=2;BYDAY=(MO|TU|WE|TH|FR)/,
    )
    await shot(page, 'meetings-new-series')
    await dialog.getByRole('button', { name: 'Create series' }).click()
    await hidden(dialog)
    const seriesTable = section.getByRole('table', { name: 'Meeting series' })
    await visible(seriesTable.getByText('ROB e2e'))

    // Edit it: the form opens on the choice it was made with; weekly from now on.
    const row = seriesTable.locator('tr', { hasText: 'ROB e2e' })
    await row.getByRole('button', { name: 'Edit' }).click()
    const edit = page.getByRole('dialog', { name: 'Edit meeting series' })
    await visible(edit)
    expect(await edit.getByLabel('Repeats').inputValue()).toBe('Every 2 weeks')
    await edit.getByLabel('Repeats').click()
    await page.getByRole('option', { name: 'Every week' }).click()
    await eventually(async () =>
      expect(await edit.getByTestId('rule-preview').textContent()).toMatch(/FREQ=WEEKLY;BYDAY=/),
    )
    await edit.getByRole('button', { name: 'Save series' }).click()
    await hidden(edit)
    await eventually(async () => expect(await row.textContent()).toMatch(/Every \w+day at 09:00/))
    const next = section.getByRole('link', { name: /ROB e2e/ }).first()
    await visible(next)
    await shot(page, 'meetings-partner-section', true)
    await next.click()
    await page.waitForURL(/\/meetings\/\d+\//)
    await visible(page.getByRole('heading', { name: /ROB e2e/ }))

    // The proposed agenda is built from live data; minutes are Markdown with a safe preview.
    const minutes = page.getByRole('region', { name: 'Minutes' })
    await minutes
      .getByLabel('Minutes')
      .fill(
        '## Minutes\n\nAgreed the **pilot**.\n\n<script>window.__pwned = 1</script>\n\n<img src=x onerror="window.__pwned = 2">\n\n[bad](javascript:window.__pwned=3)',
      )
    await minutes.getByRole('button', { name: 'Save minutes' }).click()
    await visible(page.getByText('Minutes saved'))
    await minutes.getByRole('tab', { name: 'Preview' }).click()
    const preview = minutes.getByTestId('minutes-preview')
    await visible(preview.getByText('pilot'))
    expect(await preview.locator('script, img').count()).toBe(0)
    expect(await preview.locator('a[href^="javascript" i]').count()).toBe(0)
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()

    // An action item inline, owned by me, due today.
    const today = new Date().toISOString().slice(0, 10)
    const actions = page.getByRole('region', { name: 'Action items of this meeting' })
    await actions.getByLabel('New action item').fill('Send the enablement plan')
    await actions.getByLabel('Due').fill(today)
    await actions.getByRole('button', { name: 'Add' }).click()
    await visible(actions.getByTestId('action-item').getByText('Send the enablement plan'))
    await shot(page, 'meetings-meeting-page', true)

    // My week lists it.
    await page.getByRole('link', { name: 'My week' }).click()
    await page.waitForURL('**/my-week')
    const mine = page.getByRole('region', { name: 'My action items' })
    await visible(mine.getByText('Send the enablement plan'))
    expect(await mine.getByText(partnerName, { exact: false }).count()).toBeGreaterThan(0)
    await shot(page, 'meetings-my-week', true)
    await page.context().close()
  })
})
