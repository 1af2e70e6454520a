import type { AgendaSection } from '#shared/contracts/meetings'
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

export async function buildAgendaDraft(ctx: AgendaContext, providers = agendaProviders) {
  const sections: AgendaSection[] = []
  for (const p of providers) {
    const markdown = await p.build(ctx)
    if (markdown) sections.push({ key: p.key, title: p.title, markdown })
  }
  const markdown = sections.map((s) => `## ${s.title}\n\n${s.markdown}`).join('\n\n')
  return { sections, markdown }
}
