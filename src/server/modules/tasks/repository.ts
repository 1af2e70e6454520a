import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm'
import { type Db, execRows } from '#db/client'
import { taskCompletions, taskDefinitions } from '#db/schema/index'
import { phases } from '#shared/domain/portfolio'
import type { TaskTotals } from '#shared/domain/tasks'

/** The lifecycle as a SQL array: a phase's rank is array_position(PH, phase). Constants, not input. */
const PH = sql.raw(`array[${phases.map((p) => `'${p}'`).join(', ')}]::text[]`)

/** Engagements counted: not archived, not duplicate/invalid (removed from reporting, domain.md §2.2). */
const countedEngagement = sql`e.archived_at is null and e.intent_status <> 'duplicate'`

/** The partners of the scope with their onboarding start; `scope` is a condition on `partners`. */
const partnersOf = (scope: SQL) => sql`
  select partners.id, partners.name, partners.fpm_user_id, partners.region_id,
         coalesce(partners.joined_on, partners.created_at::date) as started_on
  from partners where ${scope}`
const liveTasks = sql`
  select id, code, name, mandatory, applies_to, expected_by, phase, array_position(${PH}, phase) as rank, days,
         workloads, sort_order
  from task_definitions where archived_at is null`
/** Does engagement task `t` apply to engagement `e`? (shared/domain/tasks.ts engagementTaskApplies) */
const applies = sql`t.applies_to = 'engagement' and (t.workloads is null or cardinality(t.workloads) = 0
  or e.workload_code = any(t.workloads)) and (t.expected_by = 'days' or array_position(${PH}, e.phase) >= t.rank)`
/** The expected date of engagement task `t` on engagement `e` (shared/domain/tasks.ts expectedOn). */
const expectedOfEngagement = (grace: number) => sql`case when t.expected_by = 'phase'
  then e.phase_since::date + (case when e.phase = t.phase then ${grace}::int else 0 end)
  else e.created_at::date + t.days end`

export type InstanceRow = {
  taskId: number
  code: string
  name: string
  mandatory: boolean
  partnerId: number
  partnerName: string
  fpmName: string | null
  engagementId: number | null
  customerId: number | null
  customerName: string | null
  workloadCode: string | null
  phase: string | null
  expectedOn: string
  completionId: number | null
  completedOn: string | null
  completedByName: string | null
  evidence: string | null
  evidenceLink: string | null
  total: number
}

export type TotalsRow = TaskTotals & { partnerId: number; fpmUserId: number | null; regionId: number | null }

