import { eq, type SQL, sql } from 'drizzle-orm'
import { type Db, execRows } from '#db/client'
import { escalationEvents, escalationSla, escalations } from '#db/schema/index'
import type { EscalationListQuery } from '#shared/contracts/escalations'
import type { SlaHours } from '#shared/domain/escalations'
import { AT_RISK_SHARE, severities } from '#shared/domain/escalations'

export type EscalationRow = {
  id: number
  title: string
  description: string | null
  severity: string
  category: string
  status: string
  partnerId: number
  partnerName: string
  customerId: number | null
  customerName: string | null
  workloadCode: string | null
  ownerUserId: number
  ownerName: string
  raisedBy: number
  raisedByName: string
  raisedAt: Date | string
  resolvedAt: Date | string | null
  closedAt: Date | string | null
  closureEvidence: string | null
  closureLink: string | null
  escalatedTo: string | null
  editable: boolean
}

/** The SLA hours of the row `e`'s severity, as SQL. */
export const hoursSql = (hours: SlaHours) =>
  sql`(case e.severity ${sql.join(
    severities.map((s) => sql`when ${s} then ${hours[s]}::float8`),
    sql` `,
  )} end)`

/** Elapsed share of the SLA of `e`: from raising to now, or to its resolution (the clock stops). */
const elapsedShareSql = (hours: SlaHours) =>
  sql`(extract(epoch from (coalesce(least(e.resolved_at, now()), now()) - e.raised_at)) / 3600.0 / ${hoursSql(hours)})`

export type EscalationFilters = EscalationListQuery & {
  actorId: number
  /** Mine: owned by the actor, or escalated to their role — a lead, an SME — on a partner in their scope. */
  mine?: { role: string }
}

