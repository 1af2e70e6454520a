import { type SQL, sql } from 'drizzle-orm'
import { copyText, dropSecondaryIndexes, skipForeignKeyTriggers } from '#db/bulk'
import { type Db, execRows, type SqlClient } from '#db/client'
import type { RefreshScope } from '#server/modules/analytics/refresh/repository'
import type { Step } from '#server/modules/analytics/refresh/service'
import type { OpportunityListQuery, OpportunityState } from '#shared/contracts/opportunities'
import type { EngagementFacts, Opportunity } from './types'

/** The fields of one row of loadFacts's JSON text, in its select order. */
const FACT_KEYS = [
  'engagementId',
  'partnerId',
  'customerId',
  'customerName',
  'workloadCode',
  'seats',
  'claimed',
  'intentStatus',
  'phase',
  'phaseSince',
  'endorsed',
  'licensed',
  'active',
  'peakActive',
  'hasSurveyContact',
  'lastSuccessReviewOn',
  'successShareSince',
] as const satisfies readonly (keyof EngagementFacts)[]
// Every field of EngagementFacts is read: a new one does not compile until the query selects it.
type Unread = Exclude<keyof EngagementFacts, (typeof FACT_KEYS)[number]>
const everyFieldRead: [Unread] extends [never] ? true : never = true
void everyFieldRead

/** Customers with ids from `from` (inclusive) to `to` (exclusive); null: no bound. */
export type CustomerRange = { from: number | null; to: number | null }

/**
 * Splits the customers of `analytics_cur` into ranges of about `engagements` engagements each (a customer's
 * engagements stay together: the customer-level rules see all of them). One range when they are fewer.
 */
export async function customerRanges(tx: SqlClient, engagements: number): Promise<CustomerRange[]> {
  const count = await tx.query<{ n: number }>('select count(*)::int as n from analytics_cur')
  if ((count.rows[0]?.n ?? 0) <= engagements) return [{ from: null, to: null }]
  const { rows } = await tx.query<{ start: number }>(
    `select distinct min(customer_id) over (partition by t) as start
     from (select customer_id, (row_number() over (order by customer_id) - 1) / $1::int as t from analytics_cur) x
     order by 1`,
    [engagements],
  )
  const starts = rows.map((r) => r.start).filter((v, i, all) => i === 0 || v !== all[i - 1])
  if (starts.length <= 1) return [{ from: null, to: null }]
  return starts.map((from, i) => ({ from: i === 0 ? null : from, to: starts[i + 1] ?? null }))
}

/**
 * The facts of every engagement in `analytics_cur` (built by the refresh for the period): the partner's
 * endorsement, the usage high-water mark, the phase date, the customer's survey contact and last success
 * review, and since when the workload has been at or above the success-review share without a dip (the
 * usage history part, carried into analytics_cur from refresh/usage-history.ts).
 */
export async function loadFacts(
  tx: SqlClient,
  successReviewAt: number,
  step: Step,
  customers: CustomerRange = { from: null, to: null },
): Promise<EngagementFacts[]> {
  // As one JSON text of arrays (FACT_KEYS order): PGlite hands 300,000 rows × 16 columns over several times slower than one
  // string, and arrays spare the keys (a JSON text a third the size).
  const { rows } = await step('opportunity facts', () =>
    tx.query<{ facts: string }>(
      `select coalesce(json_agg(json_build_array(a.engagement_id, a.partner_id, a.customer_id, c.name, a.workload_code,
              c.seats, a.claimed, a.intent_status, a.phase, (a.phase_since at time zone 'UTC')::date::text,
              (pe.partner_id is not null), a.lic, a.act, case when a.as_of is not null then a.peak end,
              c.survey_contact_email is not null, c.last_success_review_on::text,
              case when a.lic > 0 and a.act >= $1::float8 * a.lic then a.share_since::text end)), '[]')::text as facts
       from analytics_cur a
       join customers c on c.id = a.customer_id
       left join partner_endorsements pe on pe.partner_id = a.partner_id and pe.workload_code = a.workload_code
       where ($2::int is null or a.customer_id >= $2::int) and ($3::int is null or a.customer_id < $3::int)`,
      [successReviewAt, customers.from, customers.to],
    ),
  )
  const facts = (JSON.parse(rows[0]!.facts) as unknown[][]).map((row) => {
    const f: Record<string, unknown> = {}
    for (let i = 0; i < FACT_KEYS.length; i++) f[FACT_KEYS[i]!] = row[i]
    return f as EngagementFacts
  })
  return facts.sort((a, b) => a.engagementId - b.engagementId)
}

