import { type SQL, sql } from 'drizzle-orm'
import { type Db, execRows } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import { type ProgramFilters, programFilters } from '#server/modules/access/program-scope'
import { partnerVisible } from '#server/modules/access/scope'
import type { VoiceCounts } from '#shared/contracts/insights'
import { type VoiceTotals, voiceRollup } from '#shared/domain/insights'

export type InsightsFilters = ProgramFilters
export type Period = { from: string; to: string }

type Named = VoiceTotals & {
  partnerId: number
  partnerName: string
  fpmUserId: number | null
  fpmName: string | null
  regionId: number
  regionName: string
}

/**
 * Insights and spotlights per live partner in scope, in one query: insights and spotlights submitted in
 * [from, to), and spotlights approved (internally or publicly) in it — by the date of the approval.
 */
function partnerTotals(db: Db, scope: SQL, f: InsightsFilters, p: Period) {
  const conds: SQL[] = [scope, programFilters(f)]
  const from = sql`${`${p.from}T00:00:00Z`}::timestamptz`
  const to = sql`${`${p.to}T00:00:00Z`}::timestamptz`
  return execRows<Named>(
    db,
    sql`select partners.id as "partnerId", partners.name as "partnerName", partners.fpm_user_id as "fpmUserId",
               u.display_name as "fpmName", partners.region_id as "regionId", r.name as "regionName",
               coalesce(i.n, 0)::int as insights, coalesce(s.n, 0)::int as spotlights,
               coalesce(s.approved, 0)::int as "spotlightsApproved"
        from partners
        join regions r on r.id = partners.region_id
        left join users u on u.id = partners.fpm_user_id
        left join (select partner_id, count(*) as n from insights
                   where submitted_at >= ${from} and submitted_at < ${to} group by 1) i on i.partner_id = partners.id
        left join (select partner_id,
                          count(*) filter (where submitted_at >= ${from} and submitted_at < ${to}) as n,
                          count(*) filter (where status in ('approved_internal', 'approved_public')
                                           and decided_at >= ${from} and decided_at < ${to}) as approved
                   from spotlights
                   where (submitted_at >= ${from} and submitted_at < ${to}) or (decided_at >= ${from} and decided_at < ${to})
                   group by 1) s on s.partner_id = partners.id
        where ${sql.join(conds, sql` and `)}
        order by partners.name, partners.id`,
  )
}

/** The seam of the scorecard and offboarding rules: raw totals per partner in the actor's scope. */
export function insightsRollup(db: Db) {
  return {
    async totalsByPartner(actor: Actor, filters: InsightsFilters, period: Period) {
      const rows = await partnerTotals(db, partnerVisible(actor), filters, period)
      return rows.map((r) => ({
        partnerId: r.partnerId,
        fpmUserId: r.fpmUserId,
        regionId: r.regionId,
        insights: r.insights,
        spotlights: r.spotlights,
        spotlightsApproved: r.spotlightsApproved,
      }))
    },

    /** Counts per partner, and their sums per FPM and per region (who is driving partners to submit). */
    async counts(actor: Actor, filters: InsightsFilters, period: Period): Promise<VoiceCounts> {
      const partners = await partnerTotals(db, partnerVisible(actor), filters, period)
      const fpms = voiceRollup(partners, (r) => r.fpmUserId).map(({ key, rows, ...t }) => ({
        fpmUserId: key,
        fpmName: rows[0]!.fpmName,
        ...t,
      }))
      const regions = voiceRollup(partners, (r) => r.regionId).map(({ key, rows, ...t }) => ({
        regionId: key,
        regionName: rows[0]!.regionName,
        ...t,
      }))
      return { ...period, partners, fpms, regions }
    },
  }
}
