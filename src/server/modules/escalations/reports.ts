import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import { median } from '#server/modules/analytics/dashboards/benchmark'
import type {
  EscalationReportQuery,
  OpenByAgeReport,
  TimeToResolveReport,
} from '#shared/contracts/escalations'
import { ageBucketOf, nearestRank, type Severity, severities } from '#shared/domain/escalations'
import { addDays, today } from '#shared/domain/periods'
import { escalationsRepository } from './repository'
import { escalationVisible } from './service'

/** The report's scope: the actor's partners, narrowed by partner, FPM and region (conditions on `partners`). */
function reportScope(actor: Actor, q: EscalationReportQuery): SQL {
  const conds: SQL[] = [escalationVisible(actor)]
  if (q.partnerId) conds.push(sql`partners.id = ${q.partnerId}`)
  if (q.fpmUserId) conds.push(sql`partners.fpm_user_id = ${q.fpmUserId}`)
  if (q.regionId) conds.push(sql`partners.region_id = ${q.regionId}`)
  return sql.join(conds, sql` and `)
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10)

/** Time to resolve per severity (docs/metrics.md): count, median and p90 hours of those resolved in the period. */
export function timeToResolve(
  items: { severity: string; hours: number }[],
  from: string,
  to: string,
): TimeToResolveReport {
  return {
    from,
    to,
    rows: severities.map((severity) => {
      const hours = items.filter((i) => i.severity === severity).map((i) => i.hours)
      return {
        severity,
        count: hours.length,
        medianHours: round1(median(hours)),
        p90Hours: round1(nearestRank(hours, 90)),
      }
    }),
  }
}

/** Open escalations by age bucket per severity (docs/metrics.md). */
export function openByAge(items: { severity: string; days: number }[], asOf: string): OpenByAgeReport {
  const rows = severities.map((severity) => ({
    severity,
    d0_7: 0,
    d8_30: 0,
    d31_90: 0,
    d90_plus: 0,
    total: 0,
  }))
  const bySeverity = new Map<string, (typeof rows)[number]>(rows.map((r) => [r.severity as Severity, r]))
  for (const i of items) {
    const r = bySeverity.get(i.severity)
    if (!r) continue
    r[ageBucketOf(Math.max(0, i.days))]++
    r.total++
  }
  return { asOf, rows }
}

export function escalationReportsService(database: Database) {
  const repo = escalationsRepository(database.db)
  return {
    async timeToResolve(actor: Actor, q: EscalationReportQuery) {
      const to = q.to ?? today()
      const from = q.from ?? addDays(to, -89)
      return timeToResolve(await repo.resolved(reportScope(actor, q), from, to), from, to)
    },
    async openByAge(actor: Actor, q: EscalationReportQuery) {
      const asOf = today()
      return openByAge(await repo.openAges(reportScope(actor, q), asOf), asOf)
    },
  }
}
