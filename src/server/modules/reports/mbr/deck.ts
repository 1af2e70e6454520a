import type PptxGenJS from 'pptxgenjs'
import { healthBandLabel, healthFactorLabel } from '#shared/contracts/analytics'
import {
  type EscalationStatus,
  escalationStatusLabel,
  type Severity,
  type SlaState,
  severityLabel,
  slaStateLabel,
} from '#shared/domain/escalations'
import { workloadName } from '#shared/domain/workloads'
import { type MbrPack, monthLabel } from './data'
import { withoutRepairTriggers } from './ooxml'

type Slide = PptxGenJS.Slide
type Cell = PptxGenJS.TableCell

/** The theme: one palette and font for every slide (16:9, 13.33 × 7.5 in). */
const C = {
  navy: '1B2A4A',
  accent: '2B6CB0',
  light: 'EEF3FA',
  line: 'CBD5E0',
  text: '1A202C',
  muted: '4A5568',
  healthy: '2F855A',
  watch: 'B7791F',
  at_risk: 'C53030',
  white: 'FFFFFF',
}
const FONT = 'Calibri'
const W = 13.333
const MARGIN = 0.5
const CONTENT_W = W - 2 * MARGIN
const SERIES_COLORS = [
  '2B6CB0',
  'DD6B20',
  '38A169',
  '805AD5',
  'D53F8C',
  '319795',
  'D69E2E',
  '718096',
  'E53E3E',
  '3182CE',
  '2C7A7B',
  '975A16',
]

/** Rows per table slide; longer lists continue on the next slide ("continued"). */
export const ROWS_PER_SLIDE = 10
/** The most opportunities the deck lists (the appendix has them all). */
export const DECK_OPPORTUNITIES = 30

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`)
const pts = (x: number) => x.toFixed(1)
const int = (x: number) => Math.round(x).toLocaleString('en-US')
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—')
/** Cuts text to what fits its cell (two lines at the table's font size), with an ellipsis. */
const clip = (s: string | null | undefined, max: number) =>
  !s ? '—' : s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`
