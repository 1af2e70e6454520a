import type {
  EscalationCategory,
  EscalationStatus,
  EscalationTarget,
  Severity,
} from '#shared/domain/escalations'
import { addDays } from '#shared/domain/periods'
import { expand, type SeriesRule } from '#shared/domain/recurrence'
import type { TouchpointKind } from '#shared/domain/touchpoints'
import { createRandom, type Random } from './random'

/**
 * The demo's rhythm of business, planned without writing (pure, deterministic): ROB and MBR series with
 * past occurrences held, cancelled or missed, minutes and decisions, action items (some overdue),
 * escalations in every state (one past its SLA) and an engagement log. Some partners have no rhythm at
 * all, or have held nothing for weeks, so cadence compliance has something to find.
 */

export type RhythmPartner = {
  status: string
  regionIndex: number
  /** Indices (into the demo's people) of the partner's sponsor and delivery lead, when identified. */
  sponsor: number | null
  deliveryLead: number | null
  customers: number[]
}

export type PlannedSeries = {
  partnerIndex: number
  kind: 'rob' | 'mbr'
  title: string
  rule: SeriesRule
  attendeePeople: number[]
  createdAt: Date
  occurrences: {
    originalStart: string
    status: 'held' | 'cancelled'
    minutes: string | null
    decisions: string[]
    heldAt: Date | null
  }[]
}

export type PlannedAction = {
  partnerIndex: number
  /** Index into the series list and the occurrence's original start, when it came from a meeting. */
  from: { series: number; originalStart: string } | null
  title: string
  /** `null` = the partner's FPM owns it. */
  ownerPerson: number | null
  dueOn: string
  status: 'open' | 'done'
  createdAt: Date
  closedAt: Date | null
}

export type PlannedEscalation = {
  partnerIndex: number
  customerIndex: number | null
  workload: string | null
  title: string
  description: string
  severity: Severity
  category: EscalationCategory
  status: EscalationStatus
  raisedAt: Date
  events: {
    kind: 'raised' | 'status' | 'escalated'
    fromStatus: EscalationStatus | null
    toStatus: EscalationStatus | null
    target: EscalationTarget | null
    note: string | null
    evidence: string | null
    link: string | null
    at: Date
  }[]
}

export type PlannedTouchpoint = {
  partnerIndex: number
  customerIndex: number | null
  occurredOn: string
  kind: TouchpointKind
  summary: string
}

const HOUR = 3_600_000
const DAY = 24 * HOUR
const ZONES = ['Europe/London', 'Europe/Berlin'] as const
const WEEKDAYS = ['TU', 'WE', 'TH'] as const

const minutesLines = [
  'Reviewed the usage trend per workload; Teams adoption is ahead of plan.',
  'Walked through the open escalations and agreed owners.',
  'Partner shared the delivery pipeline for next quarter.',
  'Discussed the claim status of the new engagements.',
  'Agreed to run an adoption workshop for the largest customer.',
]
const decisionLines = [
  'Prioritise the two customers below the 15 % milestone',
  'Partner nominates a second delivery lead',
  'Move the success review to the next MBR',
  'Submit the spotlight draft before month end',
]
const actionTitles = [
  'Send the adoption plan to the customer sponsor',
  'Confirm the delivery lead for the next wave',
  'Book the Copilot readiness workshop',
  'Update the claim for the new engagement',
  'Share the usage report with the partner',
  'Nominate a contact for the satisfaction survey',
  'Prepare the success review deck',
  'Follow up on the licence assignment',
]
const escalationTexts: { title: string; category: EscalationCategory; workload: string | null }[] = [
  {
    title: 'Tenant migration blocked by conditional access policy',
    category: 'technical',
    workload: 'TEAMS',
  },
  { title: 'Claim rejected for an eligible engagement', category: 'program', workload: null },
  { title: 'Customer waiting on licence assignment from reseller', category: 'commercial', workload: null },
  { title: 'Delivery resources unavailable for the rollout', category: 'process', workload: 'EXO' },
  { title: 'SharePoint migration tool fails on large libraries', category: 'technical', workload: 'SPO' },
  { title: 'Partner incentive payment overdue', category: 'program', workload: null },
]
const touchpointSummaries: Record<TouchpointKind, string[]> = {
  call: ['Pipeline check-in with the delivery lead', 'Call about the open claim', 'Quick sync on usage dips'],
  email: ['Sent the monthly usage summary', 'Shared the program deadline reminder'],
  workshop: ['Adoption workshop with the partner team', 'Copilot readiness workshop'],
  meeting: ['Met the partner sponsor at their office'],
  other: ['Joined the partner webinar'],
}

const iso = (d: Date) => d.toISOString().slice(0, 10)
const localDate = (d: Date) => iso(d)

