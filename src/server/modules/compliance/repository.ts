import { type SQL, sql } from 'drizzle-orm'
import { type Db, execRows } from '#db/client'
import { activeStatuses } from '#shared/domain/escalations'

/**
 * The facts data compliance needs, set-based (decision 015). `scope` is a condition on `partners` (the
 * actor's scope ∩ filters ∩ live, as the service says); cut-offs are dates (YYYY-MM-DD): a record dated on
 * or after its cut-off passes.
 */
export type ComplianceCutoffs = { usage: string; escalations: string }

export type CompliancePartnerRow = {
  partnerId: number
  name: string
  status: string
  regionId: number | null
  regionName: string | null
  fpmUserId: number | null
  fpmName: string | null
  sponsorIdentified: boolean
  deliveryLeadIdentified: boolean
  lastNoteOn: string | null
  usageApplicable: number
  usagePassed: number
  escalationsApplicable: number
  escalationsPassed: number
}

const openStatuses = sql.raw(activeStatuses.map((s) => `'${s}'`).join(', '))

/**
 * The customers each partner in scope answers for (its primary partner's customers, not archived) that the
 * newest health refresh scored — every customer with a live engagement has a row there (decision 006) — with
 * the date of their newest usage snapshot as that refresh stored it (customer_health.inputs newestAsOf, null
 * without usage): one row per customer, no scan of usage_snapshots or engagements.
 */
const partnerCustomers = (ids: SQL) => sql`
  select c.primary_partner_id as partner_id, c.id as customer_id, c.name as customer_name,
         (ch.inputs->>'newestAsOf')::date as newest_on
  from customer_health ch join customers c on c.id = ch.customer_id
  where ch.period = (select max(period) from customer_health)
    and c.archived_at is null and c.primary_partner_id in ${ids}`

/** An escalation's last update: its newest event, or when it was raised. */
const lastUpdate = sql`coalesce((select max(ev.created_at) from escalation_events ev where ev.escalation_id = x.id), x.raised_at)`
const utcDate = (ts: SQL) => sql`(${ts} at time zone 'UTC')::date`

export function complianceRepository(db: Db) {
  const idsOf = (scope: SQL) => sql`(select partners.id from partners where ${scope})`
  return {
    /** One row per partner in scope with every partner-level fact and the per-record checks counted. */
    partners(scope: SQL, cut: ComplianceCutoffs) {
      const ids = idsOf(scope)
      return execRows<CompliancePartnerRow>(
        db,
        sql`with pc as (${partnerCustomers(ids)}),
                 usage as (
                   select pc.partner_id, count(*)::int as applicable,
                          count(*) filter (where pc.newest_on >= ${cut.usage}::date)::int as passed
                   from pc group by pc.partner_id),
                 esc as (
                   select x.partner_id, count(*)::int as applicable,
                          count(*) filter (where ${utcDate(lastUpdate)} >= ${cut.escalations}::date)::int as passed
                   from escalations x
                   where x.partner_id in ${ids} and x.status in (${openStatuses})
                   group by x.partner_id),
                 notes as (
                   select partner_id, max(d) as d from (
                     select t.partner_id, max(t.occurred_on) as d from touchpoints t
                     where t.partner_id in ${ids} group by t.partner_id
                     union all
                     select s.partner_id, max(${utcDate(sql`coalesce(o.held_at, o.moved_start, o.original_start)`)})
                     from meeting_occurrences o join meeting_series s on s.id = o.series_id
                     where s.partner_id in ${ids} and o.status = 'held' and btrim(coalesce(o.minutes, '')) <> ''
                     group by s.partner_id) n
                   group by partner_id)
            select partners.id as "partnerId", partners.name, partners.status, partners.region_id as "regionId",
                   r.name as "regionName", partners.fpm_user_id as "fpmUserId", u.display_name as "fpmName",
                   exists (select 1 from stakeholders s where s.partner_id = partners.id and s.archived_at is null
                           and s.side = 'partner' and s.role = 'sponsor') as "sponsorIdentified",
                   exists (select 1 from stakeholders s where s.partner_id = partners.id and s.archived_at is null
                           and s.side = 'partner' and s.role = 'delivery_lead') as "deliveryLeadIdentified",
                   notes.d::text as "lastNoteOn",
                   coalesce(usage.applicable, 0) as "usageApplicable", coalesce(usage.passed, 0) as "usagePassed",
                   coalesce(esc.applicable, 0) as "escalationsApplicable", coalesce(esc.passed, 0) as "escalationsPassed"
            from partners
            left join regions r on r.id = partners.region_id
            left join users u on u.id = partners.fpm_user_id
            left join usage on usage.partner_id = partners.id
            left join esc on esc.partner_id = partners.id
            left join notes on notes.partner_id = partners.id
            where ${scope}
            order by partners.name, partners.id`,
      )
    },

    /** The customers failing the usage check (oldest data first), and how many fail in all. */
    staleUsage(scope: SQL, cutoff: string, limit: number) {
      const ids = idsOf(scope)
      return execRows<{
        partnerId: number
        customerId: number
        customerName: string
        newestOn: string | null
        total: number
      }>(
        db,
        sql`select pc.partner_id as "partnerId", pc.customer_id as "customerId", pc.customer_name as "customerName",
                   pc.newest_on::text as "newestOn", count(*) over ()::int as total
            from (${partnerCustomers(ids)}) pc
            where pc.newest_on is null or pc.newest_on < ${cutoff}::date
            order by pc.newest_on nulls first, pc.customer_name, pc.partner_id
            limit ${limit}`,
      )
    },

    /** The open escalations failing the update check (longest without update first). */
    staleEscalations(scope: SQL, cutoff: string, limit: number) {
      const ids = idsOf(scope)
      return execRows<{
        partnerId: number
        escalationId: number
        title: string
        lastUpdateAt: Date | string
        total: number
      }>(
        db,
        sql`select x.partner_id as "partnerId", x.id as "escalationId", x.title, ${lastUpdate} as "lastUpdateAt",
                   count(*) over ()::int as total
            from escalations x
            where x.partner_id in ${ids} and x.status in (${openStatuses})
              and ${utcDate(lastUpdate)} < ${cutoff}::date
            order by 4, x.id
            limit ${limit}`,
      )
    },
  }
}
