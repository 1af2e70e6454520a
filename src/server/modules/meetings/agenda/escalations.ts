import { escalationsService } from '#server/modules/escalations/service'
import { severityLabel, slaStateLabel } from '#shared/domain/escalations'
import type { AgendaProvider } from './types'

/** The partner's open and in-progress escalations, most urgent first, with their SLA state. */
export const escalationsSection: AgendaProvider = {
  key: 'escalations',
  title: 'Open escalations',
  async build({ actor, database, series }) {
    const items = await escalationsService(database).openEscalationsForPartner(actor, series.partnerId)
    if (items.length === 0) return null
    return items
      .map(
        (e) =>
          `- **${severityLabel[e.severity]}** ${e.title}${e.customerName ? ` (${e.customerName})` : ''} — ${e.ownerName}; SLA ${slaStateLabel[e.sla.state].toLowerCase()}, due ${e.sla.dueAt.slice(0, 10)}`,
      )
      .join('\n')
  },
}