/** Opens the staging table the findings of a refresh are added to (in chunks) before they are stored. */
export async function stageOpportunities(tx: SqlClient) {
  await tx.query('drop table if exists opportunities_new')
  await tx.query(
    `create temp table opportunities_new (rule text, engagement_id int, partner_id int, customer_id int,
       workload_code text, value float8, reason text, evidence jsonb) on commit drop`,
  )
}

/** Adds findings to the staging table: COPY in PostgreSQL's text format (JSON needs no CSV quoting there). */
export async function addStagedOpportunities(tx: SqlClient, found: Opportunity[]) {
  await copyLines(
    tx,
    'opportunities_new',
    STAGE_COLUMNS,
    found.map((o) => `${findingFields(o)}\n`),
  )
}

/**
 * A scoped refresh (an edit): makes the stored opportunities of the scope exactly the staged ones — new
 * ones are inserted, those still found are updated in place when they changed (their id and found_at stay,
 * so states and links keep working), the rest are deleted. The scope is the one of analytics_cur: the
 * partners' engagements and their customers' ones.
 */
export async function mergeStagedOpportunities(
  tx: SqlClient,
  period: string,
  scope: RefreshScope,
  step: Step = (_name, work) => work(),
) {
  const inScope = scope
    ? `(o.partner_id = any($1::int[]) or o.customer_id in (select customer_id from engagements where partner_id = any($1::int[])))`
    : 'true'
  await step('opportunities written', async () => {
    await tx.query(
      `delete from opportunities o where ${inScope}
         and not exists (select 1 from opportunities_new n where n.rule = o.rule and n.engagement_id = o.engagement_id)`,
      scope ? [scope.partnerIds] : [],
    )
    await tx.query(
      `insert into opportunities as o (rule, engagement_id, partner_id, customer_id, workload_code, value, reason, evidence, period)
       select rule, engagement_id, partner_id, customer_id, workload_code, value, reason, evidence, $1::date
       from opportunities_new
       on conflict (rule, engagement_id) do update set partner_id = excluded.partner_id,
         customer_id = excluded.customer_id, workload_code = excluded.workload_code, value = excluded.value,
         reason = excluded.reason, evidence = excluded.evidence, period = excluded.period
       where (o.partner_id, o.customer_id, o.workload_code, o.value, o.reason, o.evidence, o.period)
         is distinct from (excluded.partner_id, excluded.customer_id, excluded.workload_code, excluded.value,
                           excluded.reason, excluded.evidence, excluded.period)`,
      [period],
    )
  })
}

/** Writes one chunk of findings straight into the table being rewritten (rewriteOpportunities). */
export type WriteFound = (found: Opportunity[], customers: CustomerRange) => Promise<void>

/**
 * A whole refresh (an import, a settings change): the table is rewritten with what `produce` finds,
 * chunk by chunk, COPYed straight into it with its secondary indexes rebuilt after — no staging table,
 * no compare pass, no row-by-row index upkeep (200,000 updates through five indexes took a minute on
 * PGlite). The findings found again keep their id and found_at, exactly as a merge keeps them (states
 * and action items point at them); new ones get a fresh id and now(). The foreign keys hold by
 * construction: every finding is about an engagement of analytics_cur.
 */
export async function rewriteOpportunities(
  tx: SqlClient,
  period: string,
  produce: (write: WriteFound) => Promise<void>,
  step: Step = (_name, work) => work(),
) {
  const rebuild = await step('opportunities written', async () => {
    await tx.query('drop table if exists opportunities_kept')
    await tx.query(
      `create temp table opportunities_kept on commit drop as
       select rule, engagement_id, customer_id, id, found_at::text as found_at from opportunities`,
    )
    await tx.query('truncate opportunities')
    return dropSecondaryIndexes(tx, 'opportunities')
  })
  const skipped = await skipForeignKeyTriggers(tx)
  await produce(async (found, customers) => {
    const kept = await step('opportunities written', () => keptIds(tx, customers))
    await step('opportunities written', () => copyFound(tx, period, found, kept))
  })
  await step('opportunities indexed', rebuild)
  if (skipped) await tx.query('set local session_replication_role = origin')
}

