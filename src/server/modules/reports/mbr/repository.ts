import { gunzipSync, gzipSync } from 'node:zlib'
import { type SQL, sql } from 'drizzle-orm'
import { type Db, execRows, idList } from '#db/client'
import { recentSnapshotsOfPeriod, snapshotsOfPeriod } from '#server/modules/analytics/health/repository'
import type { HealthAggregate, HealthBand } from '#shared/contracts/analytics'

export type MbrPartnerRow = {
  id: number
  name: string
  programId: string
  fpm: string | null
  region: string | null
}
export type MbrHealthRow = {
  period: string
  score: number
  band: HealthBand
  inputs: HealthAggregate
  customersHealthy: number
  customersWatch: number
  customersAtRisk: number
}
export type MbrWorkloadRow = {
  period: string
  workloadCode: string
  engagements: number
  customers: number
  eligible: number
  claimed: number
  licensed: number
  active: number
}
export type MbrEngagementRow = {
  customerName: string
  tpid: string
  workloadCode: string
  intentStatus: string
  phase: string
  claimed: boolean
  asOf: string | null
  licensed: number | null
  active: number | null
  previousLicensed: number | null
  previousActive: number | null
}
type SnapshotField = 'asOf' | 'licensed' | 'active' | 'previousLicensed' | 'previousActive'
export type MbrEscalationRow = {
  id: number
  title: string
  severity: string
  category: string
  customerName: string | null
  workloadCode: string | null
  owner: string | null
  raisedAt: Date
  events: { toStatus: string | null; at: string }[]
}
export type MbrActionRow = {
  id: number
  title: string
  customerName: string | null
  owner: string | null
  dueOn: string | null
  status: string
  createdAt: Date
  closedAt: Date | null
}

/** An MBR row's fields (and the id and `complete` of recentSnapshotsOfPeriod), in the order the query returns them. */
const engagementColumns = {
  id: sql`e.id`,
  complete: sql`r.complete`,
  customerName: sql`c.name`,
  tpid: sql`c.tpid`,
  workloadCode: sql`e.workload_code`,
  intentStatus: sql`e.intent_status`,
  phase: sql`e.phase`,
  claimed: sql`e.claimed`,
  asOf: sql`r.as_of`,
  licensed: sql`r.licensed`,
  active: sql`r.active`,
  previousLicensed: sql`r.previous_licensed`,
  previousActive: sql`r.previous_active`,
} satisfies Record<keyof MbrEngagementRow | 'id' | 'complete', SQL>

