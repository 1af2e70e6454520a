import { scorecardRepository } from '../repository'
import type { ScorecardSource } from './types'

/** rhythm_in_place (today): sponsor and delivery lead identified, and a business rhythm in place. */
export const rhythmSource: ScorecardSource = {
  metrics: ['rhythm_in_place'],
  async collect(ctx) {
    const [rows, { partners }] = await Promise.all([
      scorecardRepository(ctx.database.db).deliveryLeads(ctx.scope),
      ctx.facts(),
    ])
    const leads = new Set(rows.map((r) => r.partnerId))
    const period = ctx.periods.at(-1)!.key
    return partners.map((p) => ({
      metric: 'rhythm_in_place',
      period,
      partnerId: p.partnerId,
      numerator: p.noRhythm.length === 0 && leads.has(p.partnerId) ? 1 : 0,
      denominator: 1,
    }))
  },
}