/** rule → engagement id → [id, found_at] of the findings stored before the rewrite, for `customers`. */
async function keptIds(tx: SqlClient, customers: CustomerRange) {
  const { rows } = await tx.query<{ kept: string }>(
    `select coalesce(json_agg(json_build_array(rule, engagement_id, id, found_at)), '[]')::text as kept
     from opportunities_kept
     where ($1::int is null or customer_id >= $1::int) and ($2::int is null or customer_id < $2::int)`,
    [customers.from, customers.to],
  )
  const kept = new Map<string, Map<number, [number, string]>>()
  for (const [rule, engagementId, id, foundAt] of JSON.parse(rows[0]!.kept) as [
    string,
    number,
    number,
    string,
  ][]) {
    const byEngagement = kept.get(rule) ?? new Map<number, [number, string]>()
    byEngagement.set(engagementId, [id, foundAt])
    kept.set(rule, byEngagement)
  }
  return kept
}

/** COPYs findings into opportunities: those found before with their id and found_at, new ones with defaults. */
async function copyFound(
  tx: SqlClient,
  period: string,
  found: Opportunity[],
  kept: Map<string, Map<number, [number, string]>>,
) {
  const again: string[] = []
  const fresh: string[] = []
  for (const o of found) {
    const line = `${findingFields(o)}\t${period}`
    const k = kept.get(o.rule)?.get(o.engagementId)
    if (k) again.push(`${line}\t${k[0]}\t${k[1]}\n`)
    else fresh.push(`${line}\n`)
  }
  const columns = [...STAGE_COLUMNS, 'period'] as const
  await copyLines(tx, 'opportunities', [...columns, 'id', 'found_at'], again)
  await copyLines(tx, 'opportunities', columns, fresh)
}

/** COPYs text-format lines into table(columns), STAGE_ROWS at a time (one string per COPY stays small). */
async function copyLines(tx: SqlClient, table: string, columns: readonly string[], lines: string[]) {
  for (let i = 0; i < lines.length; i += STAGE_ROWS)
    await tx.copyCsv(table, columns, lines.slice(i, i + STAGE_ROWS).join(''), 'text')
}

/** Stages `found` and stores it: rewritten (a whole refresh) or merged into the scope's findings. */
export async function replaceOpportunities(
  tx: SqlClient,
  period: string,
  found: Opportunity[],
  scope: RefreshScope,
  how: 'rewrite' | 'merge',
) {
  if (how === 'rewrite')
    return rewriteOpportunities(tx, period, (write) => write(found, { from: null, to: null }))
  await stageOpportunities(tx)
  await addStagedOpportunities(tx, found)
  await mergeStagedOpportunities(tx, period, scope)
}

const STAGE_COLUMNS = [
  'rule',
  'engagement_id',
  'partner_id',
  'customer_id',
  'workload_code',
  'value',
  'reason',
  'evidence',
] as const
const STAGE_ROWS = 50_000

/** A finding's STAGE_COLUMNS as fields of a COPY text line. */
const findingFields = (o: Opportunity) =>
  `${copyText(o.rule)}\t${o.engagementId}\t${o.partnerId}\t${o.customerId}\t${copyText(o.workloadCode)}\t${o.value}\t${copyText(o.reason)}\t${copyText(JSON.stringify(o.evidence))}`

/** The newest state row of an opportunity (by rule × engagement), as a lateral join named `st`. */
const latestState = sql`left join lateral (
    select s.action, s.until, s.reason from opportunity_states s
    where s.engagement_id = o.engagement_id and s.rule = o.rule
    order by s.id desc limit 1
  ) st on true`

/** open / snoozed / dismissed from the newest state; a snooze whose date has come is open again. */
const stateSql = sql`case when st.action = 'dismissed' then 'dismissed'
  when st.action = 'snoozed' and st.until > current_date then 'snoozed' else 'open' end`

export type OpportunityRow = {
  id: number
  rule: string
  engagementId: number
  partnerId: number
  partnerName: string
  customerId: number
  customerName: string
  workloadCode: string | null
  value: number
  reason: string
  evidence: Record<string, number | string | boolean | null>
  period: string
  foundAt: Date | string
  state: OpportunityState
  snoozedUntil: string | null
  stateReason: string | null
  actionItem: { id: number; title: string; status: string; dueOn: string | null } | null
  editable: boolean
}