export function tasksRepository(db: Db) {
  /**
   * Every task instance of the scope's partners (partner tasks and engagement tasks), one row each, with its
   * current completion. `where` filters the instances (alias i), `order`/`limit`/`offset` page them.
   */
  function instances(scope: SQL, grace: number, where: SQL, order: SQL, limit: number, offset: number) {
    return execRows<InstanceRow>(
      db,
      sql`with p as (${partnersOf(scope)}), t as (${liveTasks}),
          i as (
            select t.id as task_id, t.code, t.name, t.mandatory, t.sort_order, p.id as partner_id, p.name as partner_name,
                   p.fpm_user_id, null::int as engagement_id, null::int as customer_id, null::text as workload_code,
                   null::text as phase, p.started_on + t.days as expected_on, t.applies_to, tc.id as completion_id,
                   tc.completed_on, tc.completed_by, tc.evidence, tc.evidence_link
            from p join t on t.applies_to = 'partner'
            left join task_completions tc on tc.task_id = t.id and tc.partner_id = p.id and tc.engagement_id is null
                 and tc.undone_at is null
            union all
            select t.id, t.code, t.name, t.mandatory, t.sort_order, p.id, p.name, p.fpm_user_id, e.id, e.customer_id,
                   e.workload_code, e.phase, ${expectedOfEngagement(grace)}, t.applies_to, tc.id, tc.completed_on,
                   tc.completed_by, tc.evidence, tc.evidence_link
            from p join engagements e on e.partner_id = p.id join t on ${applies}
            left join task_completions tc on tc.task_id = t.id and tc.partner_id = p.id and tc.engagement_id = e.id
                 and tc.undone_at is null
            where ${countedEngagement}
          )
          select i.task_id as "taskId", i.code, i.name, i.mandatory, i.partner_id as "partnerId",
                 i.partner_name as "partnerName", u.display_name as "fpmName", i.engagement_id as "engagementId",
                 i.customer_id as "customerId", c.name as "customerName", i.workload_code as "workloadCode",
                 i.phase, i.expected_on::text as "expectedOn", i.completion_id as "completionId",
                 i.completed_on::text as "completedOn", cu.display_name as "completedByName", i.evidence,
                 i.evidence_link as "evidenceLink", i.total
          from (
            select i.*, count(*) over ()::int as total from i where ${where}
            order by ${order} limit ${limit} offset ${offset}
          ) i
          left join users cu on cu.id = i.completed_by
          left join users u on u.id = i.fpm_user_id
          left join customers c on c.id = i.customer_id
          order by ${order}`,
    )
  }

  return {
    instances,

    /**
     * Raw totals per partner of the scope, set-based in one statement: engagements are counted per partner,
     * workload and phase (never one row per engagement × task), every date test being a range count on
     * phase_since or the start shifted by the task's offset (0 or the grace days, or N days); the
     * completions (fewer) are matched one by one. Instances count in the period of their expected date,
     * [from, to); a completion counts when made before `to`; overdue = mandatory, expected before `ref`
     * (the period's last day, or today) and not completed by then.
     */
    totals(scope: SQL, from: string, to: string, ref: string, grace: number) {
      const inPeriod = sql`expected_on >= ${from}::date and expected_on < ${to}::date`
      const dueByRef = sql`expected_on >= ${from}::date and expected_on < ${ref}::date`
      return execRows<TotalsRow>(
        db,
        sql`with p as (${partnersOf(scope)}), t as (${liveTasks}),
            ep as (
              select partner_id, workload_code, phase,
                     count(*) filter (where d >= ${from}::date and d < ${to}::date)::int as p0,
                     count(*) filter (where d >= ${from}::date - ${grace}::int and d < ${to}::date - ${grace}::int)::int as pg,
                     count(*) filter (where d >= ${from}::date and d < ${ref}::date)::int as d0,
                     count(*) filter (where d >= ${from}::date - ${grace}::int and d < ${ref}::date - ${grace}::int)::int as dg
              from (select e.partner_id, e.workload_code, e.phase, e.phase_since::date as d from engagements e
                    where e.partner_id in (select id from p) and ${countedEngagement}) e
              group by 1, 2, 3
            ),
            dd as (select distinct days from t where applies_to = 'engagement' and expected_by = 'days'),
            ed as (
              select partner_id, workload_code, dd.days,
                     count(*) filter (where d >= ${from}::date - dd.days and d < ${to}::date - dd.days)::int as p,
                     count(*) filter (where d >= ${from}::date - dd.days and d < ${ref}::date - dd.days)::int as due
              from (select e.partner_id, e.workload_code, e.created_at::date as d from engagements e
                    where e.partner_id in (select id from p) and ${countedEngagement}) e cross join dd
              group by 1, 2, 3
            ),
            inst as (
              select e.partner_id, t.mandatory, case when e.phase = t.phase then e.pg else e.p0 end as n_period,
                     case when e.phase = t.phase then e.dg else e.d0 end as n_due
              from ep e join t on ${applies} and t.expected_by = 'phase'
              union all
              select e.partner_id, t.mandatory, e.p, e.due
              from ed e join t on t.applies_to = 'engagement' and t.expected_by = 'days' and t.days = e.days
                and (t.workloads is null or cardinality(t.workloads) = 0 or e.workload_code = any(t.workloads))
              union all
              select p.id, t.mandatory,
                     (p.started_on + t.days >= ${from}::date and p.started_on + t.days < ${to}::date)::int,
                     (p.started_on + t.days >= ${from}::date and p.started_on + t.days < ${ref}::date)::int
              from p join t on t.applies_to = 'partner'
            ),
            done as (
              select c.partner_id, t.mandatory, c.completed_on,
                     case when t.applies_to = 'partner' then p.started_on + t.days else ${expectedOfEngagement(grace)} end
                       as expected_on
              from task_completions c join t on t.id = c.task_id join p on p.id = c.partner_id
              left join engagements e on e.id = c.engagement_id
              where c.undone_at is null and c.completed_on < ${to}::date
                and (t.applies_to = 'partner' or (${countedEngagement} and ${applies}))
            ),
            a as (
              select partner_id,
                     coalesce(sum(n_period) filter (where mandatory), 0)::int as m_app,
                     coalesce(sum(n_due) filter (where mandatory), 0)::int as m_due,
                     coalesce(sum(n_period) filter (where not mandatory), 0)::int as o_app
              from inst group by 1
            ),
            d as (
              select partner_id,
                     count(*) filter (where mandatory and ${inPeriod})::int as m_done,
                     count(*) filter (where mandatory and ${inPeriod} and completed_on <= expected_on)::int as m_on_time,
                     count(*) filter (where mandatory and ${dueByRef} and completed_on <= ${ref}::date)::int as m_due_done,
                     count(*) filter (where not mandatory and ${inPeriod})::int as o_done
              from done group by 1
            )
            select p.id as "partnerId", p.fpm_user_id as "fpmUserId", p.region_id as "regionId",
                   coalesce(a.m_app, 0) as "mandatoryApplicable", coalesce(d.m_done, 0) as "mandatoryCompleted",
                   coalesce(d.m_on_time, 0) as "mandatoryCompletedOnTime",
                   coalesce(a.m_due, 0) - coalesce(d.m_due_done, 0) as "mandatoryOverdue",
                   coalesce(a.o_app, 0) as "optionalApplicable", coalesce(d.o_done, 0) as "optionalCompleted"
            from p left join a on a.partner_id = p.id left join d on d.partner_id = p.id
            order by p.id`,
      )
    },

    /** Per engagement task of the catalogue: its instances on one partner's engagements, done and overdue on `day`. */
    perTask(partnerId: number, grace: number, day: string) {
      return execRows<{
        taskId: number
        code: string
        name: string
        mandatory: boolean
        applicable: number
        completed: number
        overdue: number
      }>(
        db,
        sql`with t as (${liveTasks}),
            i as (
              select t.id as task_id, ${expectedOfEngagement(grace)} as expected_on, tc.id as completion_id
              from engagements e join t on ${applies}
              left join task_completions tc on tc.task_id = t.id and tc.engagement_id = e.id and tc.undone_at is null
              where e.partner_id = ${partnerId} and ${countedEngagement}
            )
            select t.id as "taskId", t.code, t.name, t.mandatory, count(i.task_id)::int as applicable,
                   count(i.completion_id)::int as completed,
                   count(i.task_id) filter (where t.mandatory and i.completion_id is null
                                              and i.expected_on < ${day}::date)::int as overdue
            from t left join i on i.task_id = t.id
            where t.applies_to = 'engagement'
            group by t.id, t.code, t.name, t.mandatory, t.sort_order
            order by t.sort_order, t.code`,
      )
    },

    /** Names for the summary: partner and FPM names of the scope. */
    partnerNames(scope: SQL) {
      return execRows<{ partnerId: number; partnerName: string; fpmName: string | null }>(
        db,
        sql`select partners.id as "partnerId", partners.name as "partnerName", u.display_name as "fpmName"
            from partners left join users u on u.id = partners.fpm_user_id where ${scope}`,
      )
    },

    catalogue(includeArchived: boolean) {
      return db
        .select()
        .from(taskDefinitions)
        .where(includeArchived ? undefined : isNull(taskDefinitions.archivedAt))
        .orderBy(asc(taskDefinitions.appliesTo), asc(taskDefinitions.sortOrder), asc(taskDefinitions.code))
    },
    async findTask(id: number) {
      const [row] = await db.select().from(taskDefinitions).where(eq(taskDefinitions.id, id))
      return row
    },
    async codeTaken(code: string, exceptId?: number) {
      const rows = await execRows<{ id: number }>(
        db,
        sql`select id from task_definitions where lower(code) = lower(${code}) ${exceptId ? sql`and id <> ${exceptId}` : sql``}`,
      )
      return rows.length > 0
    },
    async insertTask(values: typeof taskDefinitions.$inferInsert) {
      const [row] = await db.insert(taskDefinitions).values(values).returning()
      return row!
    },
    async updateTask(id: number, values: Partial<typeof taskDefinitions.$inferInsert>) {
      const [row] = await db
        .update(taskDefinitions)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(taskDefinitions.id, id))
        .returning()
      return row!
    },

    /** The engagement's facts when it is a counted engagement of the partner. */
    async engagementOf(partnerId: number, engagementId: number) {
      const [row] = await execRows<{
        phase: string
        phaseSince: string
        startedOn: string
        workloadCode: string
      }>(
        db,
        sql`select e.phase, e.phase_since::date::text as "phaseSince", e.created_at::date::text as "startedOn",
                   e.workload_code as "workloadCode"
            from engagements e where e.id = ${engagementId} and e.partner_id = ${partnerId} and ${countedEngagement}`,
      )
      return row
    },
    async currentCompletion(taskId: number, partnerId: number, engagementId: number | null) {
      const [row] = await db
        .select()
        .from(taskCompletions)
        .where(
          and(
            eq(taskCompletions.taskId, taskId),
            eq(taskCompletions.partnerId, partnerId),
            engagementId === null
              ? isNull(taskCompletions.engagementId)
              : eq(taskCompletions.engagementId, engagementId),
            isNull(taskCompletions.undoneAt),
          ),
        )
      return row
    },
    async insertCompletion(values: typeof taskCompletions.$inferInsert) {
      const [row] = await db.insert(taskCompletions).values(values).returning()
      return row!
    },
    async findCompletion(id: number) {
      const [row] = await db.select().from(taskCompletions).where(eq(taskCompletions.id, id))
      return row
    },
    async undoCompletion(id: number, by: number) {
      await db
        .update(taskCompletions)
        .set({ undoneAt: new Date(), undoneBy: by })
        .where(and(eq(taskCompletions.id, id), isNull(taskCompletions.undoneAt)))
    },
    history(partnerId: number, limit: number) {
      return execRows<{
        id: number
        code: string
        name: string
        customerName: string | null
        workloadCode: string | null
        completedOn: string
        completedByName: string
        undoneAt: Date | string | null
        undoneByName: string | null
      }>(
        db,
        sql`select tc.id, t.code, t.name, c.name as "customerName", e.workload_code as "workloadCode",
                   tc.completed_on::text as "completedOn", cu.display_name as "completedByName",
                   tc.undone_at as "undoneAt", uu.display_name as "undoneByName"
            from task_completions tc join task_definitions t on t.id = tc.task_id
            left join engagements e on e.id = tc.engagement_id left join customers c on c.id = e.customer_id
            join users cu on cu.id = tc.completed_by left join users uu on uu.id = tc.undone_by
            where tc.partner_id = ${partnerId}
            order by greatest(tc.created_at, coalesce(tc.undone_at, tc.created_at)) desc, tc.id desc limit ${limit}`,
      )
    },
  }
}
