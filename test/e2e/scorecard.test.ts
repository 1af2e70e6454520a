import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OffboardingOverview } from '#shared/contracts/offboarding'
import type { Scorecard, ScorecardDrilldown } from '#shared/contracts/scorecard'
import { quarterOf } from '#shared/domain/cadence'
import { today } from '#shared/domain/periods'
import { type E2E, eventually, shot, startE2E, visible } from './harness'

let e2e: E2E
const quarter = quarterOf(today())

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`)

beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

describe('role scorecard', () => {
  it('a lead compares partner managers and drills from a number to the partners behind it', async () => {
    const lead = await e2e.cookieFor('lead@trellis.example')
    const expected = await e2e.get<Scorecard>(lead, `/api/scorecard?period=${quarter}`)
    expect(expected.fpms.length).toBeGreaterThan(1)
    const page = await e2e.signIn('lead@trellis.example', '/scorecard')
    await visible(page.getByRole('heading', { name: 'Role scorecard', level: 1 }))
    for (const factor of [
      'Business Transformation',
      'Portfolio Management',
      'Operational Excellence',
      'Invest in your role',
    ])
      await visible(page.getByRole('region', { name: factor }))
    const table = page.getByRole('table', { name: 'Scorecard by partner manager' })
    await visible(table)
    await eventually(async () =>
      expect(await page.getByTestId('scorecard-fpm-row').count()).toBe(expected.fpms.length),
    )
    // The total row shows the API's numbers for the same scope and period.
    const total = expected.total.metrics.cadence_compliance!.current
    await eventually(async () =>
      expect(await page.getByTestId('scorecard-total').textContent()).toContain(pct(total.value)),
    )
    // A metric Trellis cannot compute says so.
    await visible(page.getByRole('button', { name: 'Required training on time: not tracked' }))
    await shot(page, 'scorecard-region', true)

    const fpm = expected.fpms.find((f) => f.metrics.cadence_compliance!.current.denominator > 0)!
    const drill = await e2e.get<ScorecardDrilldown>(
      lead,
      `/api/scorecard/drilldown?metric=cadence_compliance&period=${quarter}&fpmUserId=${fpm.fpmUserId}`,
    )
    await table.getByRole('button', { name: `ROBs and MBRs held of ${fpm.name}` }).click()
    const drawer = page.getByRole('dialog')
    await visible(drawer.getByRole('table', { name: 'Partners behind the number' }))
    await eventually(async () =>
      expect(await drawer.getByTestId('drilldown-row').count()).toBe(drill.rows.length),
    )
    const first = drill.rows[0]!
    expect(await drawer.getByTestId('drilldown-row').first().textContent()).toContain(first.name)
    await shot(page, 'scorecard-drilldown')
    await drawer.getByTestId('drilldown-row').first().getByRole('link', { name: 'Open' }).click()
    await page.waitForURL(new RegExp(`/partners/${first.partnerId}$`))
    await visible(page.getByRole('heading', { name: first.name, level: 1 }))
  })

  it('a partner manager sees their own scorecard, factor by factor', async () => {
    const page = await e2e.signIn('fpm@trellis.example', '/scorecard')
    await visible(page.getByText('Your success metrics from the role profile'))
    await eventually(async () => expect(await page.getByTestId('scorecard-metric').count()).toBe(13))
    await shot(page, 'scorecard-fpm', true)
  })
})

describe('offboarding', () => {
  it('an FPM proposes offboarding a flagged partner; the lead reviews and accepts it', async () => {
    const fpmCookie = await e2e.cookieFor('fpm@trellis.example')
    const flagged = (await e2e.get<OffboardingOverview>(fpmCookie, '/api/offboarding')).partners.find(
      (p) => p.flags.length > 0 && p.canPropose,
    )
    expect(flagged, 'the demo has a flagged partner of fpm@').toBeTruthy()
    const page = await e2e.signIn('fpm@trellis.example', '/offboarding')
    const row = page.getByTestId('offboarding-row').filter({ hasText: flagged!.name })
    await visible(row)
    await shot(page, 'offboarding-fpm')
    await row.getByRole('button', { name: 'Recommend offboarding' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Propose' }).click()
    await visible(dialog.getByText('Say why you recommend offboarding'))
    await dialog.getByLabel('Why').fill('No growth for two quarters and no MBR since the summer.')
    await dialog.getByRole('button', { name: 'Propose' }).click()
    await visible(row.getByText('Proposed'))

    const lead = await e2e.signIn('lead@trellis.example', `/partners/${flagged!.partnerId}`)
    const card = lead.getByRole('region', { name: 'Progress and offboarding' })
    await visible(card.getByText('No growth for two quarters'))
    await card.getByRole('button', { name: 'Mark reviewed' }).click()
    await lead.getByRole('dialog').getByRole('button', { name: 'Mark reviewed' }).click()
    await visible(card.getByText('Reviewed', { exact: true }).first())
    await card.getByRole('button', { name: 'Accept' }).click()
    const accept = lead.getByRole('dialog')
    await accept.getByRole('button', { name: 'Accept' }).click()
    await visible(accept.getByText('A comment is required to mark it accepted'))
    await accept.getByLabel('Comment').fill('Agreed with the program team on the call.')
    await accept.getByRole('button', { name: 'Accept' }).click()
    await visible(card.getByText('Accepted', { exact: true }).first())
    await visible(lead.getByText('Offboarding recommended').first())
    await card.scrollIntoViewIfNeeded()
    await shot(lead, 'offboarding-partner')
  })
})
