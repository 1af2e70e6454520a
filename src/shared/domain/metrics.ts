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

/**
 * The role scorecard's metrics (decision 018); docs/metrics.md "Role scorecard". Each is Σ numerator ÷
 * Σ denominator over the partners in view — per FPM, and for everyone in view together.
 */
export const scorecardMetricDefinitions = {
  rhythm_in_place:
    'Live partners with a partner sponsor and a delivery lead identified and a business rhythm in place today (an active ROB or MBR series, and one held in the last N weeks) ÷ live partners.',
  not_progressing_raised:
    'Partners flagged as not progressing today by the offboarding rules whose flag has been acted on — an offboarding recommendation proposed, reviewed or accepted, or an open escalation — ÷ partners flagged. No data when no partner is flagged.',
  adoption_milestone:
    'Engagements whose active share is at or above the top usage milestone (40 % by default) ÷ engagements, in the newest month of the period with a usage rollup (the same counts as "Usage milestones reached").',
  nsat_partner:
    'NSAT of the partner survey responses dated in the period: %VSAT − %DSAT + 100 over valid responses (0–200), the counts of every partner in view added up before the percentages. Marked low-n below the minimum responses.',
  nsat_customer:
    'NSAT of the customer survey responses about the partners’ delivery, dated in the period, computed as partner NSAT.',
  prm_compliance:
    'Data compliance checks passed ÷ checks that apply, today, over the partners in view (the Data compliance page).',
  issue_closure:
    'Escalations resolved (or closed without resolving first) in the period within their severity’s SLA hours ÷ escalations resolved in the period.',
  cadence_compliance:
    'ROBs and MBRs held ÷ scheduled in the period — the cadence compliance of the Business rhythm card.',
  mandatory_tasks:
    'Mandatory tasks completed ÷ mandatory tasks that apply, today, over the partners in view (the Milestones & tasks card).',
  insights_spotlights:
    'Live partners with at least one Insight or Spotlight submitted in the period ÷ live partners.',
  training_on_time:
    'Required trainings, qualifications and certifications of the FPM completed by their due date ÷ those due in the period. Not tracked in Trellis yet.',
  learnings_shared:
    'Learnings or trainings the FPM shared with the FTC community in the period. Not tracked in Trellis yet.',
  development_plan:
    'Whether the FPM has a personal development plan and drives it. Not tracked in Trellis yet.',
} as const
export const taskCompletionDefinition =
  'Completed ÷ applicable task instances (mandatory, or all). An instance is one task of the catalogue for one live partner (onboarding tasks) or for one engagement it applies to: engagements not archived and not duplicate, of the task’s workloads if it names some, that reached the task’s phase (phase tasks) or at any time (days tasks). Completed: it has a completion that was not undone. Per FPM, per region and overall the completed and applicable instances are added up before dividing, never averaged. “—” when nothing applies.'

export const taskOverdueDefinition =
  'A mandatory instance, not completed, whose expected date is before today. Expected: days tasks, the given days after the partner’s onboarding start (joined on, else the day it was added) or the engagement’s start (the day it was added); phase tasks, the grace days (30 by default, settings) after the engagement entered the task’s phase while it is still in it, or the day it entered its current phase once it moved past the task’s phase.'

export const taskOnTimeDefinition =
  'Mandatory instances completed on or before their expected date ÷ applicable mandatory instances.'
export const nsatDefinition =
  'NSAT = %VSAT − %DSAT + 100, an integer from 0 to 200, over the valid survey responses dated in the period ("don’t know / N.A." left out). 4-point scale: VSAT = very satisfied, DSAT = somewhat or very dissatisfied; 5-point (CPE) scale: VSAT = 5, DSAT = 1–2; the other answers count only in n (the mapping is a dated setting). Partner NSAT counts the partner survey, customer NSAT the customer surveys about the partner’s delivery. Per FPM, per region and overall the valid, VSAT and DSAT responses are added up before computing, never averaged. “—” without a valid response; marked low n below the minimum responses (5 by default); on target at or above the target (100 by default).'

export const nsatCurrentDefinition =
  'On the partner page: the responses of the last 12 months up to today, with the trend per quarter (the last six) or per month (the last twelve).'
/** Data compliance (issue 5 item 3, decision 015); docs/metrics.md "Data compliance". */
export const dataComplianceDefinition =
  'Passed ÷ applicable records over the switched-on checks, as of now: each check gives pass or fail per record it applies to (a live partner, a live customer of the partner, or an open escalation). Per FPM, per region and overall the passed and applicable records are added up before dividing, never averaged. “—” when no check applies. On target at or above the compliance target (90 % by default).'

export const complianceCheckDefinition = {
  notes:
    'Per live partner: passes when its newest engagement note — a touchpoint in the engagement log, or the minutes of a held meeting — is at most N days old (14 by default: the bi-weekly overall status note).',
  stakeholders:
    'Per live partner: passes when a partner sponsor and a delivery lead are both among its active partner-side stakeholders.',
  nextMeeting:
    'Per live partner: passes when one of its ROB or MBR series has a meeting that is not cancelled between now and N days ahead (35 by default), as the meetings calendar expands the series.',
  usage:
    'Per live customer of a live partner (a customer with a live engagement of the partner): passes when the customer’s newest usage snapshot is at most N days old (31 by default), as the newest health refresh recorded it.',
  escalations:
    'Per open or in-progress escalation of a live partner: passes when its newest event (a status change, an escalation step, an edit) — or its raising, without one — is at most N days old (7 by default).',
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