/** The queries of an MBR pack: one partner, the month's stored scores and rollups, lists as of the month end. */
export function mbrRepository(db: Db) {
  return {
    async partner(id: number, scope: SQL) {
      const [row] = await execRows<MbrPartnerRow>(
        db,
        sql`select partners.id, partners.name, partners.program_id as "programId", u.display_name as fpm, r.name as region
            from partners left join users u on u.id = partners.fpm_user_id left join regions r on r.id = partners.region_id
            where partners.id = ${id} and ${scope}`,
      )
      return row ?? null
    },
    async partnerIdByProgramId(programId: string, scope: SQL) {
      const [row] = await execRows<{ id: number }>(
        db,
        sql`select partners.id from partners where partners.program_id = ${programId} and ${scope}`,
      )
      return row?.id ?? null
    },
    /** The partner's stored health of the periods from `from` to `to` (oldest first). */
    health(partnerId: number, from: string, to: string) {
      return execRows<MbrHealthRow>(
        db,
        sql`select period::text as period, score::float8 as score, band, inputs,
                   customers_healthy as "customersHealthy", customers_watch as "customersWatch",
                   customers_at_risk as "customersAtRisk"
            from partner_health where partner_id = ${partnerId} and period between ${from}::date and ${to}::date
            order by period`,
      )
    },
    /** The month's rollup rows per workload, for the periods from `from` to `to`. */
    workloads(partnerId: number, from: string, to: string) {
      return execRows<MbrWorkloadRow>(
        db,
        sql`select period::text as period, workload_code as "workloadCode", engagements, customers, eligible, claimed,
                   licensed::float8 as licensed, active::float8 as active
            from partner_workload_monthly
            where partner_id = ${partnerId} and period between ${from}::date and ${to}::date
            order by period, workload_code`,
      )
    },
    /**
     * Customer × workload rows of the month: engagements not archived before the month end (their
     * created_at is when they were imported, not when the work began), with the snapshot the month's score
     * used. A large partner has tens of thousands of rows: the snapshots come from recentSnapshotsOfPeriod
     * (snapshotsOfPeriod only for the rows it leaves incomplete), and the rows as one JSON array of arrays
     * (PGlite decodes a result value by value, which cost more than the query; keys in every row, a third).
     */
    async engagements(partnerId: number, periodEnd: string, cutoff: Date) {
      const [{ rows: tuples }] = await execRows<{ rows: unknown[][] }>(
        db,
        sql`select coalesce(json_agg(json_build_array(${sql.join(Object.values(engagementColumns), sql`, `)})
                   order by c.name, e.workload_code), '[]') as rows
            from engagements e
            join customers c on c.id = e.customer_id
            ${recentSnapshotsOfPeriod(periodEnd)}
            where e.partner_id = ${partnerId}
              and (e.archived_at is null or e.archived_at >= ${cutoff})
              and (c.archived_at is null or c.archived_at >= ${cutoff})`,
      )
      const names = Object.keys(engagementColumns)
      // A plain loop: Object.fromEntries cost ~50 ms on 15,000 rows.
      const rows = tuples.map((t) => {
        const row: Record<string, unknown> = {}
        for (let i = 0; i < names.length; i++) row[names[i]!] = t[i]
        return row as MbrEngagementRow & { id: number; complete: boolean }
      })
      const incomplete = rows.filter((r) => !r.complete).map((r) => r.id)
      const older = new Map<number, Pick<MbrEngagementRow, SnapshotField>>()
      for (let i = 0; i < incomplete.length; i += 10_000) {
        const found = await execRows<Pick<MbrEngagementRow, SnapshotField> & { id: number }>(
          db,
          sql`select e.id, l.as_of::text as "asOf", l.licensed_users as licensed, l.active_users as active,
                     p.licensed_users as "previousLicensed", p.active_users as "previousActive"
              from engagements e
              ${snapshotsOfPeriod(periodEnd)}
              where e.id in ${idList(incomplete.slice(i, i + 10_000))}`,
        )
        for (const { id, ...snapshots } of found) older.set(id, snapshots)
      }
      return rows.map(({ id, complete: _, ...row }): MbrEngagementRow => ({ ...row, ...older.get(id) }))
    },
    /** Escalations raised before the cutoff, each with its status events before the cutoff (oldest first). */
    escalations(partnerId: number, cutoff: Date) {
      return execRows<MbrEscalationRow>(
        db,
        sql`select x.id, x.title, x.severity, x.category, c.name as "customerName", x.workload_code as "workloadCode",
                   u.display_name as owner, x.raised_at as "raisedAt",
                   coalesce((select json_agg(json_build_object('toStatus', ev.to_status, 'at', ev.created_at) order by ev.created_at, ev.id)
                             from escalation_events ev
                             where ev.escalation_id = x.id and ev.kind = 'status' and ev.created_at < ${cutoff}), '[]'::json) as events
            from escalations x
            left join customers c on c.id = x.customer_id
            left join users u on u.id = x.owner_user_id
            where x.partner_id = ${partnerId} and x.raised_at < ${cutoff}
            order by x.raised_at, x.id`,
      )
    },
    /** Action items created before the cutoff. */
    actions(partnerId: number, cutoff: Date) {
      return execRows<MbrActionRow>(
        db,
        sql`select a.id, a.title, c.name as "customerName", coalesce(u.display_name, s.name) as owner,
                   a.due_on::text as "dueOn", a.status, a.created_at as "createdAt", a.closed_at as "closedAt"
            from action_items a
            left join customers c on c.id = a.customer_id
            left join users u on u.id = a.owner_user_id
            left join stakeholders s on s.id = a.owner_stakeholder_id
            where a.partner_id = ${partnerId} and a.created_at < ${cutoff}
            order by a.due_on nulls last, a.created_at, a.id`,
      )
    },
    async frozen(partnerId: number, period: string) {
      const [row] = await execRows<{ packGzip: Uint8Array | null; pack: unknown }>(
        db,
        sql`select pack_gzip as "packGzip", case when pack_gzip is null then pack end as pack
            from mbr_packs where partner_id = ${partnerId} and period = ${period}::date`,
      )
      if (!row) return null
      return row.packGzip ? JSON.parse(gunzipSync(row.packGzip).toString('utf8')) : row.pack
    },
    /**
     * Stores the pack, gzip-compressed JSON, unless one is stored already (a concurrent build): the first one
     * wins. True when this one did.
     */
    async freeze(partnerId: number, period: string, pack: unknown) {
      const gz = gzipSync(JSON.stringify(pack), { level: 1 })
      const rows = await execRows<{ partnerId: number }>(
        db,
        sql`insert into mbr_packs (partner_id, period, pack_gzip) values (${partnerId}, ${period}::date, ${gz})
            on conflict do nothing returning partner_id as "partnerId"`,
      )
      return rows.length > 0
    },
  }
}
