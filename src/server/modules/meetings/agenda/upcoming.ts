import { DateTime } from 'luxon'
import { addDays } from '#shared/domain/periods'
import { meetingSeriesService } from '../service'
import type { AgendaProvider } from './types'

/** The partner's next meetings after this one and the open items due in the next 30 days. */
export const upcomingSection: AgendaProvider = {
  key: 'upcoming',
  title: 'Next meetings and deadlines',
  async build({ actor, database, series, occurrence, today, openActions }) {
    const from = new Date(occurrence.end)
    const { items } = await meetingSeriesService(database).occurrences(actor, {
      from: from.toISOString(),
      to: new Date(from.getTime() + 60 * 86_400_000).toISOString(),
      partnerId: series.partnerId,
    })
    const meetings = items
      .filter((o) => o.status !== 'cancelled')
      .slice(0, 3)
      .map(
        (o) =>
          `- ${DateTime.fromISO(o.start, { zone: series.timeZone }).toFormat('ccc d LLL yyyy HH:mm')} (${series.timeZone}): ${o.title}`,
      )
    const until = addDays(today, 30)
    const open = await openActions()
    const deadlines = open
      .filter((a) => a.dueOn !== null && a.dueOn >= today && a.dueOn <= until)
      .map((a) => `- ${a.dueOn}: ${a.title} (${a.owner.name})`)
    if (meetings.length === 0 && deadlines.length === 0) return null
    return [...meetings, ...deadlines].join('\n')
  },
}
