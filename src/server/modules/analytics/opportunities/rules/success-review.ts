import { addDays } from '#shared/domain/periods'
import { daysBetween, finding, num, pctShort } from '../format'
import type { OpportunityRule } from '../types'

/**
 * domain.md §6.7 rule 7: every intended workload of the customer has been at or above the success-review
 * share since a date, the review was due within `successReviewDays` of it, and no review is recorded since.
 * One finding per customer × partner. Value: days overdue.
 */
export const successReview: OpportunityRule = {
  id: 'success-review',
  title: 'Success review overdue',
  description:
    'Every intended workload of the customer is past the success-review share, and no success review is recorded within the allowed days since.',
  unit: 'days overdue',
  evaluate(e, { params: p, today, group }) {
    if (group.anchorEngagementId !== e.engagementId || group.successReachedOn === null) return null
    const reached = group.successReachedOn
    if (e.lastSuccessReviewOn !== null && e.lastSuccessReviewOn >= reached) return null
    const due = addDays(reached, p.successReviewDays)
    const overdue = daysBetween(due, today)
    if (overdue <= 0) return null
    return finding(
      this.id,
      e,
      overdue,
      `${e.customerName}: ${group.intendedWorkloads === 1 ? 'its workload' : `all ${group.intendedWorkloads} workloads`} past ${pctShort(p.successReviewAt)} active since ${reached}; success review overdue by ${num(overdue)} days (due within ${p.successReviewDays}), last review ${e.lastSuccessReviewOn ?? 'never'}`,
      {
        reachedOn: reached,
        dueOn: due,
        overdueDays: overdue,
        workloads: group.intendedWorkloads,
        lastSuccessReviewOn: e.lastSuccessReviewOn,
      },
      null,
    )
  },
}
