import type { Insight, Spotlight } from '#shared/contracts/insights'
import { insightStatusLabel, insightTypeLabel, spotlightStatusLabel } from '#shared/domain/insights'
import { workloadName } from '#shared/domain/workloads'
import { type Cell, type ExportColumn, exportContentType, toCsv, toXlsx } from '../reports/cells'

const when = (s: string | null) => (s ? s.replace('T', ' ').slice(0, 16) : null)

const insightColumns: ExportColumn[] = [
  { header: 'ID', key: 'id', width: 8 },
  { header: 'Partner', key: 'partner', width: 28 },
  { header: 'Customer', key: 'customer', width: 28 },
  { header: 'Workload', key: 'workload', width: 24 },
  { header: 'Type', key: 'type', width: 10 },
  { header: 'Status', key: 'status', width: 14 },
  { header: 'Title', key: 'title', width: 40 },
  { header: 'Description', key: 'description', width: 60 },
  { header: '+1 customers', key: 'plusOnes', width: 12 },
  { header: 'Submitted by', key: 'submittedBy', width: 20 },
  { header: 'Submitted (UTC)', key: 'submittedAt', width: 17 },
  { header: 'Closed (UTC)', key: 'closedAt', width: 17 },
]
const insightRow = (i: Insight): Record<string, Cell> => ({
  id: i.id,
  partner: i.partnerName,
  customer: i.customerName,
  workload: i.workloadCode ? workloadName(i.workloadCode) : null,
  type: insightTypeLabel[i.type],
  status: insightStatusLabel[i.status],
  title: i.title,
  description: i.description,
  plusOnes: i.plusOnes,
  submittedBy: i.submittedByName,
  submittedAt: when(i.submittedAt),
  closedAt: when(i.closedAt),
})

const spotlightColumns: ExportColumn[] = [
  { header: 'ID', key: 'id', width: 8 },
  { header: 'Partner', key: 'partner', width: 28 },
  { header: 'Customer', key: 'customer', width: 28 },
  { header: 'Workloads', key: 'workloads', width: 30 },
  { header: 'Title', key: 'title', width: 40 },
  { header: 'Situation', key: 'situation', width: 60 },
  { header: 'What was done', key: 'actions', width: 60 },
  { header: 'Outcome', key: 'outcome', width: 60 },
  { header: 'Status', key: 'status', width: 26 },
  { header: 'Written by', key: 'createdBy', width: 20 },
  { header: 'Submitted (UTC)', key: 'submittedAt', width: 17 },
  { header: 'Decided by', key: 'decidedBy', width: 20 },
  { header: 'Decided (UTC)', key: 'decidedAt', width: 17 },
]
const spotlightRow = (s: Spotlight): Record<string, Cell> => ({
  id: s.id,
  partner: s.partnerName,
  customer: s.customerName,
  workloads: s.workloadCodes.map(workloadName).join('; '),
  title: s.title,
  situation: s.situation,
  actions: s.actions,
  outcome: s.outcome,
  status: spotlightStatusLabel[s.status],
  createdBy: s.createdByName,
  submittedAt: when(s.submittedAt),
  decidedBy: s.decidedByName,
  decidedAt: when(s.decidedAt),
})

export type ExportFile = { body: Buffer; contentType: string; fileName: string }

async function file(
  name: 'insights' | 'spotlights',
  format: 'csv' | 'xlsx',
  columns: ExportColumn[],
  rows: Record<string, Cell>[],
): Promise<ExportFile> {
  const body =
    format === 'csv'
      ? toCsv(columns, rows)
      : await toXlsx(name === 'insights' ? 'Insights' : 'Spotlights', columns, rows)
  const day = new Date().toISOString().slice(0, 10)
  return { body, contentType: exportContentType[format], fileName: `${name}-${day}.${format}` }
}

/** The insights register as CSV or XLSX, safe against formula injection (reports/cells.ts). */
export const exportInsights = (items: Insight[], format: 'csv' | 'xlsx') =>
  file('insights', format, insightColumns, items.map(insightRow))

/** The spotlights register as CSV or XLSX, safe against formula injection (reports/cells.ts). */
export const exportSpotlights = (items: Spotlight[], format: 'csv' | 'xlsx') =>
  file('spotlights', format, spotlightColumns, items.map(spotlightRow))
