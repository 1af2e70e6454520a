import { noUsageGrowth } from '#shared/domain/offboarding'
import type { OffboardingRuleDef } from './types'

const n = (x: number) => x.toLocaleString('en-US')

/** Active users in the newest month not above those `noGrowthMonths` months earlier. */
export const noUsageGrowthRule: OffboardingRuleDef = {
  code: 'no_usage_growth',
  hasData: (s) => s.usage.length > 0,
  evaluate(s, settings) {
    const months = settings.noGrowthMonths
    const found = noUsageGrowth(s.usage, months)
    if (!found) return null
    const { from, to, change } = found
    return {
      rule: this.code,
      evidence: `${n(to.active)} active users in ${to.month} against ${n(from.active)} in ${from.month} (${change === 0 ? 'no change' : `−${n(-change)}`}) — no growth in ${months} month${months === 1 ? '' : 's'}`,
      facts: {
        fromMonth: from.month,
        fromActive: from.active,
        toMonth: to.month,
        toActive: to.active,
        change,
      },
    }
  },
}
