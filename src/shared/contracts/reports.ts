import { z } from 'zod'
import { isoDate } from './common'

/** Which partners a portfolio health review covers (within the reader's scope) and its period. */
export const reportQuery = z.object({
  partnerId: z.coerce.number().int().positive().optional(),
  fpmUserId: z.coerce.number().int().positive().optional(),
  regionId: z.coerce.number().int().positive().optional(),
  /** A month (YYYY-MM-01); the newest one with data by default. */
  period: isoDate.optional(),
})
export type ReportQuery = z.infer<typeof reportQuery>
