import { DateTime } from 'luxon'
import type { Database } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import { actionsService } from '#server/modules/actions/service'
import { escalationsService } from '#server/modules/escalations/service'
import { meetingSeriesService } from '#server/modules/meetings/service'
import type { Escalation } from '#shared/contracts/escalations'
import type { ActionItem, Occurrence } from '#shared/contracts/meetings'

/** One user's daily digest: what My week shows, cut to their local day. */
export type DigestContent = {
  /** The user's local date, `YYYY-MM-DD`, and time zone. */
  localDate: string
  timeZone: string
  overdue: ActionItem[]
  dueToday: ActionItem[]
  /** Due after today, up to the end of the local week (Sunday). */
  dueThisWeek: ActionItem[]
  breached: Escalation[]
  atRisk: Escalation[]
  meetingsToday: Occurrence[]
}

export type DigestCounts = {
  overdue: number
  dueToday: number
  dueThisWeek: number
  breached: number
  atRisk: number
  meetingsToday: number
}

export function countsOf(c: DigestContent): DigestCounts {
  return {
    overdue: c.overdue.length,
    dueToday: c.dueToday.length,
    dueThisWeek: c.dueThisWeek.length,
    breached: c.breached.length,
    atRisk: c.atRisk.length,
    meetingsToday: c.meetingsToday.length,
  }
}

/**
 * Something to act on: an overdue action, one due today, or an SLA breached or at risk. Items due later
 * this week and today's meetings come along as context, but never send a digest on their own.
 */
export function hasNews(c: DigestContent): boolean {
  return c.overdue.length + c.dueToday.length + c.breached.length + c.atRisk.length > 0
}

/**
 * Builds the digest of `actor` at `now` in `timeZone` from the services My week uses — the same
 * definitions of overdue (`dueAndOverdueFor`) and of the SLA state (`openEscalationsOnMe` → `slaClock`),
 * within the actor's scope.
 */
export async function digestContent(
  database: Database,
  actor: Actor,
  now: Date,
  timeZone: string,
): Promise<DigestContent> {
  const local = DateTime.fromJSDate(now).setZone(timeZone)
  const localDate = local.toISODate()!
  const weekEnd = local.endOf('week').toISODate()!
  const dayStart = local.startOf('day')
  const [actions, escalations, { items: meetings }] = await Promise.all([
    actionsService(database).dueAndOverdueFor(actor, weekEnd, localDate),
    escalationsService(database).openEscalationsOnMe(actor, now),
    meetingSeriesService(database).occurrences(actor, {
      from: dayStart.toUTC().toISO()!,
      to: dayStart.plus({ days: 1 }).toUTC().toISO()!,
      mine: true,
    }),
  ])
  return {
    localDate,
    timeZone,
    overdue: actions.overdue,
    dueToday: actions.due.filter((a) => a.dueOn === localDate),
    dueThisWeek: actions.due.filter((a) => a.dueOn !== localDate),
    breached: escalations.filter((e) => e.sla.state === 'breached'),
    atRisk: escalations.filter((e) => e.sla.state === 'at_risk'),
    meetingsToday: meetings.filter((m) => m.status !== 'cancelled'),
  }
}
