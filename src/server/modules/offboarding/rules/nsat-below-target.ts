import type { OffboardingRuleDef } from './types'

/** NSAT of the last 12 months below the target, when enough responses make it meaningful (not low n). */
export const nsatBelowTargetRule: OffboardingRuleDef = {
  code: 'nsat_below_target',
  hasData: (s) => s.nsat !== undefined && s.nsat.value !== null,
  evaluate(s) {
    const nsat = s.nsat
    if (!nsat || nsat.value === null || nsat.lowN || nsat.value >= nsat.target) return null
    return {
      rule: this.code,
      evidence: `NSAT ${nsat.value} from ${nsat.responses} responses, below the target of ${nsat.target}`,
      facts: { nsat: nsat.value, responses: nsat.responses, target: nsat.target },
    }
  },
}
