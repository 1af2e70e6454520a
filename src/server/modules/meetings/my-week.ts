import { DateTime } from 'luxon'
import type { Database } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import { actionsService } from '#server/modules/actions/service'
import { escalationsService } from '#server/modules/escalations/service'
import type { MyWeek } from '#shared/contracts/meetings'
import { meetingSeriesService } from './service'

/**
 * "My week": the actor's meetings (owner or attendee) in the window — Monday to Monday (UTC) by default —
 * their open action items due by its end or already overdue, and the open escalations they own or that are
 * escalated to them (the "Needs attention" counts are computed from these lists, on the page and in the
 * daily digest).
 */
export async function myWeek(
  database: Database,
  actor: Actor,
  window: { from?: string; to?: string },
  now = new Date(),
): Promise<MyWeek> {
  const monday = DateTime.fromJSDate(now, { zone: 'UTC' }).startOf('week')
  const from = window.from ?? monday.toISO()!
  const to = window.to ?? DateTime.fromISO(from, { zone: 'UTC' }).plus({ weeks: 1 }).toISO()!
  const today = now.toISOString().slice(0, 10)
  const until = new Date(Date.parse(to) - 1).toISOString().slice(0, 10)
  const [{ items }, actions, escalations] = await Promise.all([
    meetingSeriesService(database).occurrences(actor, { from, to, mine: true }),
    actionsService(database).dueAndOverdueFor(actor, until, today),
    escalationsService(database).openEscalationsOnMe(actor, now),
  ])
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    meetings: items.filter((o) => o.status !== 'cancelled'),
    ...actions,
    escalations,
  }
}
