import { cadenceSource } from './cadence'
import { complianceSource } from './compliance'
import { escalationsSource } from './escalations'
import { insightsSource } from './insights'
import { nsatSource } from './nsat'
import { offboardingSource } from './offboarding'
import { rhythmSource } from './rhythm'
import { tasksSource } from './tasks'
import type { ScorecardSource } from './types'
import { usageSource } from './usage'

/** Every source of scorecard totals; a metric no source collects shows "no data". */
export const scorecardSources: readonly ScorecardSource[] = [
  rhythmSource,
  offboardingSource,
  usageSource,
  nsatSource,
  complianceSource,
  escalationsSource,
  cadenceSource,
  tasksSource,
  insightsSource,
]
