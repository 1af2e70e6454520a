import { type SQL, sql } from 'drizzle-orm'
import { type Database, execRows } from '#db/client'
import { type Actor, canWrite } from '#server/modules/access/actor'
import { guardPartnerWrite } from '#server/modules/access/guard'
import { partnerVisible } from '#server/modules/access/scope'
import { settingsInForce } from '#server/modules/settings/service'
import type {
  OffboardingCandidate,
  OffboardingFlag,
  OffboardingOverview,
  OffboardingQuery,
  OffboardingRecommendation,
  PartnerOffboarding,
  ProposeBody,
  RecommendationTransitionBody,
} from '#shared/contracts/offboarding'
import {
  canTransition,
  commentRequired,
  type OffboardingRule,
  offboardingRuleLabel,
  openRecommendationStatuses,
  type RecommendationStatus,
  recommendationStatusLabel,
  recommendationTransitions,
} from '#shared/domain/offboarding'
import type { PartnerStatus } from '#shared/domain/portfolio'
import { AppError } from '#shared/errors'
import { offboardingRepository, type RecommendationRow } from './repository'
import { evaluateRules, offboardingRuleDefs } from './rules/index'
import type { Flag } from './rules/types'
import { gatherSignals } from './signals'

const isOpen = (s: string) => (openRecommendationStatuses as readonly string[]).includes(s)
/** A new recommendation can be proposed when none is open or accepted (an accepted one is reversed first). */
const blocksProposal = (s: string) => isOpen(s) || s === 'accepted'
const labelled = (f: Flag): OffboardingFlag => ({ ...f, label: offboardingRuleLabel[f.rule] })
const reviewer = (actor: Actor) => actor.role === 'admin' || actor.role === 'lead'

