import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'

/** The shared sample report (made-up tenant, 60 users; copy of /work/shared/samples). */
export const SAMPLE = fileURLToPath(
  new URL('../fixtures/imports/m365-office365-active-user-detail-D30.csv', import.meta.url),
)
/** The rule of domain.md §4, written the plain way: the reference the importer is checked against. */
export function expectedCounts(csv: string) {
  const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[]
  const names: [string, string][] = [
    ['EXO', 'Exchange'],
    ['OD', 'OneDrive'],
    ['SPO', 'SharePoint'],
    ['SFB', 'Skype For Business'],
    ['YAM', 'Yammer'],
    ['TEAMS', 'Teams'],
  ]
  const refresh = rows[0]['Report Refresh Date']
  const cutoff = new Date(`${refresh}T00:00:00Z`).getTime() - 27 * 86_400_000
  return names.map(([code, name]) => {
    const licensed = rows.filter((r) => r[`Has ${name} License`] === 'True' && r['Is Deleted'] === 'False')
    const active = licensed.filter((r) => {
      const d = r[`${name} Last Activity Date`]
      return d !== '' && new Date(`${d}T00:00:00Z`).getTime() >= cutoff
    })
    return { workload: code, licensed: licensed.length, active: active.length }
  })
}
