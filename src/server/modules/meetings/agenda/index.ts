import { actionsService } from '#server/modules/actions/service'
import type { ActionItem, AgendaSection } from '#shared/contracts/meetings'
import { actionsSection } from './actions'
import { escalationsSection } from './escalations'
import { healthSection } from './health'
import { opportunitiesSection } from './opportunities'
import type { AgendaContext, AgendaProvider } from './types'
import { upcomingSection } from './upcoming'

/**
 * The sections of a proposed agenda, in order. Each provider is one small file; a new section is one
 * more entry here.
 */
export const agendaProviders: AgendaProvider[] = [
  escalationsSection,
  actionsSection,
  healthSection,
  opportunitiesSection,
  upcomingSection,
]

export async function buildAgendaDraft(
  context: Omit<AgendaContext, 'openActions'>,
  providers = agendaProviders,
) {
  let openActions: Promise<ActionItem[]> | undefined
  const ctx: AgendaContext = {
    ...context,
    openActions: () => {
      openActions ??= actionsService(context.database)
        .list(context.actor, { partnerId: context.series.partnerId, status: 'open' })
        .then((r) => r.items)
      return openActions
    },
  }
  // Independent reads: built at once (a PostgreSQL pool runs them in parallel), kept in their order.
  const built = await Promise.all(providers.map((p) => p.build(ctx)))
  const sections: AgendaSection[] = providers.flatMap((p, i) => {
    const markdown = built[i]
    return markdown ? [{ key: p.key, title: p.title, markdown }] : []
  })
  const markdown = sections.map((s) => `## ${s.title}\n\n${s.markdown}`).join('\n\n')
  return { sections, markdown }
}
