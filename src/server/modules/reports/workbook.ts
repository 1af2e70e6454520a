import type { Writable } from 'node:stream'
import type ExcelJS from 'exceljs'
import { healthBandLabel, healthFactorKeys, healthFactorLabel } from '#shared/contracts/analytics'
import { type IntentStatus, intentStatusLabel, type Phase, phaseLabel } from '#shared/domain/portfolio'
import { workloadName } from '#shared/domain/workloads'
import type { PortfolioReport, ScoredSubject } from './data'
import { INT, PCT, PTS, sheet } from './xlsx'

const round1 = (x: number) => Math.round(x * 10) / 10
const share = (active: number | null, licensed: number | null) =>
  licensed && licensed > 0 && active !== null ? active / licensed : null

function scoredSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  keyHeader: string,
  ownerHeader: string,
  rows: ScoredSubject[],
) {
  const ws = sheet(wb, name, [
    { header: 'Name', key: 'name', width: 32 },
    { header: keyHeader, key: 'key', width: 14 },
    { header: ownerHeader, key: 'owner', width: 24 },
    { header: 'Score', key: 'score', width: 8, numFmt: PTS },
    { header: 'Band', key: 'band', width: 10 },
    ...healthFactorKeys.map((k) => ({
      header: `${healthFactorLabel[k]} (points)`,
      key: `${k}Points`,
      width: 16,
      numFmt: PTS,
    })),
    ...healthFactorKeys.map((k) => ({
      header: `${healthFactorLabel[k]}: why`,
      key: `${k}Reason`,
      width: 48,
    })),
  ])
  for (const r of rows) {
    const f = Object.fromEntries(
      r.factors.flatMap((x) => [
        [`${x.key}Points`, round1(x.points)],
        [`${x.key}Reason`, x.reason],
      ]),
    )
    ws.addRow({
      name: r.name,
      key: r.key,
      owner: r.owner ?? '',
      score: round1(r.score),
      band: healthBandLabel[r.band],
      ...f,
    }).commit()
  }
  ws.commit()
}

/**
 * Writes the portfolio health review as an Excel workbook (streamed: large portfolios do not sit in
 * memory): Summary, Partner health, Customer health, Strengths and weaknesses, Opportunities, Customer rows.
 */
