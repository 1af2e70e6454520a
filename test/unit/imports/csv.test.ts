import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CsvSplitter, detectDelimiter } from '#server/modules/imports/file/csv'

/** Splits `text` into records, feeding it in the given chunk sizes. */
function split(text: string, delimiter = ',', chunks: number[] = [text.length]): string[][] {
  const out: string[][] = []
  const s = new CsvSplitter(delimiter, (f) => out.push(f))
  let at = 0
  for (const size of chunks) {
    if (at >= text.length) break
    s.push(text.slice(at, at + size))
    at += size
  }
  if (at < text.length) s.push(text.slice(at))
  s.end()
  return out
}

describe('CsvSplitter', () => {
  it('splits records on LF, CRLF and a lone CR', () => {
    expect(split('a,b\nc,d\r\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ])
  })

  it('reads quoted fields with delimiters, newlines and doubled quotes', () => {
    expect(split('"a,1","say ""hi""","two\nlines"\r\nx,"",y\n')).toEqual([
      ['a,1', 'say "hi"', 'two\nlines'],
      ['x', '', 'y'],
    ])
  })

  it('keeps empty fields and empty lines (as one empty field)', () => {
    expect(split('a,,c,\n\nd\n')).toEqual([['a', '', 'c', ''], [''], ['d']])
  })

  it('is lenient like spreadsheets: stray quotes are kept, text after a closing quote is appended', () => {
    expect(split('5" screen,b\n"ab"c,d\n')).toEqual([
      ['5" screen', 'b'],
      ['abc', 'd'],
    ])
  })

  it('uses the given delimiter', () => {
    expect(split('a;"b;c";d\n', ';')).toEqual([['a', 'b;c', 'd']])
    expect(split('a\tb\n', '\t')).toEqual([['a', 'b']])
  })

  it('refuses a quoted field that never closes, naming the line', () => {
    expect(() => split('a,b\n"c,d\ne,f\n')).toThrow(/Line 2: a quoted field is never closed/)
  })

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'id,name\r\n1,"Contoso, ""Ltd"""\r\n2,"multi\r\nline"\r\n3,plain\r\n'
    const whole = split(text)
    for (let size = 1; size <= text.length; size++) {
      expect(split(text, ',', Array(text.length).fill(size))).toEqual(whole)
    }
  })

  it('agrees with csv-parse on generated files, in any chunking', () => {
    const field = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'B', ' ', ',', '"', '\n', '\r\n', 'é', '1', ';') }),
      fc.string(),
    )
    const records = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 })
    fc.assert(
      fc.property(
        records,
        fc.array(fc.integer({ min: 1, max: 7 })),
        fc.constantFrom('\n', '\r\n'),
        (recs, chunks, eol) => {
          // Always quote: csv-parse and we then agree on every possible field content.
          const text = recs.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join(eol) + eol
          const expected = parse(text, { relax_column_count: true }) as string[][]
          expect(split(text, ',', chunks)).toEqual(expected)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('detectDelimiter', () => {
  it('picks the most frequent of comma, semicolon and tab in the header line', () => {
    expect(detectDelimiter('a,b,c\n1;2;3;4;5')).toBe(',')
    expect(detectDelimiter('Partner ID;Name;TPID\r\n')).toBe(';')
    expect(detectDelimiter('a\tb\tc')).toBe('\t')
    expect(detectDelimiter('"a;b",c,d')).toBe(',')
    expect(detectDelimiter('single')).toBe(',')
  })
})
