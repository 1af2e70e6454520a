import { finding, num, pct, pctShort, workloadName } from '../format'
import type { OpportunityRule } from '../types'

/**
 * domain.md §6.7 rule 6 (survey readiness): a workload of the partner reached the survey trigger (the first
 * usage milestone, 10 %) but the customer has no survey contact. One finding per customer × partner.
 * Value: active users of those workloads (the people the survey would hear from).
 */
export const surveyContact: OpportunityRule = {
  id: 'survey-contact',
  title: 'Missing survey contact',
  description:
    'A workload reached the survey trigger (the first usage milestone) but the customer has no survey contact, so no satisfaction survey can be sent.',
  unit: 'active users',
  evaluate(e, { params: p, group }) {
    if (e.hasSurveyContact || group.anchorEngagementId !== e.engagementId) return null
    if (group.surveyReady.length === 0) return null
    const active = group.surveyReady.reduce((s, w) => s + w.active, 0)
    const n = group.surveyReady.length
    const top = group.surveyReady.reduce((a, b) => (b.share > a.share ? b : a))
    const which =
      n === 1
        ? `${workloadName(top.workloadCode)} (${pct(top.share)}) is`
        : `${n} workloads (highest: ${workloadName(top.workloadCode)} ${pct(top.share)}) are`
    return finding(
      this.id,
      e,
      active,
      `${e.customerName}: no survey contact, while ${which} past the ${pctShort(p.milestones[0]!)} survey trigger; ${num(active)} active users to hear from`,
      {
        workloads: group.surveyReady.map((w) => w.workloadCode).join(', '),
        activeUsers: active,
        trigger: p.milestones[0]!,
      },
      null,
    )
  },
}