/** The local date of the first given weekday on or after `from` (UTC date arithmetic is enough here). */
function firstWeekday(from: Date, byday: string): Date {
  const target = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'].indexOf(byday)
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()))
  while (d.getUTCDay() !== target) d.setUTCDate(d.getUTCDate() + 1)
  return d
}

function heldOccurrences(
  r: Random,
  rule: SeriesRule,
  from: Date,
  today: Date,
  heldShare: number,
  silentSince: Date | null,
  kind: 'rob' | 'mbr',
): PlannedSeries['occurrences'] {
  return expand(rule, from, today)
    .filter((o) => Date.parse(o.end) < today.getTime())
    .flatMap((o): PlannedSeries['occurrences'] => {
      const start = new Date(o.originalStart)
      if (silentSince && start >= silentSince) return []
      if (r.chance(0.06))
        return [
          {
            originalStart: o.originalStart,
            status: 'cancelled' as const,
            minutes: null,
            decisions: [],
            heldAt: null,
          },
        ]
      if (!r.chance(heldShare)) return []
      const minutes = r.chance(0.7)
        ? r
            .sample(minutesLines, r.int(1, 3))
            .map((l) => `- ${l}`)
            .join('\n')
        : null
      const decisions = kind === 'mbr' || r.chance(0.3) ? r.sample(decisionLines, r.int(1, 2)) : []
      return [
        {
          originalStart: o.originalStart,
          status: 'held' as const,
          minutes,
          decisions,
          heldAt: new Date(o.end),
        },
      ]
    })
}

