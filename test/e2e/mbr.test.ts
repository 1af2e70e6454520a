import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2E, shot, startE2E, visible } from './harness'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

describe('MBR pack', () => {
  it('downloads the deck of a chosen month from the partner page (a viewer too)', async () => {
    const page = await e2e.signIn('viewer@trellis.example')
    await page.getByRole('link', { name: 'Partners' }).click()
    await page.getByRole('table').getByRole('link').first().click()
    await page.getByRole('button', { name: 'MBR pack' }).click()
    const month = await visible(
      page
        .getByRole('textbox', { name: 'Month' })
        .or(page.getByRole('combobox', { name: 'Month' }))
        .first(),
    )
    const newest = await month.inputValue()
    expect(newest).toMatch(/^[A-Z][a-z]+ \d{4}$/)
    await shot(page, 'mbr-pack-button')
    const deck = page.getByRole('link', { name: 'Deck (PowerPoint)' })
    expect(await deck.getAttribute('href')).toMatch(
      /^\/api\/partners\/\d+\/mbr\?month=\d{4}-\d{2}&format=pptx$/,
    )
    const [download] = await Promise.all([page.waitForEvent('download'), deck.click()])
    expect(download.suggestedFilename()).toMatch(/^mbr-P\d+-\d{4}-\d{2}\.pptx$/)
    const appendix = page.getByRole('link', { name: 'Appendix (Excel)' })
    expect(await appendix.getAttribute('href')).toMatch(/format=xlsx$/)
  })
})
