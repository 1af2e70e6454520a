import { afterAll, describe, expect, it } from 'vitest'
import { openTable, type TableRow } from '#server/modules/imports/file/read-table'
import { tempFiles } from '#test/helpers/imports-files'

const files = tempFiles()
afterAll(files.cleanup)

async function readAll(path: string) {
  const t = await openTable(path)
  const rows: TableRow[] = []
  for await (const b of t.batches()) rows.push(...b)
  return { header: t.header, rows, format: t.format, delimiter: t.delimiter, progress: t.progress() }
}

describe('openTable: CSV', () => {
  it('reads UTF-8 with a BOM, CRLF and quoted fields', async () => {
    const path = files.write(Buffer.from('\ufeffPartner ID,Name\r\nP1,"Contoso, ""Ltd"""\r\nP2,Zoë\r\n'))
    const t = await readAll(path)
    expect(t.header).toEqual(['Partner ID', 'Name'])
    expect(t.rows).toEqual([
      { row: 2, cells: ['P1', 'Contoso, "Ltd"'] },
      { row: 3, cells: ['P2', 'Zoë'] },
    ])
    expect(t.progress).toBe(1)
  })

  it('detects semicolons from the header line', async () => {
    const t = await readAll(files.write('a;b;c\n1;2,5;3\n'))
    expect(t.delimiter).toBe(';')
    expect(t.rows[0].cells).toEqual(['1', '2,5', '3'])
  })

  it('numbers rows like a spreadsheet: blank lines are skipped but counted, multi-line cells are one row', async () => {
    const t = await readAll(files.write('h1,h2\n1,"two\nlines"\n\n,\n4,x\n'))
    expect(t.rows).toEqual([
      { row: 2, cells: ['1', 'two\nlines'] },
      { row: 5, cells: ['4', 'x'] },
    ])
  })

  it('trims cells', async () => {
    const t = await readAll(files.write(' a , b \n 1 ,"  2  "\n'))
    expect(t.header).toEqual(['a', 'b'])
    expect(t.rows[0].cells).toEqual(['1', '2'])
  })

  it('reads UTF-16 with a BOM (Excel "Unicode text") and Windows-1252', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tb\r\nZoë\t2\r\n', 'utf16le')])
    expect((await readAll(files.write(utf16))).rows[0].cells).toEqual(['Zoë', '2'])
    const cp1252 = Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x5a, 0x6f, 0xeb, 0x2c, 0x80, 0x0a])
    expect((await readAll(files.write(cp1252))).rows[0].cells).toEqual(['Zoë', '€'])
  })

  it('refuses empty, binary and old Excel files with a clear message', async () => {
    await expect(openTable(files.write(''))).rejects.toThrow('The file is empty.')
    await expect(openTable(files.write('\n\n'))).rejects.toThrow(/first row must hold the column names/)
    await expect(openTable(files.write(Buffer.from([1, 2, 0, 3])))).rejects.toThrow(/binary data/)
    await expect(openTable(files.write(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0])))).rejects.toThrow(
      /old Excel \.xls/,
    )
  })
})

describe('openTable: XLSX', () => {
  it('reads the first worksheet: text, numbers, dates, booleans, formulas and rich text', async () => {
    const path = await files.xlsx([
      ['Partner ID', 'Seats', 'As Of', 'Claimed', 'Total', 'Name'],
      [
        'P1',
        1200,
        new Date(Date.UTC(2026, 8, 30)),
        true,
        { formula: 'B2*2', result: 2400 },
        { richText: [{ text: 'Con' }, { text: 'toso' }] },
      ],
      [],
      ['P2', 3.5, null, false, null, '  spaced  '],
    ])
    const t = await readAll(path)
    expect(t.format).toBe('xlsx')
    expect(t.header).toEqual(['Partner ID', 'Seats', 'As Of', 'Claimed', 'Total', 'Name'])
    expect(t.rows).toEqual([
      { row: 2, cells: ['P1', '1200', '2026-09-30', 'TRUE', '2400', 'Contoso'] },
      { row: 4, cells: ['P2', '3.5', '', 'FALSE', '', 'spaced'] },
    ])
  })

  it('refuses a damaged workbook', async () => {
    const path = files.write(
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
      'broken.xlsx',
    )
    await expect(openTable(path)).rejects.toThrow(/This Excel file cannot be read/)
  })
})
