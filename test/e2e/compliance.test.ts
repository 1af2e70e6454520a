import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ComplianceFailures, ComplianceOverview } from '#shared/contracts/compliance'
import { complianceCheckLabel } from '#shared/domain/compliance'
import { type E2E, eventually, shot, startE2E, visible } from './harness'

let e2e: E2E

beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

describe('data compliance', () => {
  it('a lead sees compliance per partner manager, drills to the failing records and opens one to fix', async () => {
    const lead = await e2e.cookieFor('lead@trellis.example')
    const expected = await e2e.get<ComplianceOverview>(lead, '/api/compliance')
    // The demo gives a mix: something passes and something fails.
    expect(expected.totals.overall.passed).toBeGreaterThan(0)
    expect(expected.totals.overall.passed).toBeLessThan(expected.totals.overall.applicable)

    const page = await e2e.signIn('lead@trellis.example', '/compliance')
    await visible(page.getByRole('heading', { name: 'Data compliance', level: 1 }))
    const table = page.getByRole('table', { name: 'Data compliance by partner manager' })
    await visible(table)
    const o = expected.totals.overall
    await eventually(async () => {
      const text =
        (await page.getByText('Overall', { exact: true }).first().locator('../..').textContent()) ?? ''
      expect(text).toContain(`${Math.round(o.compliance! * 100)} %`)
      expect(text).toContain(`${o.passed}/${o.applicable}`)
    })
    await shot(page, 'compliance-region')

    // The FPM with the most stakeholder failures: open their partners, then that check's failing records.
    const fpm = [...expected.byFpm]
      .filter((r) => r.id !== null)
      .sort(
        (a, b) =>
          b.byCheck.stakeholders.applicable -
          b.byCheck.stakeholders.passed -
          (a.byCheck.stakeholders.applicable - a.byCheck.stakeholders.passed),
      )[0]!
    const failing = fpm.byCheck.stakeholders.applicable - fpm.byCheck.stakeholders.passed
    expect(failing).toBeGreaterThan(0)
    await table.getByRole('button', { name: `Partners of ${fpm.name}` }).click()
    await visible(table.getByTestId('compliance-partner-row').first())
    const label = complianceCheckLabel.stakeholders
    await table.getByRole('button', { name: `${label} failing for ${fpm.name}` }).click()
    const list = page.getByTestId('compliance-failures')
    await eventually(async () => {
      expect(await list.getByTestId('compliance-failure').count()).toBe(failing)
      expect(await list.textContent()).toContain(`${failing} record`)
    })
    const records = await e2e.get<ComplianceFailures>(
      lead,
      `/api/compliance/failures?check=stakeholders&fpmUserId=${fpm.id}`,
    )
    await list.scrollIntoViewIfNeeded()
    await shot(page, 'compliance-drilldown')

    // One click to the page where it is fixed: the partner's stakeholders.
    const first = records.items[0]!
    await list.getByRole('link', { name: `${first.fixLabel}: ${first.subject.name}` }).click()
    await page.waitForURL((url) => `${url.pathname}${url.hash}` === first.fixPath)
    await visible(page.getByRole('heading', { name: first.partnerName, level: 1 }))
    const card = page.getByTestId('partner-compliance')
    await visible(card.getByRole('table', { name: 'To fix for this partner' }))
    await card.scrollIntoViewIfNeeded()
    await shot(page, 'compliance-partner')
  })

  it('an admin sees the checks in the settings, each with its switch and days', async () => {
    const page = await e2e.signIn('admin@trellis.example', '/settings')
    const fieldset = page.getByRole('group', { name: 'Data compliance' })
    await visible(fieldset)
    expect(await fieldset.getByRole('switch', { name: 'Engagement notes' }).isChecked()).toBe(true)
    const days = fieldset.getByRole('textbox', { name: 'Open escalation updated within' })
    expect(await days.inputValue()).toBe('7 days')
    await fieldset.scrollIntoViewIfNeeded()
    await shot(page, 'compliance-settings')
  })
})
