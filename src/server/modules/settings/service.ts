import type { Database } from '#db/client'
import { type Actor, assertAdmin } from '#server/modules/access/actor'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import {
  defaultProgramSettings,
  type ProgramSettingsValues,
  programSettingsValues,
  type SaveSettingsBody,
  type SettingsVersion,
} from '#shared/contracts/settings'
import { addDays } from '#shared/domain/periods'
import { AppError } from '#shared/errors'
import { settingsRepository } from './repository'

/** The built-in defaults apply from the beginning of time until the first saved set. */
const BUILT_IN_FROM = '1900-01-01'

export type SettingsInForce = { from: string | null; values: ProgramSettingsValues }

/** Every set, oldest first, with the built-in defaults in front; `effectiveTo` filled in. */
export async function loadVersions(database: Database): Promise<SettingsVersion[]> {
  const rows = await settingsRepository(database.db).list()
  const versions: SettingsVersion[] = [
    {
      effectiveFrom: BUILT_IN_FROM,
      effectiveTo: null,
      values: defaultProgramSettings,
      note: 'Built-in defaults (domain.md §6)',
      updatedBy: null,
      updatedAt: new Date(0).toISOString(),
      builtIn: true,
    },
    ...rows.map((r) => {
      // A stored set that no longer validates (an older shape) falls back to the defaults, visibly.
      const parsed = programSettingsValues.safeParse(r.values)
      return {
        effectiveFrom: r.effectiveFrom,
        effectiveTo: null,
        values: parsed.success ? parsed.data : defaultProgramSettings,
        note: r.note,
        updatedBy: r.updatedBy,
        updatedAt: r.updatedAt.toISOString(),
        builtIn: false,
      }
    }),
  ]
  for (let i = 0; i < versions.length - 1; i++)
    versions[i]!.effectiveTo = addDays(versions[i + 1]!.effectiveFrom, -1)
  return versions
}

/** A function from a date to the settings in force on it, over sets loaded once. */
export function resolverOf(versions: SettingsVersion[]) {
  return (date: string): SettingsInForce => {
    let found = versions[0]!
    for (const v of versions) if (v.effectiveFrom <= date) found = v
    return { from: found.builtIn ? null : found.effectiveFrom, values: found.values }
  }
}

export async function settingsInForce(database: Database, date: string): Promise<SettingsInForce> {
  return resolverOf(await loadVersions(database))(date)
}

export function settingsService(database: Database) {
  const repo = settingsRepository(database.db)
  return {
    list: async (_actor: Actor) => ({ versions: await loadVersions(database) }),
    inForce: async (_actor: Actor, date: string) => {
      const versions = await loadVersions(database)
      const { from } = resolverOf(versions)(date)
      return versions.find((v) => (from === null ? v.builtIn : v.effectiveFrom === from))!
    },
    /**
     * Saves the set in force from `effectiveFrom` (the first day of a month) and recomputes the scores of
     * the periods it governs; periods before it keep their scores.
     */
    async save(actor: Actor, effectiveFrom: string, body: SaveSettingsBody) {
      assertAdmin(actor)
      if (!/-01$/.test(effectiveFrom) || Number.isNaN(Date.parse(effectiveFrom)))
        throw new AppError('VALIDATION', 'A settings set takes effect on the first day of a month', [
          { path: ['effectiveFrom'], message: 'Use the first day of a month, e.g. 2026-07-01' },
        ])
      await repo.save(effectiveFrom, body.values, body.note ?? null, actor.id)
      const versions = await loadVersions(database)
      const saved = versions.find((v) => v.effectiveFrom === effectiveFrom)!
      const refreshed = await analyticsRefresher(database).refresh({
        from: effectiveFrom,
        to: saved.effectiveTo,
      })
      return { version: saved, refreshedPeriods: refreshed.periods.length }
    },
  }
}
