import { type SQL, sql } from 'drizzle-orm'
import { type Database, idList, type SqlClient } from '#db/client'
import { partners } from '#db/schema/index'
import type { Actor } from '#server/modules/access/actor'
import { guardPartnerWrite } from '#server/modules/access/guard'
import { partnerEditable, visiblePartnerIds } from '#server/modules/access/scope'
import { actionsService } from '#server/modules/actions/service'
import type { RefreshScope } from '#server/modules/analytics/refresh/repository'
import type { Step } from '#server/modules/analytics/refresh/service'
import type {
  DismissBody,
  OpportunityHistoryEntry,
  OpportunityItem,
  OpportunityListQuery,
  SnoozeBody,
  ToActionBody,
} from '#shared/contracts/opportunities'
import type { ProgramSettingsValues } from '#shared/contracts/settings'
import { addDays, today } from '#shared/domain/periods'
import { workloadName } from '#shared/domain/workloads'
import { AppError } from '#shared/errors'
import { findOpportunities, opportunityRules } from './engine'
import {
  addStagedOpportunities,
  customerRanges,
  loadFacts,
  mergeStagedOpportunities,
  type OpportunityRow,
  opportunitiesRepository,
  rewriteOpportunities,
  stageOpportunities,
  type WriteFound,
} from './repository'

/**
 * Called by the analytics refresh inside the newest period's transaction, after `analytics_cur` is built:
 * runs every rule over the engagements in scope with the settings in force and stores what they find.
 */
export async function rebuildOpportunities(
  tx: SqlClient,
  period: string,
  values: ProgramSettingsValues,
  scope: RefreshScope,
  {
    asOf = today(),
    step = (_name, work) => work(),
    chunk = FACTS_CHUNK,
  }: { asOf?: string; step?: Step; chunk?: number } = {},
) {
  // In chunks of customers: a global portfolio's facts (millions of engagements) would not fit one JSON text.
  let count = 0
  const findAll = async (write: WriteFound) => {
    for (const customers of await customerRanges(tx, chunk)) {
      const facts = await loadFacts(tx, values.program.successReviewAt, step, customers)
      const found = await step('opportunity rules', async () =>
        findOpportunities(facts, values.program, asOf),
      )
      await write(found, customers)
      count += found.length
    }
  }
  // A whole refresh rewrites the table; an edit's scope is staged and merged (a few rows).
  if (!scope) await rewriteOpportunities(tx, period, findAll, step)
  else {
    await stageOpportunities(tx)
    await findAll((found) => step('opportunities staged', () => addStagedOpportunities(tx, found)))
    await mergeStagedOpportunities(tx, period, scope, step)
  }
  return count
}

/** Engagements whose facts are read and run through the rules at a time. */
const FACTS_CHUNK = 400_000

/** An action item made from an opportunity is due this many days later unless the user picks a date. */
const ACTION_DUE_DAYS = 14

const rulesById = new Map(opportunityRules.map((r) => [r.id, r]))

function toItem(row: OpportunityRow): OpportunityItem {
  const { editable, foundAt, ...rest } = row
  const rule = rulesById.get(row.rule)
  return {
    ...rest,
    ruleTitle: rule?.title ?? row.rule,
    unit: rule?.unit ?? '',
    foundAt: new Date(foundAt).toISOString(),
    canEdit: editable,
  }
}

export function opportunitiesService(database: Database) {
  const repo = opportunitiesRepository(database.db)
  const visible = (actor: Actor) => sql`o.partner_id in ${visiblePartnerIds(actor)}`
  const inPartners = (scope: SQL) =>
    sql`o.partner_id in (select ${partners.id} from ${partners} where ${scope})`
  const editable = (actor: Actor) => inPartners(partnerEditable(actor))

  /** Hidden or missing → 404; visible but read-only role → 403; outside the editable scope → 404. */
  const writable = (actor: Actor, id: number) =>
    guardPartnerWrite(actor, 'Opportunity', (scope) => repo.find(inPartners(scope), sql`true`, id))

  async function act(actor: Actor, id: number, action: string, until: string | null, reason: string | null) {
    const o = await writable(actor, id)
    await repo.addState(o, action, until, reason, actor.id)
    return get(actor, id)
  }

  async function get(actor: Actor, id: number): Promise<OpportunityItem> {
    const row = await repo.find(visible(actor), editable(actor), id)
    if (!row) throw AppError.notFound('Opportunity')
    return toItem(row)
  }

  return {
    rules: (_actor: Actor) => ({
      items: opportunityRules.map(({ id, title, description, unit }) => ({ id, title, description, unit })),
    }),

    async list(actor: Actor, q: OpportunityListQuery) {
      const { items, total } = await repo.list(
        visible(actor),
        editable(actor),
        q,
        opportunityRules.map((r) => r.id),
      )
      return { items: items.map(toItem), total, page: q.page, pageSize: q.pageSize }
    },

    get,

    /** A partner's `limit` most valuable open opportunities, without counting the rest (the meeting agenda). */
    async topOpen(actor: Actor, partnerId: number, limit: number) {
      const { items } = await repo.list(
        visible(actor),
        sql`false`,
        { partnerId, state: 'open', sort: 'value', page: 1, pageSize: limit },
        opportunityRules.map((r) => r.id),
        { withTotal: false },
      )
      return items.map(toItem)
    },

    /** The open opportunities of some partners, by rule then value, at most `limit` (the review's sheet). */
    async openOf(actor: Actor, partnerIds: number[], limit: number) {
      const { items, total } = await repo.list(
        sql`${visible(actor)} and o.partner_id in ${idList(partnerIds)}`,
        sql`false`,
        { state: 'open', sort: 'rule', page: 1, pageSize: limit },
        opportunityRules.map((r) => r.id),
      )
      return { items: items.map(toItem), total }
    },

    dismiss: (actor: Actor, id: number, body: DismissBody) => act(actor, id, 'dismissed', null, body.reason),

    snooze(actor: Actor, id: number, body: SnoozeBody) {
      if (body.until <= today())
        throw new AppError('VALIDATION', 'Snooze until a date after today', [
          { path: ['until'], message: 'Choose a date after today' },
        ])
      return act(actor, id, 'snoozed', body.until, body.reason)
    },

    /**
     * Turns an opportunity into an action item of its partner (and customer), owned by the actor unless
     * told otherwise, due in two weeks by default; the step is kept in the opportunity's history.
     */
    async toAction(actor: Actor, id: number, body: ToActionBody): Promise<OpportunityItem> {
      const o = toItem(await writable(actor, id))
      const title =
        body.title ??
        `${o.ruleTitle}: ${o.customerName}${o.workloadCode ? ` — ${workloadName(o.workloadCode)}` : ''}`
      await actionsService(database).create(actor, {
        partnerId: o.partnerId,
        customerId: o.customerId,
        title,
        ownerUserId: body.ownerUserId ?? actor.id,
        dueOn: body.dueOn ?? addDays(today(), ACTION_DUE_DAYS),
        source: 'opportunity',
        sourceId: String(id),
      })
      await repo.addState(o, 'actioned', null, title, actor.id)
      return get(actor, id)
    },

    reopen: (actor: Actor, id: number, reason?: string) => act(actor, id, 'reopened', null, reason || null),

    async history(actor: Actor, id: number): Promise<{ items: OpportunityHistoryEntry[] }> {
      const o = await get(actor, id)
      const rows = await repo.history(o)
      return {
        items: rows.map((r) => ({
          ...r,
          action: r.action as OpportunityHistoryEntry['action'],
          createdAt: new Date(r.createdAt).toISOString(),
        })),
      }
    },
  }
}
