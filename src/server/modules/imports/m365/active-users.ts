import type { Issue } from '#shared/errors'
import { AppError } from '#shared/errors'
import { openTable } from '../file/read-table'
import { headerKey } from '../portfolio/columns'
import { parseIsoDate } from '../portfolio/values'

/**
 * Microsoft 365 "Office 365 active user detail" report (Graph getOffice365ActiveUserDetail, domain.md
 * §4) → licensed and active users per workload. Per workload W:
 *   licensed = users with `Has W License` = True and `Is Deleted` = False
 *   active   = licensed users whose `W Last Activity Date` ≥ Report Refresh Date − 27 days (28-day window)
 * Columns are found by name; columns we do not know are reported, never fatal.
 */
export const reportWorkloads = [
  { code: 'EXO', name: 'Exchange' },
  { code: 'OD', name: 'OneDrive' },
  { code: 'SPO', name: 'SharePoint' },
  { code: 'SFB', name: 'Skype For Business' },
  { code: 'YAM', name: 'Yammer' },
  { code: 'TEAMS', name: 'Teams' },
] as const

const REFRESH = 'Report Refresh Date'
const DELETED = 'Is Deleted'
const otherKnown = [
  'User Principal Name',
  'Display Name',
  'Deleted Date',
  'Assigned Products',
  'Report Period',
]
const ACTIVE_WINDOW_DAYS = 28
const MAX_ISSUES = 1000

export type ActiveUserCounts = {
  asOf: string
  users: number
  workloads: { workload: string; licensed: number; active: number }[]
  unknownColumns: string[]
}

type WorkloadColumns = {
  code: string
  license: number
  activity: number
  licenseTitle: string
  activityTitle: string
}

function parseBool(text: string): boolean | undefined {
  const v = text.toLowerCase()
  if (v === 'true' || v === 'yes' || v === '1') return true
  if (v === 'false' || v === 'no' || v === '0' || v === '') return false
  return undefined
}

function minusDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - days)
  return d.toISOString().slice(0, 10)
}

/** Reads and counts the report. Any bad row makes the whole file invalid (nothing is stored). */
export async function readActiveUserReport(path: string): Promise<ActiveUserCounts> {
  const table = await openTable(path)
  try {
    const index = new Map<string, number>()
    table.header.forEach((h, i) => {
      const k = headerKey(h)
      if (k && !index.has(k)) index.set(k, i)
    })
    const col = (name: string) => index.get(headerKey(name)) ?? -1
    const known = new Set<string>([REFRESH, DELETED, ...otherKnown].map(headerKey))
    const workloads: WorkloadColumns[] = []
    const missing: string[] = []
    for (const w of reportWorkloads) {
      const licenseTitle = `Has ${w.name} License`
      const activityTitle = `${w.name} Last Activity Date`
      for (const n of [licenseTitle, activityTitle, `${w.name} License Assign Date`]) known.add(headerKey(n))
      const license = col(licenseTitle)
      const activity = col(activityTitle)
      if (license >= 0 && activity >= 0)
        workloads.push({ code: w.code, license, activity, licenseTitle, activityTitle })
      else if (license >= 0 || activity >= 0) missing.push(license >= 0 ? activityTitle : licenseTitle)
    }
    const refresh = col(REFRESH)
    const deleted = col(DELETED)
    if (refresh < 0) missing.unshift(REFRESH)
    if (deleted < 0) missing.unshift(DELETED)
    if (!workloads.length && !missing.length)
      missing.push('Has <Workload> License and <Workload> Last Activity Date')
    const found = table.header.filter((h) => h !== '')
    if (missing.length) {
      throw new AppError(
        'INVALID_FILE',
        `This is not an "Office 365 active user detail" report: missing column(s) ${missing.map((m) => `"${m}"`).join(', ')}. Columns found: ${found.map((h) => `"${h}"`).join(', ') || '(none)'}.`,
      )
    }
    const unknownColumns = found.filter((h) => !known.has(headerKey(h)))
    const title = (i: number) => table.header[i]

    const issues: Issue[] = []
    let issueCount = 0
    const problem = (row: number, i: number, value: string, message: string) => {
      issueCount++
      if (issues.length < MAX_ISSUES) issues.push({ row, column: title(i), value, message })
    }
    const licensed = new Array<number>(workloads.length).fill(0)
    const active = new Array<number>(workloads.length).fill(0)
    let asOf: string | null = null
    let asOfRow = 0
    let since = ''
    let users = 0
    const dates = new Map<string, string | null>()
    const date = (text: string): string | null => {
      let d = dates.get(text)
      if (d === undefined) {
        const r = parseIsoDate(text)
        d = r.ok ? r.value : null
        if (dates.size < 10_000) dates.set(text, d)
      }
      return d
    }
    for await (const batch of table.batches()) {
      for (const { row, cells } of batch) {
        users++
        const refreshText = cells[refresh] ?? ''
        const rowAsOf = date(refreshText)
        if (!rowAsOf) {
          problem(row, refresh, refreshText, refreshText ? 'Not a date (use YYYY-MM-DD)' : 'Required')
          continue
        }
        if (asOf === null) {
          asOf = rowAsOf
          asOfRow = row
          since = minusDays(rowAsOf, ACTIVE_WINDOW_DAYS - 1)
        } else if (rowAsOf !== asOf) {
          problem(
            row,
            refresh,
            refreshText,
            `The report mixes refresh dates: ${asOf} on row ${asOfRow}, ${rowAsOf} here. Import one report at a time.`,
          )
          continue
        }
        const deletedText = cells[deleted] ?? ''
        const isDeleted = parseBool(deletedText)
        if (isDeleted === undefined) problem(row, deleted, deletedText, 'Use True or False')
        for (let w = 0; w < workloads.length; w++) {
          const wc = workloads[w]
          const hasText = cells[wc.license] ?? ''
          const has = parseBool(hasText)
          if (has === undefined) {
            problem(row, wc.license, hasText, 'Use True or False')
            continue
          }
          const lastText = cells[wc.activity] ?? ''
          const last = lastText === '' ? '' : date(lastText)
          if (last === null) {
            problem(row, wc.activity, lastText, 'Not a date (use YYYY-MM-DD)')
            continue
          }
          if (has && isDeleted === false) {
            licensed[w]++
            if (last !== '' && last >= since) active[w]++
          }
        }
      }
    }
    if (issueCount) {
      throw new AppError(
        'INVALID_FILE',
        `The report has ${issueCount} problem(s); nothing was imported. First: row ${issues[0].row}, ${issues[0].column}: ${issues[0].message}.`,
        issues,
      )
    }
    if (asOf === null) throw new AppError('INVALID_FILE', 'The report has no user rows.')
    return {
      asOf,
      users,
      unknownColumns,
      workloads: workloads.map((w, i) => ({ workload: w.code, licensed: licensed[i], active: active[i] })),
    }
  } finally {
    table.close()
  }
}
