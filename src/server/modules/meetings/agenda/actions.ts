import type { ActionItem } from '#shared/contracts/meetings'
import type { AgendaProvider } from './types'

const line = (a: ActionItem) =>
  `- [ ] ${a.title} — ${a.owner.name}${a.dueOn ? `, due ${a.dueOn}` : ''}${a.overdue ? ' **(overdue)**' : ''}`

/** Open action items of the partner: overdue first, then by due date. */
export const actionsSection: AgendaProvider = {
  key: 'actions',
  title: 'Open action items',
  async build({ openActions }) {
    const items = await openActions()
    if (items.length === 0) return null
    const overdue = items.filter((a) => a.overdue)
    const rest = items.filter((a) => !a.overdue)
    return [...overdue, ...rest].map(line).join('\n')
  },
}