const signed = (x: number, digits = 1) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`

function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n))
  return out.length ? out : [[]]
}

/**
 * Builds the MBR deck of a pack: title, KPIs and health with its factors, adoption as native (editable)
 * charts, opportunities, escalations, action items and next steps. Long tables continue on more slides.
 */
export async function buildMbrDeck(pack: MbrPack): Promise<Buffer> {
  const { default: Pptx } = await import('pptxgenjs')
  const pptx = new Pptx()
  pptx.layout = 'LAYOUT_WIDE'
  pptx.author = 'Trellis'
  pptx.company = 'Trellis'
  pptx.title = `MBR ${pack.partner.name} ${pack.month}`
  pptx.subject = `Monthly business review of ${pack.partner.name}, ${monthLabel(pack.month)}`
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT }

  const footer = `${pack.partner.name} · MBR ${monthLabel(pack.month)} · data as of ${pack.dataAsOf}${
    pack.frozenAt ? '' : ' · month in progress'
  }`
  pptx.defineSlideMaster({
    title: 'MBR',
    background: { color: C.white },
    objects: [
      { rect: { x: 0, y: 0, w: W, h: 0.12, fill: { color: C.accent } } },
      { line: { x: MARGIN, y: 6.95, w: CONTENT_W, h: 0, line: { color: C.line, width: 0.75 } } },
      {
        text: {
          text: footer,
          options: {
            x: MARGIN,
            y: 7.0,
            w: CONTENT_W - 1,
            h: 0.3,
            fontFace: FONT,
            fontSize: 9,
            color: C.muted,
          },
        },
      },
    ],
    slideNumber: {
      x: W - MARGIN - 0.6,
      y: 7.0,
      w: 0.6,
      h: 0.3,
      fontFace: FONT,
      fontSize: 9,
      color: C.muted,
      align: 'right',
    },
  })

  const slide = (title: string, subtitle?: string) => {
    const s = pptx.addSlide({ masterName: 'MBR' })
    s.addText(title, {
      x: MARGIN,
      y: 0.3,
      w: CONTENT_W,
      h: 0.6,
      fontFace: FONT,
      fontSize: 26,
      bold: true,
      color: C.navy,
    })
    if (subtitle)
      s.addText(subtitle, {
        x: MARGIN,
        y: 0.88,
        w: CONTENT_W,
        h: 0.4,
        fontFace: FONT,
        fontSize: 13,
        color: C.muted,
      })
    return s
  }

  titleSlide(pptx, pack)
  healthSlide(slide, pack)
  adoptionSlides(pptx, slide, pack)
  opportunitySlides(slide, pack)
  escalationSlides(slide, pack)
  actionSlides(slide, pack)
  nextStepsSlide(slide, pack)

  return withoutRepairTriggers((await pptx.write({ outputType: 'nodebuffer' })) as Buffer)
}

function titleSlide(pptx: PptxGenJS, pack: MbrPack) {
  const s = pptx.addSlide()
  s.background = { color: C.navy }
  s.addShape('rect', { x: 0, y: 5.2, w: W, h: 0.08, fill: { color: C.accent }, line: { color: C.accent } })
  s.addText('Monthly business review', {
    x: 0.8,
    y: 1.4,
    w: 11.5,
    h: 0.6,
    fontFace: FONT,
    fontSize: 22,
    color: 'A9C1E8',
  })
  s.addText(pack.partner.name, {
    x: 0.8,
    y: 2.0,
    w: 11.5,
    h: 1.2,
    fontFace: FONT,
    fontSize: 44,
    bold: true,
    color: C.white,
    fit: 'shrink',
  })
  s.addText(monthLabel(pack.month), {
    x: 0.8,
    y: 3.2,
    w: 11.5,
    h: 0.7,
    fontFace: FONT,
    fontSize: 28,
    color: C.white,
  })
  s.addText(
    [
      { text: `Partner ID ${pack.partner.programId}`, options: { breakLine: true } },
      {
        text: `Partner manager: ${pack.partner.fpm ?? 'not assigned'}${pack.partner.region ? ` · ${pack.partner.region}` : ''}`,
      },
    ],
    { x: 0.8, y: 4.0, w: 11.5, h: 0.9, fontFace: FONT, fontSize: 16, color: 'D6E2F5' },
  )
  s.addText(
    `Data as of ${pack.dataAsOf} · ${pack.frozenAt ? `frozen ${day(pack.frozenAt)}` : 'month in progress'} · Trellis`,
    { x: 0.8, y: 6.6, w: 11.5, h: 0.4, fontFace: FONT, fontSize: 11, color: 'A9C1E8' },
  )
}

function tile(
  s: Slide,
  x: number,
  y: number,
  w: number,
  label: string,
  value: string,
  note: string,
  color: string = C.navy,
) {
  s.addShape('rect', { x, y, w, h: 1.35, fill: { color: C.light }, line: { color: C.light } })
  s.addText(label, {
    x: x + 0.12,
    y: y + 0.08,
    w: w - 0.24,
    h: 0.3,
    fontFace: FONT,
    fontSize: 11,
    color: C.muted,
  })
  s.addText(value, {
    x: x + 0.12,
    y: y + 0.38,
    w: w - 0.24,
    h: 0.55,
    fontFace: FONT,
    fontSize: 24,
    bold: true,
    color,
  })
  s.addText(note, {
    x: x + 0.12,
    y: y + 0.92,
    w: w - 0.24,
    h: 0.35,
    fontFace: FONT,
    fontSize: 10,
    color: C.muted,
  })
}

const header = (labels: string[]): Cell[] =>
  labels.map((text) => ({ text, options: { bold: true, color: C.white, fill: { color: C.navy } } }))

function table(s: Slide, rows: Cell[][], colW: number[], y: number, fontSize = 11, x = MARGIN) {
  s.addTable(rows, {
    x,
    y,
    w: colW.reduce((a, b) => a + b, 0),
    colW,
    fontFace: FONT,
    fontSize,
    color: C.text,
    valign: 'middle',
    border: { type: 'solid', pt: 0.5, color: C.line },
    margin: 0.05,
    autoPage: false,
  })
}

/** Banded body rows. */
const band = (cells: (string | Cell)[], i: number): Cell[] =>
  cells.map((c) => {
    const cell: Cell = typeof c === 'string' ? { text: c } : c
    return { ...cell, options: { ...(i % 2 ? { fill: { color: 'F7FAFC' } } : {}), ...cell.options } }
  })

function healthSlide(slide: (t: string, s?: string) => Slide, pack: MbrPack) {
  const h = pack.health
  const k = pack.kpis
  const s = slide(
    'KPIs and health',
    `${monthLabel(pack.month)}: the month’s stored health score and usage rollup`,
  )
  const w = (CONTENT_W - 5 * 0.2) / 6
  const x = (i: number) => MARGIN + i * (w + 0.2)
  tile(
    s,
    x(0),
    1.45,
    w,
    'Health score',
    pts(h.score),
    `${healthBandLabel[h.band]}${h.previousScore === null ? '' : ` · ${signed(h.score - h.previousScore)} vs last month`}`,
    C[h.band],
  )
  tile(
    s,
    x(1),
    1.45,
    w,
    'Active share',
    pct(k.share),
    k.share !== null && k.previousShare !== null
      ? `${signed((k.share - k.previousShare) * 100)} pts vs last month`
      : 'no earlier month',
  )
  tile(s, x(2), 1.45, w, 'Active users', int(k.active), `of ${int(k.licensed)} licensed`)
  tile(s, x(3), 1.45, w, 'Engagements', int(k.engagements), 'customer × workload')
  tile(s, x(4), 1.45, w, 'Claimed', int(k.claimed), `${int(k.eligible)} eligible`)
  tile(
    s,
    x(5),
    1.45,
    w,
    'Customers',
    `${h.customers.healthy} · ${h.customers.watch} · ${h.customers.atRisk}`,
    'healthy · watch · at risk',
  )
  s.addText('What makes the score', {
    x: MARGIN,
    y: 3.0,
    w: CONTENT_W,
    h: 0.4,
    fontFace: FONT,
    fontSize: 15,
    bold: true,
    color: C.navy,
  })
  const rows: Cell[][] = [
    header(['Factor', 'Value', 'Weight', 'Points', 'Why']),
    ...h.factors.map((f, i) =>
      band(
        [
          healthFactorLabel[f.key],
          { text: pct(f.value), options: { align: 'right' } },
          { text: pts(f.weight), options: { align: 'right' } },
          { text: pts(f.points), options: { align: 'right', bold: true } },
          clip(f.reason, 190),
        ],
        i,
      ),
    ),
    band(
      [
        { text: 'Health score', options: { bold: true } },
        '',
        { text: pts(h.factors.reduce((a, f) => a + f.weight, 0)), options: { align: 'right' } },
        { text: pts(h.score), options: { align: 'right', bold: true } },
        `${healthBandLabel[h.band]}: the sum of the factors’ points`,
      ],
      h.factors.length,
    ),
  ]
  table(s, rows, [2.9, 0.9, 0.9, 0.9, 6.73], 3.45, 11)
}

/** The months of the trend: the unbroken run of months up to the chosen one where every workload has users. */
function trendWindow(pack: MbrPack) {
  const { months, series } = pack.trend
  let start = months.length - 1
  while (start > 0 && series.every((x) => x.shares[start - 1] !== null)) start--
  return {
    months: months.slice(start),
    series: series.map((x) => ({ ...x, shares: x.shares.slice(start) as number[] })),
  }
}

function adoptionSlides(pptx: PptxGenJS, slide: (t: string, s?: string) => Slide, pack: MbrPack) {
  const t = trendWindow(pack)
  const s1 = slide(
    'Adoption trend per workload',
    `Active share (active ÷ licensed users) per month, ${t.months[0]} to ${pack.month}`,
  )
  if (t.series.length && t.series.every((x) => x.shares.every((v) => v !== null))) {
    s1.addChart(
      pptx.ChartType.line,
      t.series.map((x) => ({
        name: x.name,
        labels: t.months,
        values: x.shares.map((v) => Math.round(v * 10_000) / 10_000),
      })),
      {
        x: MARGIN,
        y: 1.4,
        w: CONTENT_W,
        h: 5.4,
        chartColors: SERIES_COLORS.slice(0, t.series.length),
        lineSize: 2,
        lineDataSymbol: 'circle',
        lineDataSymbolSize: 6,
        showLegend: true,
        legendPos: 'r',
        legendFontSize: 11,
        legendFontFace: FONT,
        valAxisMinVal: 0,
        valAxisLabelFormatCode: '0%',
        valAxisLabelFontSize: 11,
        catAxisLabelFontSize: 11,
        valGridLine: { color: 'E2E8F0', size: 0.5 },
      },
    )
  } else noData(s1, 'No usage in this month.')

  const s2 = slide(
    'Licensed vs active users per workload',
    `${monthLabel(pack.month)}, from the month’s usage rollup`,
  )
  if (pack.workloads.length) {
    // A horizontal bar chart draws its first category at the bottom: reversed, it reads like the table.
    const bottomUp = [...pack.workloads].reverse()
    s2.addChart(
      pptx.ChartType.bar,
      [
        {
          name: 'Licensed users',
          labels: bottomUp.map((w) => w.name),
          values: bottomUp.map((w) => w.licensed),
        },
        { name: 'Active users', labels: bottomUp.map((w) => w.name), values: bottomUp.map((w) => w.active) },
      ],
      {
        x: MARGIN,
        y: 1.4,
        w: 8.2,
        h: 5.4,
        barDir: 'bar',
        barGrouping: 'clustered',
        chartColors: ['A0AEC0', C.accent],
        showLegend: true,
        legendPos: 'b',
        legendFontSize: 11,
        catAxisLabelFontSize: 11,
        valAxisLabelFontSize: 10,
        valAxisLabelFormatCode: '#,##0',
        valGridLine: { color: 'E2E8F0', size: 0.5 },
      },
    )
    const rows = pack.workloads.slice(0, 14)
    table(
      s2,
      [
        header(['Workload', 'Active', 'Share']),
        ...rows.map((w, i) =>
          band(
            [
              clip(w.name, 30),
              { text: int(w.active), options: { align: 'right' } },
              { text: pct(w.share), options: { align: 'right' } },
            ],
            i,
          ),
        ),
      ],
      [2.0, 1.0, 0.93],
      1.45,
      10,
      MARGIN + 8.4,
    )
  } else noData(s2, 'No usage in this month.')
}

function noData(s: Slide, text: string) {
  s.addText(text, {
    x: MARGIN,
    y: 1.6,
    w: CONTENT_W,
    h: 0.5,
    fontFace: FONT,
    fontSize: 16,
    color: C.muted,
    italic: true,
  })
}

/** A list on as many slides as it needs: "title (2 of 3)". */
function paged<T>(
  slide: (t: string, s?: string) => Slide,
  title: string,
  subtitle: string,
  items: T[],
  empty: string,
  draw: (s: Slide, page: T[], offset: number) => void,
) {
  const pages = chunk(items, ROWS_PER_SLIDE)
  pages.forEach((page, i) => {
    const s = slide(pages.length > 1 ? `${title} (${i + 1} of ${pages.length})` : title, subtitle)
    if (!page.length) noData(s, empty)
    else draw(s, page, i * ROWS_PER_SLIDE)
  })
}

function opportunitySlides(slide: (t: string, s?: string) => Slide, pack: MbrPack) {
  const o = pack.opportunities
  const shown = o.items.slice(0, DECK_OPPORTUNITIES)
  const more = o.total - shown.length
  paged(
    slide,
    'Opportunities',
    `${int(o.total)} open${o.foundOn ? `, found on the data of ${o.foundOn.slice(0, 7)}` : ''}${
      more > 0 ? ` · the ${int(more)} more are in the appendix` : ''
    }`,
    shown,
    'No open opportunities.',
    (s, page, offset) =>
      table(
        s,
        [
          header(['Customer', 'Workload', 'Opportunity', 'Why']),
          ...page.map((x, i) =>
            band(
              [
                clip(x.customerName, 40),
                x.workloadCode ? clip(workloadName(x.workloadCode), 26) : 'All workloads',
                clip(x.ruleTitle, 34),
                clip(x.reason, 120),
              ],
              offset + i,
            ),
          ),
        ],
        [2.8, 2.0, 2.4, 5.13],
        1.45,
        11,
      ),
  )
}

const slaColor: Record<SlaState, string> = { on_track: C.healthy, at_risk: C.watch, breached: C.at_risk }

function escalationSlides(slide: (t: string, s?: string) => Slide, pack: MbrPack) {
  const e = pack.escalations
  paged(
    slide,
    'Escalations',
    `At the month end: ${e.openAtEnd} open (${e.breached} past SLA) · ${e.opened} raised and ${e.closed} resolved or closed in the month`,
    e.items,
    'No escalations open or moving in the month.',
    (s, page, offset) =>
      table(
        s,
        [
          header(['Escalation', 'Customer', 'Severity', 'Status at month end', 'SLA', 'Raised', 'Owner']),
          ...page.map((x, i) =>
            band(
              [
                clip(x.title, 60),
                clip(x.customerName, 30),
                severityLabel[x.severity as Severity] ?? x.severity,
                `${escalationStatusLabel[x.status as EscalationStatus]}${x.closedInMonth ? ' (this month)' : ''}`,
                {
                  text: `${slaStateLabel[x.slaState]} (${Math.round(x.slaElapsed * 100)} %)`,
                  options: { color: slaColor[x.slaState], bold: true },
                },
                day(x.raisedAt),
                clip(x.owner, 24),
              ],
              offset + i,
            ),
          ),
        ],
        [3.1, 1.9, 0.95, 1.9, 1.95, 1.15, 1.38],
        1.45,
        11,
      ),
  )
}

function actionSlides(slide: (t: string, s?: string) => Slide, pack: MbrPack) {
  const a = pack.actions
  paged(
    slide,
    'Action items',
    `At the month end: ${a.openAtEnd} open, ${a.overdue} overdue · ${a.doneInMonth} done in the month`,
    a.items,
    'No action items open or done in the month.',
    (s, page, offset) =>
      table(
        s,
        [
          header(['Action', 'Customer', 'Owner', 'Due', 'At month end']),
          ...page.map((x, i) =>
            band(
              [
                clip(x.title, 80),
                clip(x.customerName, 30),
                clip(x.owner, 28),
                day(x.dueOn),
                x.state === 'open'
                  ? x.overdue
                    ? { text: 'Overdue', options: { color: C.at_risk, bold: true } }
                    : 'Open'
                  : x.state === 'done'
                    ? { text: `Done ${day(x.closedAt)}`, options: { color: C.healthy } }
                    : `Cancelled ${day(x.closedAt)}`,
              ],
              offset + i,
            ),
          ),
        ],
        [4.7, 2.2, 2.2, 1.25, 1.98],
        1.45,
        11,
      ),
  )
}

function nextStepsSlide(slide: (t: string, s?: string) => Slide, pack: MbrPack) {
  const s = slide('Next steps', 'The open action items and the next meetings after the month end')
  const open = pack.actions.items.filter((a) => a.state === 'open').slice(0, 9)
  const moreOpen = pack.actions.openAtEnd - open.length
  const bullets = (lines: string[]) =>
    lines.map((text) => ({ text, options: { bullet: true, breakLine: true } }))
  s.addText('Open action items', {
    x: MARGIN,
    y: 1.45,
    w: 7.2,
    h: 0.4,
    fontFace: FONT,
    fontSize: 15,
    bold: true,
    color: C.navy,
  })
  s.addText(
    open.length
      ? bullets([
          ...open.map(
            (a) =>
              `${clip(a.title, 70)} — ${clip(a.owner, 24)}${a.dueOn ? `, due ${a.dueOn}` : ''}${a.overdue ? ' (overdue)' : ''}`,
          ),
          ...(moreOpen > 0 ? [`… and ${moreOpen} more (Action items slides)`] : []),
        ])
      : [{ text: 'None open.', options: { italic: true } }],
    {
      x: MARGIN,
      y: 1.9,
      w: 7.2,
      h: 4.9,
      fontFace: FONT,
      fontSize: 13,
      color: C.text,
      valign: 'top',
      paraSpaceAfter: 4,
    },
  )
  s.addText('Next meetings', {
    x: 8.1,
    y: 1.45,
    w: 4.7,
    h: 0.4,
    fontFace: FONT,
    fontSize: 15,
    bold: true,
    color: C.navy,
  })
  s.addText(
    pack.nextMeetings.length
      ? bullets(pack.nextMeetings.map((m) => `${localStart(m.start, m.timeZone)} — ${clip(m.title, 60)}`))
      : [{ text: 'None scheduled.', options: { italic: true } }],
    {
      x: 8.1,
      y: 1.9,
      w: 4.73,
      h: 4.9,
      fontFace: FONT,
      fontSize: 13,
      color: C.text,
      valign: 'top',
      paraSpaceAfter: 4,
    },
  )
}

function localStart(iso: string, timeZone: string) {
  try {
    return new Date(iso).toLocaleString('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    })
  } catch {
    return iso.slice(0, 16).replace('T', ' ')
  }
}