export async function writePortfolioWorkbook(report: PortfolioReport, out: Writable): Promise<void> {
  const { default: Excel } = await import('exceljs')
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true })
  wb.creator = 'Trellis'
  wb.created = new Date(report.generatedAt)
  const d = report.dashboard
  const o = report.opportunities

  const summary = wb.addWorksheet('Summary')
  summary.columns = [{ width: 36 }, { width: 18 }, { width: 18 }, { width: 18 }]
  const add = (values: (string | number | null)[], opts: { bold?: boolean; numFmt?: string } = {}) => {
    const row = summary.addRow(values)
    if (opts.bold) row.font = { bold: true }
    if (opts.numFmt) row.getCell(2).numFmt = opts.numFmt
    row.commit()
  }
  add(['Portfolio health review'], { bold: true })
  add(['Scope', report.scope])
  add(['Period', report.period ? report.period.slice(0, 7) : 'no data yet'])
  add(['Generated', `${report.generatedAt.replace('T', ' ').slice(0, 16)} UTC`])
  add([])
  add(['Partners', d.totals.partners], { numFmt: INT })
  add(['Engagements (customer × workload)', d.totals.engagements], { numFmt: INT })
  add(['Eligible engagements', d.totals.eligible], { numFmt: INT })
  add(['Claimed engagements', d.totals.claimed], { numFmt: INT })
  add(['Licensed users', d.totals.licensed], { numFmt: INT })
  add(['Active users', d.totals.active], { numFmt: INT })
  add(['Active share', d.totals.share], { numFmt: PCT })
  add(['Active share change vs previous month (share)', d.totals.shareDelta], { numFmt: PCT })
  add([])
  add(['Health band', 'Customers', 'Partners'], { bold: true })
  for (const b of ['healthy', 'watch', 'at_risk'] as const)
    add([healthBandLabel[b], d.customerBands[b], d.partnerBands[b]])
  add([])
  add(['Lifecycle phase', 'Engagements'], { bold: true })
  for (const f of d.funnel) add([phaseLabel[f.phase as Phase] ?? f.phase, f.engagements])
  add([])
  add(['Usage milestone', 'Engagements at or above'], { bold: true })
  for (const m of d.milestones) add([`${(m.milestone * 100).toFixed(0)} % active`, m.engagements])
  add([])
  add(['Open opportunities (found on the newest data)', o.total], { numFmt: INT })
  add([])
  add(['Top movers (month)', 'Workload', 'Active share', 'Change (share)'], { bold: true })
  for (const m of [...d.movers.up, ...d.movers.down]) {
    const row = summary.addRow([m.partnerName, workloadName(m.workloadCode), m.share, m.change])
    row.getCell(3).numFmt = PCT
    row.getCell(4).numFmt = PCT
    row.commit()
  }
  summary.commit()

  scoredSheet(wb, 'Partner health', 'Partner ID', 'Partner manager', report.partners)
  scoredSheet(wb, 'Customer health', 'TPID', 'Primary partner', report.customers)

  const sw = sheet(wb, 'Strengths and weaknesses', [
    { header: 'Partner', key: 'partner', width: 30 },
    { header: 'Workload', key: 'workload', width: 28 },
    { header: 'Standing', key: 'standing', width: 11 },
    { header: 'Active share', key: 'share', numFmt: PCT },
    { header: 'Region median', key: 'median', numFmt: PCT },
    { header: 'Percentile rank', key: 'percentile', numFmt: PTS },
    { header: 'Partners compared', key: 'peers' },
    { header: 'Month-over-month (share)', key: 'mom', numFmt: PCT },
    { header: 'Quarter-over-quarter (share)', key: 'qoq', numFmt: PCT },
    { header: 'Customers', key: 'engagements', numFmt: INT },
    { header: 'Licensed users', key: 'licensed', numFmt: INT },
    { header: 'Active users', key: 'active', numFmt: INT },
  ])
  const standingLabel = { strength: 'Strength', weakness: 'Weakness', par: 'On par' } as const
  for (const s of report.standings)
    sw.addRow({
      partner: s.partnerName,
      workload: workloadName(s.workloadCode),
      standing: standingLabel[s.standing],
      share: s.share,
      median: s.regionMedian,
      percentile: s.percentile === null ? null : round1(s.percentile),
      peers: s.peers,
      mom: s.mom,
      qoq: s.qoq,
      engagements: s.engagements,
      licensed: s.licensed,
      active: s.active,
    }).commit()
  sw.commit()

  const op = sheet(wb, 'Opportunities', [
    { header: 'Opportunity', key: 'rule', width: 26 },
    { header: 'Partner', key: 'partner', width: 28 },
    { header: 'Customer', key: 'customer', width: 30 },
    { header: 'Workload', key: 'workload', width: 26 },
    { header: 'Value', key: 'value', width: 10, numFmt: INT },
    { header: 'Unit', key: 'unit', width: 22 },
    { header: 'Why', key: 'reason', width: 80 },
    { header: 'Data month', key: 'period', width: 11 },
  ])
  for (const x of o.items)
    op.addRow({
      rule: x.ruleTitle,
      partner: x.partnerName,
      customer: x.customerName,
      workload: x.workloadCode ? workloadName(x.workloadCode) : 'All workloads',
      value: x.value,
      unit: x.unit,
      reason: x.reason,
      period: x.period.slice(0, 7),
    }).commit()
  if (o.total > o.items.length)
    op.addRow({
      rule: `… ${o.total - o.items.length} more open opportunities of lower value: see the Opportunities page`,
    }).commit()
  op.commit()

  const rows = sheet(wb, 'Customer rows', [
    { header: 'Partner', key: 'partner', width: 28 },
    { header: 'Customer', key: 'customer', width: 30 },
    { header: 'TPID', key: 'tpid', width: 12 },
    { header: 'Workload', key: 'workload', width: 26 },
    { header: 'Intent', key: 'intent', width: 16 },
    { header: 'Phase', key: 'phase', width: 12 },
    { header: 'Claimed', key: 'claimed', width: 9 },
    { header: 'Usage as of', key: 'asOf', width: 12 },
    { header: 'Licensed users', key: 'licensed', numFmt: INT },
    { header: 'Active users', key: 'active', numFmt: INT },
    { header: 'Active share', key: 'share', numFmt: PCT },
    { header: 'Previous as of', key: 'prevAsOf', width: 12 },
    { header: 'Previous active share', key: 'prevShare', numFmt: PCT },
  ])
  for (const r of report.rows)
    rows
      .addRow({
        partner: r.partnerName,
        customer: r.customerName,
        tpid: r.tpid,
        workload: workloadName(r.workloadCode),
        intent: intentStatusLabel[r.intentStatus as IntentStatus] ?? r.intentStatus,
        phase: phaseLabel[r.phase as Phase] ?? r.phase,
        claimed: r.claimed ? 'Yes' : 'No',
        asOf: r.latestAsOf ?? '',
        licensed: r.licensed,
        active: r.active,
        share: share(r.active, r.licensed),
        prevAsOf: r.previousAsOf ?? '',
        prevShare: share(r.previousActive, r.previousLicensed),
      })
      .commit()
  rows.commit()
  await wb.commit()
}
