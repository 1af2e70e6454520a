import { z } from 'zod'
import { workloadCodes } from '#shared/domain/workloads'
import { isoDate, pageOf, pageQuery } from './common'

/** What a user did with an opportunity; the newest action wins, all are kept as its history. */
export const OpportunityAction = {
  dismissed: 'dismissed',
  snoozed: 'snoozed',
  reopened: 'reopened',
  actioned: 'actioned',
} as const
export type OpportunityAction = (typeof OpportunityAction)[keyof typeof OpportunityAction]
export const opportunityActions = Object.values(OpportunityAction) as [
  OpportunityAction,
  ...OpportunityAction[],
]
export const opportunityActionLabel: Record<OpportunityAction, string> = {
  dismissed: 'Dismissed',
  snoozed: 'Snoozed',
  reopened: 'Reopened',
  actioned: 'Turned into an action item',
}

/** The state a list shows: open, snoozed (until a date, then open again) or dismissed. */
export const OpportunityState = { open: 'open', snoozed: 'snoozed', dismissed: 'dismissed' } as const
export type OpportunityState = (typeof OpportunityState)[keyof typeof OpportunityState]
export const opportunityStates = Object.values(OpportunityState) as [OpportunityState, ...OpportunityState[]]
export const opportunityStateLabel: Record<OpportunityState, string> = {
  open: 'Open',
  snoozed: 'Snoozed',
  dismissed: 'Dismissed',
}

export const opportunitySort = ['value', 'rule', 'customer', 'foundAt'] as const

export const opportunityListQuery = pageQuery.extend({
  partnerId: z.coerce.number().int().positive().optional(),
  customerId: z.coerce.number().int().positive().optional(),
  workload: z.enum(workloadCodes).optional(),
  rule: z.string().trim().max(60).optional(),
  state: z.enum([...opportunityStates, 'all']).default('open'),
  /**
   * value: highest first (values compare within one rule: each rule has its own unit); rule: by rule in
   * the order of GET /opportunities/rules, highest value first within each.
   */
  sort: z.enum(opportunitySort).default('value'),
})
export type OpportunityListQuery = z.infer<typeof opportunityListQuery>

const evidenceValue = z.union([z.number(), z.string(), z.boolean(), z.null()])

export const opportunity = z.object({
  id: z.number().int(),
  rule: z.string(),
  ruleTitle: z.string(),
  engagementId: z.number().int(),
  partnerId: z.number().int(),
  partnerName: z.string(),
  customerId: z.number().int(),
  customerName: z.string(),
  /** Null for a finding about the whole customer. */
  workloadCode: z.string().nullable(),
  value: z.number(),
  /** The unit of `value` for this rule (docs/metrics.md). */
  unit: z.string(),
  reason: z.string(),
  evidence: z.record(z.string(), evidenceValue),
  period: isoDate,
  foundAt: z.string(),
  state: z.enum(opportunityStates),
  /** Until when it is snoozed (state snoozed). */
  snoozedUntil: isoDate.nullable(),
  /** The reason of the newest dismiss or snooze. */
  stateReason: z.string().nullable(),
  /** The newest action item made from it ("Turn into an action item"). */
  actionItem: z
    .object({ id: z.number().int(), title: z.string(), status: z.string(), dueOn: isoDate.nullable() })
    .nullable(),
  canEdit: z.boolean(),
})
export type OpportunityItem = z.infer<typeof opportunity>
export const opportunityPage = pageOf(opportunity)

export const opportunityRuleInfo = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  unit: z.string(),
})
export type OpportunityRuleInfo = z.infer<typeof opportunityRuleInfo>
export const opportunityRuleList = z.object({ items: z.array(opportunityRuleInfo) })

const reason = z.string().trim().min(1, 'Give a reason').max(500, 'At most 500 characters')
export const dismissBody = z.object({ reason })
export const snoozeBody = z.object({ reason, until: isoDate })
export const reopenBody = z.object({ reason: z.string().trim().max(500).optional() }).nullish()
export type DismissBody = z.infer<typeof dismissBody>
export type SnoozeBody = z.infer<typeof snoozeBody>

export const opportunityHistoryEntry = z.object({
  id: z.number().int(),
  action: z.enum(opportunityActions),
  until: isoDate.nullable(),
  reason: z.string().nullable(),
  userName: z.string().nullable(),
  createdAt: z.string(),
})
export type OpportunityHistoryEntry = z.infer<typeof opportunityHistoryEntry>
export const opportunityHistory = z.object({ items: z.array(opportunityHistoryEntry) })

/** Turn an opportunity into an action item: the title, owner and due date have defaults. */
export const toActionBody = z.object({
  title: z.string().trim().min(1, 'Give the action a title').max(200).optional(),
  /** Default: the signed-in user. */
  ownerUserId: z.number().int().positive().optional(),
  /** Default: in two weeks. */
  dueOn: isoDate.optional(),
})
export type ToActionBody = z.infer<typeof toActionBody>
