import { opportunitiesService } from '#server/modules/analytics/opportunities/service'
import type { AgendaProvider } from './types'

/** The partner's top open opportunities, highest value first. */
export const opportunitiesSection: AgendaProvider = {
  key: 'opportunities',
  title: 'Top open opportunities',
  async build({ actor, database, series }) {
    const items = await opportunitiesService(database).topOpen(actor, series.partnerId, 5)
    if (items.length === 0) return null
    // Each reason names its customer and workload already.
    return items.map((o) => `- **${o.ruleTitle}** — ${o.reason}`).join('\n')
  },
}
