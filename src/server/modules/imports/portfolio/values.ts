import { type IntentStatus, intentStatusLabel, type Phase, phaseLabel } from '#shared/domain/portfolio'
import { workloadCatalog } from '#shared/domain/workloads'
import { headerKey } from './columns'

/** A parsed cell: the value, or why it is not acceptable (shown to the user as is). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const bad = (message: string): Parsed<never> => ({ ok: false, message })

const MAX_INT = 2_147_483_647

/**
 * A whole number ≥ 0. Thousands separators are accepted when they group by three (`12,500`, `12.500`,
 * `12 500`, `12'500`), as is a zero decimal part (`12500.00`, from spreadsheets).
 */
export function parseCount(text: string): Parsed<number> {
  let s = text.replace(/[\s\u00a0\u202f']/g, '')
  if (/^\d+$/.test(s)) return checkRange(s)
  if (/^\d{1,3}(,\d{3})+(\.0+)?$/.test(s)) s = s.replace(/\.0+$/, '').replace(/,/g, '')
  else if (/^\d{1,3}(\.\d{3})+(,0+)?$/.test(s)) s = s.replace(/,0+$/, '').replace(/\./g, '')
  else if (/^\d+[.,]0+$/.test(s)) s = s.replace(/[.,]0+$/, '')
  else if (/^-\d/.test(s)) return bad('Must not be negative')
  else if (/^\d+[.,]\d+$/.test(s)) return bad('Use a whole number')
  else return bad('Not a number')
  return checkRange(s)
}

function checkRange(digits: string): Parsed<number> {
  const n = Number(digits)
  return n > MAX_INT ? bad('Too large') : ok(n)
}

const booleans = new Map<string, boolean>([
  ['yes', true],
  ['y', true],
  ['true', true],
  ['1', true],
  ['no', false],
  ['n', false],
  ['false', false],
  ['0', false],
])

export function parseYesNo(text: string): Parsed<boolean> {
  const v = booleans.get(text.trim().toLowerCase())
  return v === undefined ? bad('Use yes or no (also: y/n, true/false, 1/0)') : ok(v)
}

function vocabulary<T extends string>(labels: Record<T, string>, extra: Record<string, T>) {
  const map = new Map<string, T>()
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    map.set(headerKey(code), code)
    map.set(headerKey(label), code)
  }
  for (const [alias, code] of Object.entries(extra)) map.set(headerKey(alias), code)
  const listed = Object.values<string>(labels).join(', ')
  return (text: string): Parsed<T> => {
    const v = map.get(headerKey(text))
    return v === undefined ? bad(`Not a known value; use one of: ${listed}`) : ok(v)
  }
}

export const parseIntent = vocabulary<IntentStatus>(intentStatusLabel, {
  unknown: 'unknown',
  duplicate: 'duplicate',
  invalid: 'duplicate',
  'duplicate/invalid': 'duplicate',
})

export const parsePhase = vocabulary<Phase>(phaseLabel, { operations: 'operation', enablement: 'enable' })

export function parseWorkloadCell(
  text: string,
  known: ReadonlySet<string>,
  resolve: (s: string) => string | undefined,
): Parsed<string> {
  const code = resolve(text)
  if (code && known.has(code)) return ok(code)
  const codes = workloadCatalog.map((w) => w.code).join(', ')
  return bad(`Not a known workload; use a code (${codes}) or a workload name`)
}

/** YYYY-MM-DD (a time part is ignored; `YYYY/MM/DD` accepted); must be a real calendar date. */
export function parseIsoDate(text: string): Parsed<string> {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(
    text.trim(),
  )
  if (!m) return bad('Use the date format YYYY-MM-DD')
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`
  const d = new Date(`${iso}T00:00:00Z`)
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return bad('Not a real date')
  return ok(iso)
}
