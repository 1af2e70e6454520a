import { sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { taskDefinitions } from '#db/schema/index'
import type { CreateTaskBody } from '#shared/contracts/tasks'
import { type Phase, phases } from '#shared/domain/portfolio'

type Tx = Parameters<Parameters<Database['db']['transaction']>[0]>[0]

/**
 * The default catalogue (domain.md §2.2 item 6, §3.1 step 2): the four onboarding steps and the community
 * step for a partner, the FTOP milestone tasks for an engagement.
 */
type CatalogueTask = CreateTaskBody & { sortOrder: number }
const partnerTasks: [string, string, string, boolean, number][] = [
  [
    'ONB-PAY',
    'Payment profile',
    'OSU enrolment in Partner Center and the Payment Central profile.',
    true,
    30,
  ],
  ['ONB-CPOR', 'Associate customers (CPOR)', 'Claims in Partner Center with proof of engagement.', true, 45],
  ['ONB-FTOP', 'Reporting access', 'Partner tenant approved in FTOP, users granted their roles.', true, 30],
  ['ONB-FPM', 'Introduction to the FPM', 'First meeting with the FastTrack partner manager.', true, 14],
  [
    'ONB-COMM',
    'Join the community',
    'Yammer group, Heads Up newsletter and the monthly success calls.',
    false,
    60,
  ],
]
const engagementTasks: [string, string, boolean, Phase | null, number | null][] = [
  ['3616', 'Complete initial customer outreach', true, null, 14],
  ['3334', 'Set governance cadence', true, 'initiate', null],
  ['1699', 'Technical assessment complete', true, 'assess', null],
  ['1700', 'Remediate exit', true, 'remediate', null],
  ['1701', 'Enablement complete', true, 'enable', null],
  ['1702', 'Migrate exit', true, 'migrate', null],
  ['3690', 'Identify survey contact', true, 'adoption', null],
  ['2536', 'Conduct success workshop', false, 'adoption', null],
  ['3735', 'Conduct success review', true, 'success', null],
]
export const defaultTaskCatalogue: CatalogueTask[] = [
  ...partnerTasks.map(([code, name, description, mandatory, days], i) => ({
    code,
    name,
    description,
    mandatory,
    appliesTo: 'partner' as const,
    expectedBy: 'days' as const,
    days,
    sortOrder: i,
  })),
  ...engagementTasks.map(([code, name, mandatory, phase, days], i) => ({
    code,
    name,
    description: `FTOP task ${code}.`,
    mandatory,
    appliesTo: 'engagement' as const,
    expectedBy: phase ? ('phase' as const) : ('days' as const),
    phase,
    days,
    workloads: code === '1702' ? ['EXO', 'OD', 'SPO'] : null,
    sortOrder: i,
  })),
]

/**
 * Writes the default catalogue and realistic completions: each engagement starts between its partner's
 * onboarding and today (deterministic from its id); every instance expected more than 120 days ago and
 * about three in four of the newer ones are done (most on time, some late), the rest open — overdue where
 * past their date. Ids come in insertion
 * order, so the same seed gives the same completions.
 */
export async function writeDemoTasks(tx: Tx, today: Date) {
  const defs = await tx
    .insert(taskDefinitions)
    .values(defaultTaskCatalogue.map((t) => ({ ...t, description: t.description ?? null })))
    .returning({ id: taskDefinitions.id })
  const day = today.toISOString().slice(0, 10)
  const ph = sql.raw(`array[${phases.map((p) => `'${p}'`).join(', ')}]::text[]`)
  await tx.execute(sql`update engagements e set created_at = (
      coalesce(p.joined_on, ${day}::date - 400) + ((e.id * 37) % greatest(1, ${day}::date - coalesce(p.joined_on, ${day}::date - 400)))
    )::timestamptz from partners p where p.id = e.partner_id`)
  const partnerDone = await tx.execute(sql`
    insert into task_completions (task_id, partner_id, completed_on, completed_by, evidence, evidence_link)
    select t.id, p.id, least(${day}::date, p.joined_on + t.days - (p.id * 3 + t.id) % 12 + case when (p.id + t.id) % 7 = 0 then 20 else 0 end),
           p.fpm_user_id, 'Confirmed with the partner''s program admin', null
    from partners p join task_definitions t on t.applies_to = 'partner'
    where p.fpm_user_id is not null and p.joined_on is not null and p.status not in ('invited', 'departed')
      and ((p.id * 5 + t.id * 3) % 10 < 8 or p.joined_on + t.days < ${day}::date - 120)
      and p.joined_on + t.days - (p.id * 3 + t.id) % 12 <= ${day}::date`)
  const engagementDone = await tx.execute(sql`
    with i as (
      select t.id as task_id, e.partner_id, e.id as engagement_id, p.fpm_user_id,
             case when t.expected_by = 'phase' then e.phase_since::date + (case when e.phase = t.phase then 30 else 0 end)
                  else e.created_at::date + t.days end as expected_on
      from engagements e join partners p on p.id = e.partner_id join task_definitions t on t.applies_to = 'engagement'
        and (t.workloads is null or e.workload_code = any(t.workloads))
        and (t.expected_by = 'days' or array_position(${ph}, e.phase) >= array_position(${ph}, t.phase))
      where e.archived_at is null and e.intent_status <> 'duplicate' and p.fpm_user_id is not null
    )
    insert into task_completions (task_id, partner_id, engagement_id, completed_on, completed_by, evidence, evidence_link)
    select task_id, partner_id, engagement_id,
           least(${day}::date, expected_on - (engagement_id + task_id) % 9 + case when (engagement_id * 3 + task_id) % 8 = 0 then 12 else 0 end),
           fpm_user_id, 'Updated in FTOP', 'https://ftop.example/tasks/' || task_id || '/' || engagement_id
    from i where (engagement_id * 7 + task_id * 11) % 4 <> 0 or expected_on < ${day}::date - 120`)
  const count = (r: unknown) =>
    (r as { rowCount?: number; affectedRows?: number }).rowCount ??
    (r as { affectedRows?: number }).affectedRows ??
    0
  return { tasks: defs.length, taskCompletions: count(partnerDone) + count(engagementDone) }
}
