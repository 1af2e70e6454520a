import type { HealthFactorKey } from '#shared/contracts/analytics'

/**
 * Definitions of the numbers Trellis shows, in the words of docs/metrics.md: the web app shows them behind
 * the info icon next to the number, and docs/metrics.md repeats them word for word (a unit test checks it).
 */

export const healthScoreDefinition =
  'A score from 0 to 100 for one month (the period): the sum of five factors, each worth up to its weight in points. Computed from the engagements in scope (duplicates left out) and, for each, its newest usage snapshot up to the end of the period. Weights and band thresholds come from the settings in force for the period.'

export const healthBandDefinition =
  'Healthy at or above the healthy threshold (70 by default), watch at or above the watch threshold (40 by default), at risk below.'

export const partnerHealthDefinition =
  "A partner's score is the same five factors computed over all of the partner's engagements together, not an average of its customers' scores."

export const healthFactorDefinition: Record<HealthFactorKey, string> = {
  usage:
    'Each measured workload earns min(1, active share ÷ adoption milestone), weighted by its licensed users. Full points when every workload reaches the adoption milestone (40 % by default); none without usage data.',
  trend:
    'The licensed-weighted change of the active share between each workload’s newest snapshot and its newest snapshot of an earlier month: 0.5 + change ÷ trend full scale, kept between 0 and 1. Neutral (half points) with only one snapshot; none without usage data.',
  intent:
    '(workloads in progress − workloads blocked) ÷ workloads, kept between 0 and 1. Status unknown and no intent count as workloads but add nothing.',
  freshness:
    'Age of the newest usage snapshot at the end of the period: full points up to the fresh days (35 by default), half up to the stale days (65 by default), none when older or missing.',
  phase: 'The average position of the workloads’ lifecycle phase, from Initiate (0) to Success (1).',
}

export const timeToResolveDefinition =
  'For the escalations resolved in the period (the last 90 days by default), per severity: how many, and the median and 90th percentile (nearest rank) of the hours from raising to resolution. An escalation closed without being resolved first counts as resolved when it was closed; a reopened one counts again only when it is resolved again.'

export const openByAgeDefinition =
  'The open and in-progress escalations today, per severity, by whole days since they were raised: 0–7, 8–30, 31–90 and more than 90 days.'

export const slaStateDefinition =
  'Each severity has hours to resolve (an admin sets them; 24 h critical, 72 h high, 7 days medium, 14 days low by default). Due at = raised at + hours. Elapsed share = time from raising to now, or to resolution where the clock stops, ÷ the hours. Breached at 100 % or more, at risk from 75 %, else on track.'

export const needsAttentionDefinition =
  'On My week and in the daily digest: overdue = your open action items due before today; SLA breached and breach soon = the open and in-progress escalations you own, or that are escalated to you as lead or SME, whose SLA state is breached or at risk; due this week = your open items due from today to the end of the week (the digest: due today, and later this week in your time zone).'

export const cadenceComplianceDefinition =
  'Held ÷ scheduled ROBs and MBRs of the period (a month or a calendar quarter). Scheduled: the occurrences of the partner’s ROB and MBR series whose start — the new start if moved — falls on a day of the period in the series’ time zone and is already past; a cancelled one stays scheduled and counts as missed, a moved one counts once at its new time. Held: those marked held. Per FPM, per region and overall the held and scheduled meetings are added up before dividing, never averaged. “—” when nothing was scheduled. On target at or above the compliance target (80 % by default).'

export const noRhythmDefinition =
  'A live partner (not archived, invited or departed) has no business rhythm in place when it has no active ROB or MBR series (none that still gives a meeting after today), no partner sponsor identified among its active stakeholders, or no ROB or MBR held in the last N weeks (6 by default, from the settings in force today). Every reason that applies is listed.'

export const cadenceTouchpointsDefinition =
  'The touchpoints logged against the partner (calls, e-mails, workshops, meetings, other) whose date falls in the period, per kind. They are shown next to compliance, not part of it.'

/** The numbers of the MBR pack (deck and appendix) that no other page shows; docs/metrics.md "MBR pack". */
export const mbrMetricDefinitions = {
  month:
    'The MBR pack of a month shows that month’s stored numbers: the partner’s health score of the month, the month’s usage rollup and the snapshots the score used. Lists are as they stood at the month end (the first instant of the next month, UTC). A month that has closed is frozen the first time its pack is built; later builds give the same numbers.',
  dataAsOf: 'The date of the newest usage snapshot behind the month’s numbers.',
  healthChange:
    'The month’s health score minus the previous month’s, in points; none without a previous month.',
  shareChange:
    'The month’s active share minus the previous month’s, in percentage points, both from the partner’s usage rollup (active ÷ licensed users over all its workloads).',
  escalationsAtMonthEnd:
    'Open at the month end: escalations raised before the month end whose last status change before it left them open or in progress. Past SLA: those of them whose SLA clock at the month end is breached. Raised in the month: raised from its first day to its end. Resolved or closed in the month: not active at the month end, last resolved or closed within the month.',
  actionsAtMonthEnd:
    'Open at the month end: action items created before the month end and not done or cancelled before it. Overdue: open at the month end with a due date before the month’s last day. Done in the month: done (closed with status done) within the month.',
  trend:
    'The active share of each workload the partner has in the month, per month, over the months (up to 12) before and including it in which every one of those workloads has licensed users.',
} as const

/** Insights, spotlights and referrals (decision 016); docs/metrics.md "Insights, spotlights and referrals". */
export const voiceMetricDefinitions = {
  insightsSubmitted:
    'Insights of the partner whose submission date (the day it left New) falls in the period [from, to); one that is still New is not counted. Per FPM and per region: the sum over their live partners (not archived, invited or departed).',
  plusOnes:
    'The customers (tenants) that have the need an insight describes: the customer that raised it and every other customer that added its +1. Each customer counts once per insight; the database refuses a second.',
  spotlightsSubmitted:
    'Spotlights of the partner submitted for approval in the period [from, to), whatever was decided since.',
  spotlightsApproved:
    'Spotlights of the partner approved to share (internally or publicly) by a lead or an admin, counted on the day of the approval when it falls in the period [from, to), and still approved.',
  partnersWithNone:
    'Live partners in scope with no insight and no spotlight submitted in the period: the partners their FPM must drive to submit.',
  referralsReceived: 'Referrals sent to the partner whose receipt time falls in the period [from, to).',
  referralsAnswered:
    'Of the referrals received in the period, those the partner accepted or declined before the end of the period. A reassigned referral is not an answer.',
  referralsUnanswered:
    'Of the referrals received in the period, those whose answer window (received + N days; 7 by default, from the settings in force on the last day of the period) ended by the end of the period without the partner accepting or declining before it: still pending, reassigned, or answered only later. On the partner page: the same as of now, with the settings in force today. The 2-business-day contact SLA (received + 2 working days, Monday to Friday) is shown next to each referral, not counted.',
}
