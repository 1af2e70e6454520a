import { PassThrough } from 'node:stream'
import { healthBandLabel, healthFactorLabel } from '#shared/contracts/analytics'
import {
  type EscalationStatus,
  escalationStatusLabel,
  type Severity,
  severityLabel,
  slaStateLabel,
} from '#shared/domain/escalations'
import { type IntentStatus, intentStatusLabel, type Phase, phaseLabel } from '#shared/domain/portfolio'
import { workloadName } from '#shared/domain/workloads'
import { textCell } from '../cells'
import { INT, PCT, PTS, sheet } from '../xlsx'
import { type MbrPack, monthLabel } from './data'

/** Text goes into a cell as a string value, never as a formula (reports/cells.ts; a test checks it). */
const text = textCell

/**
 * The XLSX appendix of an MBR deck: the rows behind every slide, one sheet each — Summary, Customer rows
 * (customer × workload with licensed and active users of the month), Health factors, Opportunities,
 * Escalations, Action items.
 */
export async function buildMbrAppendix(pack: MbrPack): Promise<Buffer> {
  const { default: Excel } = await import('exceljs')
  // Streamed (rows are committed as they are added): a large partner's thousands of rows stay cheap.
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const ended = new Promise((resolve, reject) => out.on('end', resolve).on('error', reject))
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true })
  wb.creator = 'Trellis'
  wb.created = new Date(pack.frozenAt ?? `${pack.dataAsOf}T00:00:00Z`)

  const summary = wb.addWorksheet('Summary')
  summary.columns = [{ width: 40 }, { width: 24 }]
  const add = (label: string, value: string | number | null, numFmt?: string, bold = false) => {
    const row = summary.addRow([label, value])
    if (numFmt) row.getCell(2).numFmt = numFmt
    if (bold) row.font = { bold: true }
    row.commit()
  }
  add('Monthly business review', null, undefined, true)
  add('Partner', text(pack.partner.name))
  add('Partner ID', text(pack.partner.programId))
  add('Partner manager', text(pack.partner.fpm))
  add('Month', pack.month)
  add('Data as of', pack.dataAsOf)
  add(
    'Frozen',
    pack.frozenAt
      ? pack.frozenAt.replace('T', ' ').slice(0, 16)
      : `no: ${monthLabel(pack.month)} is in progress`,
  )
  add('Health score', Math.round(pack.health.score * 10) / 10, PTS)
  add('Health band', healthBandLabel[pack.health.band])
  add('Active share', pack.kpis.share, PCT)
  add('Licensed users', pack.kpis.licensed, INT)
  add('Active users', pack.kpis.active, INT)
  add('Engagements (customer × workload)', pack.kpis.engagements, INT)
  add('Eligible engagements', pack.kpis.eligible, INT)
  add('Claimed engagements', pack.kpis.claimed, INT)
  add('Open opportunities', pack.opportunities.total, INT)
  add('Escalations open at month end', pack.escalations.openAtEnd, INT)
  add('Action items open at month end', pack.actions.openAtEnd, INT)

  const rows = sheet(wb, 'Customer rows', [
    { header: 'Customer', key: 'customer', width: 32 },
    { header: 'TPID', key: 'tpid', width: 14 },
    { header: 'Workload', key: 'workload', width: 26 },
    { header: 'Intent', key: 'intent', width: 16 },
    { header: 'Phase', key: 'phase', width: 14 },
    { header: 'Claimed', key: 'claimed', width: 9 },
    { header: 'Snapshot date', key: 'asOf', width: 13 },
    { header: 'Licensed users', key: 'licensed', width: 14, numFmt: INT },
    { header: 'Active users', key: 'active', width: 13, numFmt: INT },
    { header: 'Active share', key: 'share', width: 12, numFmt: PCT },
    { header: 'Previous active share', key: 'previousShare', width: 14, numFmt: PCT },
  ])
  for (const r of pack.rows)
    rows
      .addRow({
        customer: text(r.customerName),
        tpid: text(r.tpid),
        workload: workloadName(r.workloadCode),
        intent: intentStatusLabel[r.intentStatus as IntentStatus] ?? text(r.intentStatus),
        phase: phaseLabel[r.phase as Phase] ?? text(r.phase),
        claimed: r.claimed ? 'yes' : 'no',
        asOf: r.asOf ?? '',
        licensed: r.licensed,
        active: r.active,
        share: r.share,
        previousShare: r.previousShare,
      })
      .commit()

  const factors = sheet(wb, 'Health factors', [
    { header: 'Factor', key: 'factor', width: 34 },
    { header: 'Value', key: 'value', width: 10, numFmt: PCT },
    { header: 'Weight', key: 'weight', width: 10, numFmt: PTS },
    { header: 'Points', key: 'points', width: 10, numFmt: PTS },
    { header: 'Why', key: 'reason', width: 90 },
  ])
  for (const f of pack.health.factors)
    factors
      .addRow({
        factor: healthFactorLabel[f.key],
        value: f.value,
        weight: f.weight,
        points: f.points,
        reason: text(f.reason),
      })
      .commit()

  const opps = sheet(wb, 'Opportunities', [
    { header: 'Customer', key: 'customer', width: 32 },
    { header: 'Workload', key: 'workload', width: 26 },
    { header: 'Opportunity', key: 'rule', width: 28 },
    { header: 'Why', key: 'reason', width: 80 },
    { header: 'Value', key: 'value', width: 12 },
    { header: 'Unit', key: 'unit', width: 22 },
  ])
  for (const o of pack.opportunities.items)
    opps
      .addRow({
        customer: text(o.customerName),
        workload: o.workloadCode ? workloadName(o.workloadCode) : 'All workloads',
        rule: text(o.ruleTitle),
        reason: text(o.reason),
        value: o.value,
        unit: text(o.unit),
      })
      .commit()

  const esc = sheet(wb, 'Escalations', [
    { header: 'Escalation', key: 'title', width: 40 },
    { header: 'Customer', key: 'customer', width: 28 },
    { header: 'Workload', key: 'workload', width: 22 },
    { header: 'Severity', key: 'severity', width: 10 },
    { header: 'Status at month end', key: 'status', width: 18 },
    { header: 'SLA at month end', key: 'sla', width: 16 },
    { header: 'SLA elapsed', key: 'elapsed', width: 12, numFmt: '0%' },
    { header: 'Raised', key: 'raised', width: 12 },
    { header: 'Resolved or closed', key: 'resolved', width: 16 },
    { header: 'Raised in month', key: 'opened', width: 14 },
    { header: 'Closed in month', key: 'closed', width: 14 },
    { header: 'Owner', key: 'owner', width: 22 },
  ])
  for (const x of pack.escalations.items)
    esc
      .addRow({
        title: text(x.title),
        customer: text(x.customerName),
        workload: x.workloadCode ? workloadName(x.workloadCode) : '',
        severity: severityLabel[x.severity as Severity] ?? text(x.severity),
        status: escalationStatusLabel[x.status as EscalationStatus],
        sla: slaStateLabel[x.slaState],
        elapsed: x.slaElapsed,
        raised: x.raisedAt.slice(0, 10),
        resolved: x.resolvedAt?.slice(0, 10) ?? '',
        opened: x.openedInMonth ? 'yes' : 'no',
        closed: x.closedInMonth ? 'yes' : 'no',
        owner: text(x.owner),
      })
      .commit()

  const acts = sheet(wb, 'Action items', [
    { header: 'Action', key: 'title', width: 48 },
    { header: 'Customer', key: 'customer', width: 28 },
    { header: 'Owner', key: 'owner', width: 24 },
    { header: 'Due', key: 'due', width: 12 },
    { header: 'At month end', key: 'state', width: 14 },
    { header: 'Overdue', key: 'overdue', width: 9 },
    { header: 'Created', key: 'created', width: 12 },
    { header: 'Done or cancelled', key: 'closed', width: 16 },
  ])
  for (const a of pack.actions.items)
    acts
      .addRow({
        title: text(a.title),
        customer: text(a.customerName),
        owner: text(a.owner),
        due: a.dueOn ?? '',
        state: a.state === 'open' ? 'Open' : a.state === 'done' ? 'Done' : 'Cancelled',
        overdue: a.overdue ? 'yes' : 'no',
        created: a.createdAt.slice(0, 10),
        closed: a.closedAt?.slice(0, 10) ?? '',
      })
      .commit()

  for (const ws of [summary, rows, factors, opps, esc, acts]) ws.commit()
  await wb.commit()
  await ended
  return Buffer.concat(chunks)
}
