import { cadenceSource } from './cadence'
import { escalationsSource } from './escalations'
import { offboardingSource } from './offboarding'
import { rhythmSource } from './rhythm'
import type { ScorecardSource } from './types'
import { usageSource } from './usage'

/** Every source of scorecard totals; a metric no source collects shows "no data". */
export const scorecardSources: readonly ScorecardSource[] = [
  rhythmSource,
  offboardingSource,
  usageSource,
  escalationsSource,
  cadenceSource,
]
