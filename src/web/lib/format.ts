const integer = new Intl.NumberFormat('en-US')
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' })
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })

export const formatInt = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : integer.format(n)

export const formatPct = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : `${n.toFixed(n % 1 === 0 ? 0 : 1)}%`

/** A date-only value (YYYY-MM-DD) read as a calendar day, not shifted by the time zone. */
function parseDay(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value)
}

export const formatDate = (value: string | null | undefined) => {
  if (!value) return '—'
  const d = parseDay(value)
  return Number.isNaN(d.getTime()) ? value : dateFormat.format(d)
}

export const formatMonth = (value: string) => monthFormat.format(parseDay(value))

const longMonthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
/** "November 2026" for a period (YYYY-MM-01) or any date in it. */
export const formatPeriod = (value: string) => longMonthFormat.format(parseDay(value))

export const formatDateTime = (value: string | null | undefined) =>
  value ? dateTimeFormat.format(new Date(value)) : '—'

/** "3 days ago", "yesterday", "in 2 hours". */
export function formatRelative(value: string | null | undefined, now = Date.now()): string {
  if (!value) return '—'
  const seconds = (new Date(value).getTime() - now) / 1000
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ]
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit)
  }
  return 'just now'
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export const plural = (n: number, one: string, many = `${one}s`) => `${formatInt(n)} ${n === 1 ? one : many}`

/** A share 0–1 as a percentage: 0.412 → "41.2 %". */
export const formatShare = (share: number | null | undefined, digits = 1) =>
  share === null || share === undefined ? '—' : `${(share * 100).toFixed(digits)} %`

/** A change of a share in percentage points: 0.007 → "+0.7 pts". */
export const formatPts = (delta: number | null | undefined) =>
  delta === null || delta === undefined
    ? '—'
    : `${delta >= 0 ? '+' : '−'}${Math.abs(delta * 100).toFixed(1)} pts`
