import { evaluateRules } from '#server/modules/offboarding/rules/index'
import { gatherSignals } from '#server/modules/offboarding/signals'
import { scorecardRepository } from '../repository'
import type { ScorecardSource } from './types'

/** not_progressing_raised (today): partners flagged by the offboarding rules, and of them those raised. */
export const offboardingSource: ScorecardSource = {
  metrics: ['not_progressing_raised'],
  async collect(ctx) {
    const settings = ctx.settings.offboarding
    const [signals, raised] = await Promise.all([
      gatherSignals(ctx.database, ctx.actor, ctx.filters, settings, ctx.now, {
        partners: ctx.facts().then((f) => f.partners),
        taskTotals: ctx.taskTotals,
      }),
      scorecardRepository(ctx.database.db).raised(ctx.scope),
    ])
    const raisedIds = new Set(raised.map((r) => r.partnerId))
    const period = ctx.periods.at(-1)!.key
    return signals
      .filter((s) => evaluateRules(s.signals, settings).length > 0)
      .map((s) => ({
        metric: 'not_progressing_raised' as const,
        period,
        partnerId: s.partner.partnerId,
        numerator: raisedIds.has(s.partner.partnerId) ? 1 : 0,
        denominator: 1,
      }))
  },
}
