import { type SQL, sql } from 'drizzle-orm'
import { type Database, execRows, idList } from '#db/client'
import { partners } from '#db/schema/index'
import type { Actor } from '#server/modules/access/actor'
import { partnerVisible } from '#server/modules/access/scope'
import { dashboardsService, type RegionMemo } from '#server/modules/analytics/dashboards/service'
import { type StoredScore, snapshotsOfPeriod } from '#server/modules/analytics/health/repository'
import { scoreHealth } from '#server/modules/analytics/health/score'
import { opportunitiesService } from '#server/modules/analytics/opportunities/service'
import { settingsInForce } from '#server/modules/settings/service'
import type { HealthAggregate, HealthBand, HealthFactor, HealthRow } from '#shared/contracts/analytics'
import type { Dashboard, WorkloadStanding } from '#shared/contracts/dashboards'
import type { OpportunityItem } from '#shared/contracts/opportunities'
import type { ReportQuery } from '#shared/contracts/reports'
import { monthEnd, monthStart } from '#shared/domain/periods'
import { AppError } from '#shared/errors'

export type ScoredSubject = {
  id: number
  name: string
  /** Partner ID (program) or TPID. */
  key: string
  owner: string | null
  score: number
  band: HealthBand
  factors: HealthFactor[]
}

/** Everything a portfolio health review holds, frozen at one period. */
export type PortfolioReport = {
  scope: string
  period: string | null
  generatedAt: string
  dashboard: Dashboard
  partners: ScoredSubject[]
  customers: ScoredSubject[]
  standings: (WorkloadStanding & { partnerId: number; partnerName: string })[]
  rows: (HealthRow & { tpid: string; claimed: boolean })[]
  /** The open opportunities of these partners, found on the newest data (they are about now, not `period`). */
  opportunities: { items: OpportunityItem[]; total: number; limit: number }
}

/** The most opportunities a workbook lists (by rule, highest value first); the page has them all. */
export const REPORT_OPPORTUNITIES = 20_000

type ScoreRow = { id: number; name: string; key: string; owner: string | null } & Pick<
  StoredScore,
  'score' | 'band' | 'inputs'
>

/**
 * Gathers a portfolio health review for the partners the selection names within the actor's scope:
 * the dashboard of the period, every partner's and customer's score with its factors, each partner's
 * strengths and weaknesses and the customer × workload rows with the snapshots of the period.
 */
export async function portfolioReport(
  database: Database,
  actor: Actor,
  q: ReportQuery,
): Promise<PortfolioReport> {
  if (q.partnerId) {
    const [visible] = await execRows<{ id: number }>(
      database.db,
      sql`select ${partners.id} as id from ${partners} where ${partners.id} = ${q.partnerId} and ${partnerVisible(actor)}`,
    )
    if (!visible) throw AppError.notFound('Partner')
  }
  const dashboards = dashboardsService(database)
  const dashboard = await dashboards.dashboard(actor, { ...q })
  const scope = await describeScope(database, q)
  const period = dashboard.period
  const generatedAt = new Date().toISOString()
  if (!period)
    return {
      scope,
      period,
      generatedAt,
      dashboard,
      partners: [],
      customers: [],
      standings: [],
      rows: [],
      opportunities: { items: [], total: 0, limit: REPORT_OPPORTUNITIES },
    }

  const ids = dashboard.partners.map((p) => p.partnerId)
  const partnerIdList = idList(ids)
  const { values } = await settingsInForce(database, period)
  const explain = (r: ScoreRow): ScoredSubject => ({
    id: r.id,
    name: r.name,
    key: r.key,
    owner: r.owner,
    score: r.score,
    band: r.band,
    factors: scoreHealth(r.inputs as HealthAggregate, values).factors,
  })

  const [partnerScores, customerScores, rows, opportunities] = await Promise.all([
    execRows<ScoreRow>(
      database.db,
      sql`select p.id, p.name, p.program_id as key, u.display_name as owner, h.score::float8 as score, h.band, h.inputs
          from partner_health h join partners p on p.id = h.partner_id left join users u on u.id = p.fpm_user_id
          where h.period = ${period}::date and h.partner_id in ${partnerIdList} order by h.score, p.name`,
    ),
    execRows<ScoreRow>(
      database.db,
      sql`select c.id, c.name, c.tpid as key, pp.name as owner, h.score::float8 as score, h.band, h.inputs
          from customer_health h join customers c on c.id = h.customer_id left join partners pp on pp.id = c.primary_partner_id
          where h.period = ${period}::date
            and exists (select 1 from engagements e where e.customer_id = c.id and e.partner_id in ${partnerIdList})
          order by h.score, c.name`,
    ),
    customerRows(database, partnerIdList, period),
    opportunitiesService(database).openOf(actor, ids, REPORT_OPPORTUNITIES),
  ])
  const standings: PortfolioReport['standings'] = []
  const regions: RegionMemo = new Map()
  for (const p of dashboard.partners) {
    const a = await dashboards.partner(actor, p.partnerId, { period }, regions)
    for (const s of a.standings) standings.push({ ...s, partnerId: p.partnerId, partnerName: p.name })
  }
  return {
    scope,
    period,
    generatedAt,
    dashboard,
    partners: partnerScores.map(explain),
    customers: customerScores.map(explain),
    standings,
    rows,
    opportunities: { ...opportunities, limit: REPORT_OPPORTUNITIES },
  }
}

