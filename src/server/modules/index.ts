import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { actionsRoutes } from './actions/routes'
import { opportunitiesRoutes } from './analytics/opportunities/routes'
import { analyticsRoutes } from './analytics/routes'
import { authRoutes } from './auth/routes'
import { cadenceRoutes } from './cadence/routes'
import { complianceRoutes } from './compliance/routes'
import { customersRoutes } from './customers/routes'
import { digestRoutes } from './digest/routes'
import { escalationsRoutes } from './escalations/routes'
import { healthRoutes } from './health/routes'
import { importsRoutes } from './imports/routes'
import { insightsRoutes } from './insights/routes'
import { meetingsRoutes } from './meetings/routes'
import { nsatRoutes } from './nsat/routes'
import { offboardingRoutes } from './offboarding/routes'
import { partnersRoutes } from './partners/routes'
import { referenceRoutes } from './reference/routes'
import { referralsRoutes } from './referrals/routes'
import { mbrRoutes } from './reports/mbr/routes'
import { reportsRoutes } from './reports/routes'
import { scorecardRoutes } from './scorecard/routes'
import { settingsRoutes } from './settings/routes'
import { spotlightsRoutes } from './spotlights/routes'
import { stakeholdersRoutes } from './stakeholders/routes'
import { tasksRoutes } from './tasks/routes'
import { touchpointsRoutes } from './touchpoints/routes'
import { usersRoutes } from './users/routes'

/** Every API module, mounted under /api. A new module adds one line here. */
export const apiModules: FastifyPluginAsyncZod[] = [
  healthRoutes,
  authRoutes,
  usersRoutes,
  referenceRoutes,
  partnersRoutes,
  stakeholdersRoutes,
  customersRoutes,
  importsRoutes,
  settingsRoutes,
  analyticsRoutes,
  reportsRoutes,
  mbrRoutes,
  opportunitiesRoutes,
  escalationsRoutes,
  touchpointsRoutes,
  meetingsRoutes,
  actionsRoutes,
  digestRoutes,
  cadenceRoutes,
  offboardingRoutes,
  scorecardRoutes,
  tasksRoutes,
  nsatRoutes,
  complianceRoutes,
  insightsRoutes,
  spotlightsRoutes,
  referralsRoutes,
]