export function escalationsRepository(db: Db) {
  /** `scope` and `editable` are conditions on `partners` (the escalation's partner) and `e`. */
  const select = (editable: SQL) => sql`
    select e.id, e.title, e.description, e.severity, e.category, e.status, e.partner_id as "partnerId",
           partners.name as "partnerName", e.customer_id as "customerId", c.name as "customerName",
           e.workload_code as "workloadCode", e.owner_user_id as "ownerUserId", o.display_name as "ownerName",
           e.raised_by as "raisedBy", r.display_name as "raisedByName", e.raised_at as "raisedAt",
           e.resolved_at as "resolvedAt", e.closed_at as "closedAt", e.closure_evidence as "closureEvidence",
           e.closure_link as "closureLink", e.escalated_to as "escalatedTo", (${editable}) as editable
    from escalations e
    join partners on partners.id = e.partner_id
    left join customers c on c.id = e.customer_id
    join users o on o.id = e.owner_user_id
    join users r on r.id = e.raised_by`

  function conditions(scope: SQL, q: Partial<EscalationFilters>, hours: SlaHours): SQL {
    const conds: SQL[] = [scope]
    if (q.status === 'active') conds.push(sql`e.status in ('open', 'in_progress')`)
    else if (q.status && q.status !== 'all') conds.push(sql`e.status = ${q.status}`)
    if (q.severity) conds.push(sql`e.severity = ${q.severity}`)
    if (q.category) conds.push(sql`e.category = ${q.category}`)
    if (q.partnerId) conds.push(sql`e.partner_id = ${q.partnerId}`)
    if (q.customerId) conds.push(sql`e.customer_id = ${q.customerId}`)
    if (q.owner === 'me' && q.actorId) conds.push(sql`e.owner_user_id = ${q.actorId}`)
    if (q.mine && q.actorId) {
      const target = q.mine.role === 'lead' || q.mine.role === 'sme' ? q.mine.role : null
      conds.push(
        target
          ? sql`(e.owner_user_id = ${q.actorId} or e.escalated_to = ${target})`
          : sql`e.owner_user_id = ${q.actorId}`,
      )
    }
    if (q.sla === 'breached') conds.push(sql`${elapsedShareSql(hours)} >= 1`)
    if (q.sla === 'at_risk')
      conds.push(sql`${elapsedShareSql(hours)} >= ${AT_RISK_SHARE} and ${elapsedShareSql(hours)} < 1`)
    return sql.join(conds, sql` and `)
  }

  return {
    /** A page, most urgent first: unresolved before resolved, then by elapsed share of the SLA, newest first. */
    async list(scope: SQL, editable: SQL, q: EscalationFilters, hours: SlaHours) {
      const where = conditions(scope, q, hours)
      const [items, [count]] = await Promise.all([
        execRows<EscalationRow>(
          db,
          sql`${select(editable)} where ${where}
              order by (e.status in ('open', 'in_progress')) desc, ${elapsedShareSql(hours)} desc, e.id desc
              limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
        ),
        execRows<{ total: number }>(
          db,
          sql`select count(*)::int as total from escalations e join partners on partners.id = e.partner_id where ${where}`,
        ),
      ])
      return { items, total: count?.total ?? 0 }
    },

    /** Every row matching, without paging (agendas, "My week", digests: small sets). */
    all(scope: SQL, editable: SQL, q: Partial<EscalationFilters>, hours: SlaHours) {
      return execRows<EscalationRow>(
        db,
        sql`${select(editable)} where ${conditions(scope, q, hours)}
            order by ${elapsedShareSql(hours)} desc, e.id desc limit 500`,
      )
    },

    async find(scope: SQL, editable: SQL, id: number): Promise<EscalationRow | undefined> {
      const [row] = await execRows<EscalationRow>(
        db,
        sql`${select(editable)} where e.id = ${id} and ${scope}`,
      )
      return row
    },

    async insert(values: typeof escalations.$inferInsert) {
      const [row] = await db.insert(escalations).values(values).returning()
      return row!
    },

    async update(id: number, values: Partial<typeof escalations.$inferInsert>) {
      await db
        .update(escalations)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(escalations.id, id))
    },

    async addEvent(values: typeof escalationEvents.$inferInsert) {
      await db.insert(escalationEvents).values(values)
    },

    timeline(id: number) {
      return execRows<{
        id: number
        kind: string
        fromStatus: string | null
        toStatus: string | null
        target: string | null
        note: string | null
        evidence: string | null
        link: string | null
        userName: string | null
        createdAt: Date | string
      }>(
        db,
        sql`select v.id, v.kind, v.from_status as "fromStatus", v.to_status as "toStatus", v.target, v.note,
                   v.evidence, v.link, u.display_name as "userName", v.created_at as "createdAt"
            from escalation_events v left join users u on u.id = v.user_id
            where v.escalation_id = ${id} order by v.created_at, v.id`,
      )
    },

    async user(id: number) {
      const [row] = await execRows<{ id: number; role: string; active: boolean; name: string }>(
        db,
        sql`select id, role, active, display_name as name from users where id = ${id}`,
      )
      return row
    },

    slaRows() {
      return execRows<{
        severity: string
        hours: number
        updatedBy: string | null
        updatedAt: Date | string
      }>(
        db,
        sql`select s.severity, s.hours, u.email as "updatedBy", s.updated_at as "updatedAt"
            from escalation_sla s left join users u on u.id = s.updated_by`,
      )
    },

    async saveSla(hours: SlaHours, userId: number) {
      for (const severity of severities)
        await db
          .insert(escalationSla)
          .values({ severity, hours: hours[severity], updatedBy: userId })
          .onConflictDoUpdate({
            target: escalationSla.severity,
            set: { hours: hours[severity], updatedBy: userId, updatedAt: new Date() },
          })
    },

    /** Hours from raising to resolution of the escalations resolved in [from, to] (UTC dates) in scope. */
    resolved(scope: SQL, from: string, to: string) {
      return execRows<{ severity: string; hours: number }>(
        db,
        sql`select e.severity, extract(epoch from (e.resolved_at - e.raised_at))::float8 / 3600.0 as hours
            from escalations e join partners on partners.id = e.partner_id
            where ${scope} and e.resolved_at is not null
              and (e.resolved_at at time zone 'UTC')::date between ${from}::date and ${to}::date`,
      )
    },

    /** Severity and age in whole days (UTC) of the open and in-progress escalations in scope. */
    openAges(scope: SQL, asOf: string) {
      return execRows<{ severity: string; days: number }>(
        db,
        sql`select e.severity, (${asOf}::date - (e.raised_at at time zone 'UTC')::date)::int as days
            from escalations e join partners on partners.id = e.partner_id
            where ${scope} and e.status in ('open', 'in_progress')`,
      )
    },
  }
}
