import type { Database } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import type { ActionItem, Occurrence } from '#shared/contracts/meetings'
import type { OccurrenceRow, SeriesRow } from '../repository'

export type AgendaContext = {
  actor: Actor
  database: Database
  series: SeriesRow
  occurrence: Occurrence
  /** The newest held occurrence of the series (any version) before this one. */
  lastHeld: OccurrenceRow | undefined
  /** Today as YYYY-MM-DD (UTC). */
  today: string
  /** The partner's open action items, read once for every section that lists them. */
  openActions(): Promise<ActionItem[]>
}

/** One section of a proposed agenda, built from live data; null when it has nothing to say. */
export type AgendaProvider = {
  key: string
  title: string
  build(ctx: AgendaContext): Promise<string | null>
}
