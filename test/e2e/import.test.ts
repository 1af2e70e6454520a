import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2E, eventually, shot, startE2E, tableRows, visible } from './harness'

const header =
  'Partner ID,Partner Name,Customer TPID,Customer Name,Country,Seats,Workload,Intent Status,Phase,Claimed,Licensed Users,Active Users'
const goodRows = [
  'E2E-IMP-1,Tailwind Imports,9100001,Tailwind Bank,Germany,1200,Exchange Online,In Progress,Enable,Yes,1100,420',
  'E2E-IMP-1,Tailwind Imports,9100001,Tailwind Bank,Germany,1200,Microsoft Teams,In Progress,Adoption,Yes,1100,780',
  'E2E-IMP-1,Tailwind Imports,9100002,Tailwind Clinics,Austria,90,SharePoint Online,Status Unknown,Initiate,No,80,12',
]
const csv = (rows: string[]) => Buffer.from(`${header}\n${rows.join('\n')}\n`)

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

/** A made-up tenant in the shape of Microsoft 365's "Office 365 active user detail" report. */
const m365Sample = fileURLToPath(
  new URL('./fixtures/m365-office365-active-user-detail-D30.csv', import.meta.url),
)

describe('importing a portfolio', () => {
  it('shows the problems of a bad file row by row, and lets the user skip them', async () => {
    const page = await e2e.signIn('fpm@trellis.example')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click()
    await page.locator('input[type=file]').setInputFiles({
      name: 'portfolio-with-errors.csv',
      mimeType: 'text/csv',
      buffer: csv([
        ...goodRows,
        'E2E-IMP-2,Broken Rows Ltd,9100003,Broken Customer,France,not-a-number,Exchange Online,In Progress,Enable,Yes,10,5',
        'E2E-IMP-2,Broken Rows Ltd,9100004,Another Customer,France,500,Not A Workload,In Progress,Enable,Yes,10,5',
      ]),
    })
    await page.getByRole('button', { name: 'Upload and preview' }).click()
    await visible(page.getByRole('heading', { name: 'Preview of portfolio-with-errors.csv' }))
    await visible(page.getByRole('table', { name: 'Column mapping' }))
    const problems = page.getByRole('table', { name: 'Problems in the file' })
    await visible(problems)
    const rows = await problems.locator('tbody tr').allTextContents()
    expect(rows.length).toBeGreaterThanOrEqual(2)
    expect(rows.join('\n')).toContain('not-a-number')
    expect(await page.getByRole('button', { name: 'Commit import' }).isDisabled()).toBe(true)

    await page.getByRole('button', { name: 'Check again, skipping invalid rows' }).click()
    await visible(page.getByText('The rows listed below will be skipped'))
    expect(await page.getByRole('button', { name: 'Commit import' }).isDisabled()).toBe(false)
    expect(await page.getByTestId('count-customers').textContent()).toBe('2')
    await shot(page, 'import-preview-errors')
    await page.context().close()
  })

  it('previews, commits with a progress bar, and the new partner is in the list', async () => {
    const page = await e2e.signIn('fpm@trellis.example')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click()
    await visible(page.getByText('What are you importing?'))
    await page.locator('input[type=file]').setInputFiles({
      name: 'tailwind-portfolio.csv',
      mimeType: 'text/csv',
      buffer: csv(goodRows),
    })
    await visible(page.getByTestId('chosen-file').getByText('tailwind-portfolio.csv'))
    await page.getByRole('button', { name: 'Upload and preview' }).click()

    // The dry run: mapping of every column, and what would be written.
    await visible(page.getByRole('heading', { name: 'Preview of tailwind-portfolio.csv' }))
    const mapping = page.getByRole('table', { name: 'Column mapping' })
    for (const column of ['Partner ID', 'Customer TPID', 'Licensed Users', 'Active Users'])
      await visible(mapping.getByRole('cell', { name: column, exact: true }))
    expect(await page.getByTestId('count-partners').textContent()).toBe('1')
    expect(await page.getByTestId('count-customers').textContent()).toBe('2')
    await visible(page.getByText('Every row is valid.'))
    // Nothing is written before the commit.
    await page.goto('/partners?q=Tailwind')
    await visible(page.getByText('No partner matches'))
    await page.goBack()

    await page.getByRole('button', { name: 'Commit import' }).click()
    await visible(page.getByRole('heading', { name: 'Import complete' }), 60_000)
    await shot(page, 'import-done')
    expect(await page.getByTestId('count-partners').textContent()).toBe('1')

    await page.getByRole('link', { name: 'See the partners' }).click()
    await page.getByRole('searchbox', { name: 'Search partners' }).fill('Tailwind')
    const rows = await tableRows(page, 'Partners')
    await eventually(async () => expect(await rows.count()).toBe(1))
    await rows.first().getByRole('link', { name: 'Tailwind Imports' }).click()
    await visible(page.getByRole('heading', { name: 'Tailwind Imports', level: 1 }))
    const customers = page.getByRole('table', { name: 'Customers' })
    await visible(customers.getByRole('link', { name: 'Tailwind Bank' }))
    await visible(customers.getByRole('link', { name: 'Tailwind Clinics' }))

    // The import is in the history.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click()
    const history = page.getByRole('table', { name: 'Import history' })
    await visible(history.getByText('tailwind-portfolio.csv'))
    await page.context().close()
  })

  it('adds a Microsoft 365 usage report to a customer', async () => {
    const page = await e2e.signIn('fpm@trellis.example')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click()
    const customers = await tableRows(page, 'Customers')
    const tpid = (await customers.first().locator('td.mono').textContent())?.trim() ?? ''
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click()
    await page.getByText('Microsoft 365 active user report (CSV)').click()
    await page.getByRole('button', { name: 'Upload report' }).click()
    await visible(page.getByText('Enter the TPID of the customer the report belongs to'))
    await page.locator('input[type=file]').setInputFiles(m365Sample)
    await page.getByLabel('Customer TPID').fill(tpid)
    await page.getByRole('button', { name: 'Upload report' }).click()
    await visible(page.getByRole('heading', { name: `Usage imported for TPID ${tpid}` }))
    const usage = page.getByRole('table', { name: 'Imported usage per workload' })
    await visible(usage.getByText('Exchange Online'))
    await page.context().close()
  })
})
