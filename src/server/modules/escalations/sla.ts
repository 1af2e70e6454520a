import type { Database } from '#db/client'
import { type Actor, assertAdmin } from '#server/modules/access/actor'
import type { SaveSlaBody } from '#shared/contracts/escalations'
import { defaultSlaHours, type Severity, type SlaHours, severities } from '#shared/domain/escalations'
import { escalationsRepository } from './repository'

/** The SLA hours in force: the admin's, or the built-in default of a severity never set. */
export async function loadSlaHours(database: Database): Promise<SlaHours> {
  const rows = await escalationsRepository(database.db).slaRows()
  const hours = { ...defaultSlaHours }
  for (const r of rows) if (r.severity in hours) hours[r.severity as Severity] = r.hours
  return hours
}

export function slaService(database: Database) {
  const repo = escalationsRepository(database.db)
  async function list(_actor: Actor) {
    const rows = new Map((await repo.slaRows()).map((r) => [r.severity, r]))
    return {
      items: severities.map((severity) => {
        const r = rows.get(severity)
        return {
          severity,
          hours: r?.hours ?? defaultSlaHours[severity],
          builtIn: !r,
          updatedBy: r?.updatedBy ?? null,
          updatedAt: r ? new Date(r.updatedAt).toISOString() : null,
        }
      }),
    }
  }
  return {
    list,
    async save(actor: Actor, body: SaveSlaBody) {
      assertAdmin(actor)
      await repo.saveSla(body.hours, actor.id)
      return list(actor)
    },
  }
}