/** Offboarding recommendations (decision 017): rules flag partners not progressing; people decide. */
export function offboardingService(database: Database) {
  const repo = offboardingRepository(database.db)

  const settingsAt = async (now: Date) =>
    (await settingsInForce(database, now.toISOString().slice(0, 10))).values.offboarding

  /** The statuses the actor may move a recommendation to from its status. */
  function movesFor(actor: Actor, status: RecommendationStatus): RecommendationStatus[] {
    const moves = recommendationTransitions[status]
    return (Object.keys(moves) as RecommendationStatus[]).filter((to) =>
      moves[to] === 'lead' ? reviewer(actor) : canWrite(actor),
    )
  }

  async function present(actor: Actor, rows: RecommendationRow[]): Promise<OffboardingRecommendation[]> {
    const events = await repo.events(rows.map((r) => r.id))
    return rows.map((r) => ({
      id: r.id,
      partnerId: r.partnerId,
      partnerName: r.partnerName,
      status: r.status as RecommendationStatus,
      reason: r.reason,
      flags: r.flags as OffboardingFlag[],
      proposedByName: r.proposedByName,
      proposedAt: r.proposedAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      canMoveTo: movesFor(actor, r.status as RecommendationStatus),
      events: events
        .filter((e) => e.recommendationId === r.id)
        .map((e) => ({
          fromStatus: e.fromStatus as RecommendationStatus | null,
          toStatus: e.toStatus as RecommendationStatus,
          comment: e.comment,
          userName: e.userName,
          at: e.at.toISOString(),
        })),
    }))
  }

  const withoutData = (signals: Parameters<(typeof offboardingRuleDefs)[number]['hasData']>[0][]) =>
    offboardingRuleDefs
      .filter((r) => !signals.some((s) => r.hasData(s)))
      .map((r) => r.code as OffboardingRule)

  async function flagsOf(actor: Actor, partnerId: number, now: Date) {
    const settings = await settingsAt(now)
    const [one] = await gatherSignals(database, actor, { partnerId }, settings, now)
    return one
      ? {
          flags: evaluateRules(one.signals, settings).map(labelled),
          rulesWithoutData: withoutData([one.signals]),
        }
      : { flags: [], rulesWithoutData: withoutData([]) }
  }

  const partnerExists = async (scope: SQL) =>
    (await execRows(database.db, sql`select 1 from partners where ${scope}`)).length > 0

  async function load(actor: Actor, id: number) {
    const row = await repo.find(partnerVisible(actor), id)
    if (!row) throw AppError.notFound('Recommendation')
    return row
  }

  return {
    /** Flagged partners and recommendations in progress in the scope, most flags first. */
    async overview(actor: Actor, q: OffboardingQuery, now = new Date()): Promise<OffboardingOverview> {
      const settings = await settingsAt(now)
      const [gathered, recs] = await Promise.all([
        gatherSignals(database, actor, q, settings, now),
        repo.list(
          sql`${partnerVisible(actor)}${q.regionId ? sql` and partners.region_id = ${q.regionId}` : sql``}${q.fpmUserId ? sql` and partners.fpm_user_id = ${q.fpmUserId}` : sql``}`,
        ),
      ])
      const presented = await present(actor, recs)
      const current = new Map<number, OffboardingRecommendation>()
      for (const r of presented) {
        const seen = current.get(r.partnerId)
        if (!seen || (isOpen(r.status) && !isOpen(seen.status))) current.set(r.partnerId, r)
      }
      const partners: OffboardingCandidate[] = gathered
        .map(({ partner, signals }) => ({
          partnerId: partner.partnerId,
          name: partner.name,
          status: partner.status as PartnerStatus,
          regionName: partner.regionName,
          fpmUserId: partner.fpmUserId,
          fpmName: partner.fpmName,
          flags: evaluateRules(signals, settings).map(labelled),
          recommendation: current.get(partner.partnerId) ?? null,
          canPropose: canWrite(actor) && !blocksProposal(current.get(partner.partnerId)?.status ?? ''),
        }))
        .filter((c) => c.flags.length > 0 || (c.recommendation && c.recommendation.status !== 'rejected'))
        .sort((a, b) => b.flags.length - a.flags.length || a.name.localeCompare(b.name))
      return {
        asOf: now.toISOString(),
        settings,
        rulesWithoutData: withoutData(gathered.map((g) => g.signals)),
        partners,
        checked: gathered.length,
      }
    },

    /** One partner: its flags now and every recommendation with its steps. */
    async partner(actor: Actor, partnerId: number, now = new Date()): Promise<PartnerOffboarding> {
      const scope = sql`${partnerVisible(actor)} and partners.id = ${partnerId}`
      if (!(await partnerExists(scope))) throw AppError.notFound('Partner')
      const [found, recs] = await Promise.all([flagsOf(actor, partnerId, now), repo.list(scope)])
      const recommendations = await present(actor, recs)
      return {
        partnerId,
        asOf: now.toISOString(),
        ...found,
        recommendations,
        canPropose: canWrite(actor) && !recommendations.some((r) => blocksProposal(r.status)),
      }
    },

    /** Propose offboarding a partner the actor may edit; the current flags are kept with it. */
    async propose(actor: Actor, partnerId: number, body: ProposeBody, now = new Date()) {
      await guardPartnerWrite(actor, 'Partner', (scope) =>
        partnerExists(sql`${scope} and partners.id = ${partnerId}`),
      )
      const existing = await repo.list(sql`partners.id = ${partnerId}`)
      if (existing.some((r) => r.status === 'accepted'))
        throw new AppError(
          'CONFLICT',
          'Offboarding of this partner is already accepted: reverse that recommendation before proposing another',
        )
      const { flags } = await flagsOf(actor, partnerId, now)
      try {
        await database.db.transaction(async (tx) => {
          const r = offboardingRepository(tx as never)
          const rec = await r.insert({ partnerId, reason: body.reason, flags, proposedBy: actor.id })
          await r.addEvent({
            recommendationId: rec.id,
            fromStatus: null,
            toStatus: 'proposed',
            comment: body.reason,
            userId: actor.id,
          })
        })
      } catch (e) {
        if (isUniqueViolation(e))
          throw new AppError('CONFLICT', 'This partner already has an offboarding recommendation in progress')
        throw e
      }
      return this.partner(actor, partnerId, now)
    },

    /** Move a recommendation along its workflow; accepting sets the partner's status, reversing restores it. */
    async transition(actor: Actor, id: number, body: RecommendationTransitionBody, now = new Date()) {
      const rec = await load(actor, id)
      const from = rec.status as RecommendationStatus
      const who = canTransition(from, body.to)
      if (!who)
        throw new AppError(
          'CONFLICT',
          `A recommendation that is ${recommendationStatusLabel[from].toLowerCase()} cannot become ${recommendationStatusLabel[body.to].toLowerCase()}`,
        )
      if (who === 'lead' ? !reviewer(actor) : !canWrite(actor))
        throw new AppError(
          'FORBIDDEN',
          who === 'lead'
            ? 'Only a lead or an admin reviews offboarding recommendations'
            : 'Your role can read but not change portfolio data',
        )
      const comment = body.comment?.trim() || null
      if (commentRequired(body.to) && !comment)
        throw new AppError('VALIDATION', 'Say why in a comment', [
          {
            path: ['comment'],
            message: `A comment is required to mark it ${recommendationStatusLabel[body.to].toLowerCase()}`,
          },
        ])
      try {
        await database.db.transaction(async (tx) => {
          const r = offboardingRepository(tx as never)
          if (body.to === 'accepted') {
            const before = await r.partnerStatus(rec.partnerId)
            await r.setStatus(id, body.to, before)
            await r.setPartnerStatus(rec.partnerId, 'offboarding_recommended')
          } else if (body.to === 'reversed') {
            await r.setStatus(id, body.to)
            const current = await r.partnerStatus(rec.partnerId)
            if (current === 'offboarding_recommended' && rec.previousPartnerStatus)
              await r.setPartnerStatus(rec.partnerId, rec.previousPartnerStatus)
          } else {
            await r.setStatus(id, body.to)
          }
          await r.addEvent({
            recommendationId: id,
            fromStatus: from,
            toStatus: body.to,
            comment,
            userId: actor.id,
          })
        })
      } catch (e) {
        if (isUniqueViolation(e))
          throw new AppError(
            'CONFLICT',
            'This partner already has another offboarding recommendation in progress',
          )
        throw e
      }
      return this.partner(actor, rec.partnerId, now)
    },
  }
}

function isUniqueViolation(e: unknown): boolean {
  for (let x = e as { code?: string; cause?: unknown } | undefined; x; x = x.cause as typeof x)
    if (x.code === '23505') return true
  return false
}