function customerRows(database: Database, ids: SQL, period: string) {
  const end = monthEnd(period)
  return execRows<HealthRow & { tpid: string; claimed: boolean }>(
    database.db,
    sql`select e.id as "engagementId", c.id as "customerId", c.name as "customerName", c.tpid, pa.id as "partnerId",
               pa.name as "partnerName", e.workload_code as "workloadCode", e.intent_status as "intentStatus", e.phase,
               e.claimed, l.as_of::text as "latestAsOf", l.licensed_users as licensed, l.active_users as active,
               p.as_of::text as "previousAsOf", p.licensed_users as "previousLicensed", p.active_users as "previousActive"
        from engagements e
        join customers c on c.id = e.customer_id and c.archived_at is null
        join partners pa on pa.id = e.partner_id
        ${snapshotsOfPeriod(end)}
        where e.archived_at is null and e.partner_id in ${ids}
        order by pa.name, c.name, e.workload_code`,
  )
}

async function describeScope(database: Database, q: ReportQuery): Promise<string> {
  const one = async (query: SQL) => (await execRows<{ label: string }>(database.db, query))[0]?.label
  if (q.partnerId)
    return `Partner ${(await one(sql`select name || ' (' || program_id || ')' as label from partners where id = ${q.partnerId}`)) ?? q.partnerId}`
  if (q.fpmUserId)
    return `Partners of ${(await one(sql`select display_name as label from users where id = ${q.fpmUserId}`)) ?? q.fpmUserId}`
  if (q.regionId)
    return `Region ${(await one(sql`select name as label from regions where id = ${q.regionId}`)) ?? q.regionId}`
  return 'All partners you can see'
}

/**
 * Turns what a person types (a partner's program ID, an FPM's e-mail, a region's name) into ids, within
 * the actor's scope; a name that matches nothing visible is a clear 404.
 */
export async function resolveSelection(
  database: Database,
  actor: Actor,
  s: { partner?: string; fpm?: string; region?: string; asOf?: string },
): Promise<ReportQuery> {
  const q: ReportQuery = {}
  if (s.asOf) q.period = monthStart(s.asOf)
  if (s.partner) {
    const [row] = await execRows<{ id: number }>(
      database.db,
      sql`select ${partners.id} as id from ${partners} where ${partners.programId} = ${s.partner.trim()} and ${partnerVisible(actor)}`,
    )
    if (!row) throw new AppError('NOT_FOUND', `No partner with the Partner ID ${s.partner} that you can see`)
    q.partnerId = row.id
  }
  if (s.fpm) {
    const [row] = await execRows<{ id: number }>(
      database.db,
      sql`select id from users where email = ${s.fpm.trim().toLowerCase()} and role = 'fpm'`,
    )
    if (!row) throw new AppError('NOT_FOUND', `No partner manager with the e-mail ${s.fpm}`)
    q.fpmUserId = row.id
  }
  if (s.region) {
    const [row] = await execRows<{ id: number }>(
      database.db,
      sql`select id from regions where lower(name) = ${s.region.trim().toLowerCase()}`,
    )
    if (!row) throw new AppError('NOT_FOUND', `No region named ${s.region}`)
    q.regionId = row.id
  }
  return q
}