export function planRhythm(seed: number, today: Date, partners: RhythmPartner[]) {
  const r = createRandom(seed ^ 0x5eed)
  const series: PlannedSeries[] = []
  const actions: PlannedAction[] = []
  const escalations: PlannedEscalation[] = []
  const touchpoints: PlannedTouchpoint[] = []

  partners.forEach((p, i) => {
    const zone = ZONES[p.regionIndex % ZONES.length]
    const attendees = [p.sponsor, p.deliveryLead].filter((x): x is number => x !== null)
    // Every seventh partner has no rhythm in place; a few others have held nothing for two months.
    const noRhythm = i % 7 === 3
    const silentSince = i % 11 === 5 ? new Date(today.getTime() - 8 * 7 * DAY) : null
    const heldShare = p.status === 'at_risk' ? 0.55 : p.status === 'onboarding' ? 0.75 : 0.9
    if (!noRhythm) {
      const byday = WEEKDAYS[i % WEEKDAYS.length]
      const robStart = firstWeekday(new Date(today.getTime() - 16 * 7 * DAY), byday)
      const robRule: SeriesRule = {
        startLocal: `${localDate(robStart)}T${i % 2 === 0 ? '10:00' : '15:30'}`,
        timeZone: zone,
        durationMinutes: 30,
        rrule: `FREQ=WEEKLY;INTERVAL=${i % 3 === 0 ? 1 : 2};BYDAY=${byday}`,
      }
      series.push({
        partnerIndex: i,
        kind: 'rob',
        title: i % 3 === 0 ? 'Weekly ROB' : 'Bi-weekly ROB',
        rule: robRule,
        attendeePeople: attendees,
        createdAt: new Date(robStart.getTime() - 3 * DAY),
        occurrences: heldOccurrences(r, robRule, robStart, today, heldShare, silentSince, 'rob'),
      })
      if (i % 5 !== 1) {
        const monthStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 5, 1))
        const mbrStart = firstWeekday(monthStart, 'TH')
        const mbrRule: SeriesRule = {
          startLocal: `${localDate(mbrStart)}T14:00`,
          timeZone: zone,
          durationMinutes: 60,
          rrule: 'FREQ=MONTHLY;BYDAY=1TH',
        }
        series.push({
          partnerIndex: i,
          kind: 'mbr',
          title: 'Monthly business review',
          rule: mbrRule,
          attendeePeople: attendees,
          createdAt: new Date(mbrStart.getTime() - 7 * DAY),
          occurrences: heldOccurrences(r, mbrRule, mbrStart, today, heldShare, silentSince, 'mbr'),
        })
      }
    }

    // Action items from the partner's most recent held meetings (or standalone when it has none).
    const held = series
      .map((s, k) => ({ s, k }))
      .filter(({ s }) => s.partnerIndex === i)
      .flatMap(({ s, k }) => s.occurrences.filter((o) => o.status === 'held').map((o) => ({ k, o })))
      .sort((a, b) => b.o.originalStart.localeCompare(a.o.originalStart))
      .slice(0, 3)
    const count = r.int(1, 3)
    for (let n = 0; n < count; n++) {
      const source = held[n] ?? null
      const createdAt = source
        ? new Date(source.o.heldAt!.getTime())
        : new Date(today.getTime() - r.int(5, 40) * DAY)
      const dueOn = addDays(iso(createdAt), r.int(5, 21))
      const done = dueOn < iso(today) ? r.chance(0.55) : r.chance(0.15)
      const people = [p.sponsor, p.deliveryLead].filter((x): x is number => x !== null)
      actions.push({
        partnerIndex: i,
        from: source ? { series: source.k, originalStart: source.o.originalStart } : null,
        title: r.pick(actionTitles),
        ownerPerson: people.length > 0 && r.chance(0.4) ? r.pick(people) : null,
        dueOn,
        status: done ? 'done' : 'open',
        createdAt,
        closedAt: done ? new Date(Math.min(today.getTime() - HOUR, Date.parse(`${dueOn}T12:00:00Z`))) : null,
      })
    }

    // An engagement log over the last quarter.
    const logged = r.int(p.status === 'at_risk' ? 1 : 3, 8)
    for (let n = 0; n < logged; n++) {
      const kind = r.pick(['call', 'call', 'email', 'email', 'workshop', 'meeting', 'other'] as const)
      touchpoints.push({
        partnerIndex: i,
        customerIndex: p.customers.length > 0 && r.chance(0.4) ? r.pick(p.customers) : null,
        occurredOn: iso(new Date(today.getTime() - r.int(0, 90) * DAY)),
        kind,
        summary: r.pick(touchpointSummaries[kind]),
      })
    }
  })

  // Escalations in every state: open (one past its SLA), in progress and escalated, resolved, closed.
  const shapes: {
    severity: Severity
    status: EscalationStatus
    ageHours: number
    escalate: EscalationTarget | null
  }[] = [
    { severity: 'high', status: 'open', ageHours: 5 * 24, escalate: null },
    { severity: 'critical', status: 'in_progress', ageHours: 20, escalate: 'lead' },
    { severity: 'medium', status: 'open', ageHours: 2 * 24, escalate: null },
    { severity: 'high', status: 'in_progress', ageHours: 30, escalate: 'sme' },
    { severity: 'low', status: 'resolved', ageHours: 9 * 24, escalate: null },
    { severity: 'medium', status: 'closed', ageHours: 20 * 24, escalate: 'program_team' },
    { severity: 'high', status: 'closed', ageHours: 35 * 24, escalate: null },
    { severity: 'medium', status: 'open', ageHours: 10 * 24, escalate: null },
    { severity: 'low', status: 'in_progress', ageHours: 4 * 24, escalate: null },
  ]
  shapes.forEach((shape, n) => {
    const partnerIndex = (n * 5 + 2) % partners.length
    const p = partners[partnerIndex]
    const text = escalationTexts[n % escalationTexts.length]
    const raisedAt = new Date(today.getTime() - shape.ageHours * HOUR)
    const events: PlannedEscalation['events'] = [
      {
        kind: 'raised',
        fromStatus: null,
        toStatus: 'open',
        target: null,
        note: null,
        evidence: null,
        link: null,
        at: raisedAt,
      },
    ]
    const step = (hours: number) => new Date(raisedAt.getTime() + Math.min(hours, shape.ageHours - 1) * HOUR)
    if (shape.status !== 'open')
      events.push({
        kind: 'status',
        fromStatus: 'open',
        toStatus: 'in_progress',
        target: null,
        note: 'Working on it with the partner',
        evidence: null,
        link: null,
        at: step(2),
      })
    if (shape.escalate)
      events.push({
        kind: 'escalated',
        fromStatus: null,
        toStatus: null,
        target: shape.escalate,
        note: 'Needs a decision beyond the partner team',
        evidence: null,
        link: null,
        at: step(6),
      })
    if (shape.status === 'resolved' || shape.status === 'closed')
      events.push({
        kind: 'status',
        fromStatus: 'in_progress',
        toStatus: 'resolved',
        target: null,
        note: 'Fix confirmed by the customer',
        evidence: null,
        link: null,
        at: step(shape.ageHours / 3),
      })
    if (shape.status === 'closed')
      events.push({
        kind: 'status',
        fromStatus: 'resolved',
        toStatus: 'closed',
        target: null,
        note: null,
        evidence: 'Policy exception approved and migration completed; customer confirmed in writing.',
        link: 'https://support.example/tickets/4711',
        at: step(shape.ageHours / 2),
      })
    escalations.push({
      partnerIndex,
      customerIndex: p.customers.length > 0 ? p.customers[n % p.customers.length] : null,
      workload: text.workload,
      title: text.title,
      description: `${text.title}. Raised by the partner's delivery lead during the rollout.`,
      severity: shape.severity,
      category: text.category,
      status: shape.status,
      raisedAt,
      events,
    })
  })

  return { series, actions, escalations, touchpoints }
}
