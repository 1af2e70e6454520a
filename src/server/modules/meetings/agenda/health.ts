import { healthRepository } from '#server/modules/analytics/health/repository'
import { monthStart } from '#shared/domain/periods'
import type { AgendaProvider } from './types'

const fmt = (n: number) => n.toFixed(0)

/** The partner's health score now and its change since the last held meeting of the series. */
export const healthSection: AgendaProvider = {
  key: 'health',
  title: 'Partner health',
  async build({ database, series, lastHeld }) {
    const history = await healthRepository(database.db).history('partner', series.partnerId)
    const latest = history.at(-1)
    if (!latest) return null
    const now = `- Health score ${fmt(latest.score)} (${latest.band}) for ${latest.period.slice(0, 7)}`
    if (!lastHeld) return `${now}\n- No earlier held meeting of this series to compare with`
    const since = monthStart(lastHeld.originalStart.toISOString().slice(0, 10))
    const then = [...history].reverse().find((h) => h.period <= since)
    if (!then) return `${now}\n- No score yet at the last meeting (${since.slice(0, 7)})`
    const delta = latest.score - then.score
    const change = Math.round(delta) === 0 ? 'No change' : `${delta > 0 ? '+' : ''}${fmt(delta)}`
    return `${now}\n- ${change} since the last meeting (${fmt(then.score)}, ${then.band}, ${then.period.slice(0, 7)})`
  },
}