const orderBy = (ruleOrder: string[]) => ({
  value: sql`o.value desc, o.id`,
  rule: sql`array_position(${sql.raw(`array[${ruleOrder.map((r) => `'${r.replace(/'/g, "''")}'`).join(',')}]::text[]`)}, o.rule), o.value desc, o.id`,
  customer: sql`lower(c.name), o.value desc, o.id`,
  foundAt: sql`o.found_at desc, o.id`,
})

export function opportunitiesRepository(db: Db) {
  const select = (editable: SQL) => sql`
    select o.id, o.rule, o.engagement_id as "engagementId", o.partner_id as "partnerId", pa.name as "partnerName",
           o.customer_id as "customerId", c.name as "customerName", o.workload_code as "workloadCode",
           o.value::float8 as value, o.reason, o.evidence, o.period::text as period, o.found_at as "foundAt",
           ${stateSql} as state, case when st.action = 'snoozed' and st.until > current_date then st.until::text end as "snoozedUntil",
           case when st.action in ('dismissed', 'snoozed') then st.reason end as "stateReason",
           (select json_build_object('id', a.id, 'title', a.title, 'status', a.status, 'dueOn', a.due_on)
            from action_items a where a.source = 'opportunity' and a.source_id = o.id::text
            order by a.id desc limit 1) as "actionItem",
           (${editable}) as editable
    from opportunities o
    join partners pa on pa.id = o.partner_id
    join customers c on c.id = o.customer_id
    ${latestState}`

  return {
    /** One page of the opportunities satisfying `partnerScope` (a condition on `o`, the opportunity). */
    /** A page of opportunities and their total (`withTotal: false` skips counting: a top-N needs none). */
    async list(
      partnerScope: SQL,
      editable: SQL,
      q: OpportunityListQuery,
      ruleOrder: string[],
      { withTotal = true }: { withTotal?: boolean } = {},
    ) {
      const conds: SQL[] = [partnerScope]
      if (q.partnerId) conds.push(sql`o.partner_id = ${q.partnerId}`)
      if (q.customerId) conds.push(sql`o.customer_id = ${q.customerId}`)
      if (q.workload) conds.push(sql`o.workload_code = ${q.workload}`)
      if (q.rule) conds.push(sql`o.rule = ${q.rule}`)
      if (q.state !== 'all') conds.push(sql`${stateSql} = ${q.state}`)
      const where = sql.join(conds, sql` and `)
      const [items, [count]] = await Promise.all([
        execRows<OpportunityRow>(
          db,
          sql`${select(editable)} where ${where} order by ${orderBy(ruleOrder)[q.sort]}
              limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
        ),
        withTotal
          ? execRows<{ total: number }>(
              db,
              sql`select count(*)::int as total from opportunities o ${latestState} where ${where}`,
            )
          : Promise.resolve([]),
      ])
      return { items, total: count?.total ?? 0 }
    },

    async find(partnerScope: SQL, editable: SQL, id: number): Promise<OpportunityRow | undefined> {
      const [row] = await execRows<OpportunityRow>(
        db,
        sql`${select(editable)} where o.id = ${id} and ${partnerScope}`,
      )
      return row
    },

    async addState(
      o: { rule: string; engagementId: number },
      action: string,
      until: string | null,
      reason: string | null,
      userId: number,
    ) {
      await execRows(
        db,
        sql`insert into opportunity_states (rule, engagement_id, action, until, reason, user_id)
            values (${o.rule}, ${o.engagementId}, ${action}, ${until}::date, ${reason}, ${userId})`,
      )
    },

    async history(o: { rule: string; engagementId: number }) {
      return execRows<{
        id: number
        action: string
        until: string | null
        reason: string | null
        userName: string | null
        createdAt: Date | string
      }>(
        db,
        sql`select s.id, s.action, s.until::text as until, s.reason, u.display_name as "userName", s.created_at as "createdAt"
            from opportunity_states s left join users u on u.id = s.user_id
            where s.rule = ${o.rule} and s.engagement_id = ${o.engagementId}
            order by s.id desc`,
      )
    },
  }
}
