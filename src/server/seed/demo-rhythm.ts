import type { Database } from '#db/client'
import {
  actionItems,
  escalationEvents,
  escalations,
  meetingAttendees,
  meetingOccurrences,
  meetingSeries,
  touchpoints,
} from '#db/schema/index'
import { normalizeRule } from '#shared/domain/recurrence'
import { planRhythm, type RhythmPartner } from './rhythm'

const HELD_AGENDA = [
  '## Open action items',
  '',
  '- Review the items carried over from the last meeting',
  '',
  '## Usage and health since the last meeting',
  '',
  '## Escalations and blockers',
  '',
  '## Next steps',
].join('\n')

type Tx = Parameters<Parameters<Database['db']['transaction']>[0]>[0]

/** Ids the rhythm plan's indices resolve to, in the order the demo wrote them. */
export type RhythmIds = {
  partners: { id: number; fpmUserId: number }[]
  people: number[]
  customers: number[]
}

/** Writes the demo's meetings, action items, escalations and engagement log (see rhythm.ts). */
export async function writeDemoRhythm(
  tx: Tx,
  seed: number,
  today: Date,
  partners: RhythmPartner[],
  ids: RhythmIds,
) {
  const plan = planRhythm(seed, today, partners)
  const fpmOf = (i: number) => ids.partners[i].fpmUserId

  const seriesRows = plan.series.length
    ? await tx
        .insert(meetingSeries)
        .values(
          plan.series.map((s) => ({
            partnerId: ids.partners[s.partnerIndex].id,
            kind: s.kind,
            title: s.title,
            rrule: normalizeRule(s.rule),
            startLocal: s.rule.startLocal,
            timeZone: s.rule.timeZone,
            durationMinutes: s.rule.durationMinutes,
            ownerUserId: fpmOf(s.partnerIndex),
            createdBy: fpmOf(s.partnerIndex),
            createdAt: s.createdAt,
            updatedAt: s.createdAt,
          })),
        )
        .returning({ id: meetingSeries.id })
    : []
  const attendees = plan.series.flatMap((s, k) =>
    s.attendeePeople.map((p) => ({ seriesId: seriesRows[k].id, stakeholderId: ids.people[p] })),
  )
  if (attendees.length) await tx.insert(meetingAttendees).values(attendees)

  const occurrenceValues = plan.series.flatMap((s, k) =>
    s.occurrences.map((o) => ({
      seriesId: seriesRows[k].id,
      originalStart: new Date(o.originalStart),
      status: o.status,
      // A held meeting keeps the agenda it was held with (the app freezes it when marked held).
      agenda: o.status === 'held' ? HELD_AGENDA : null,
      agendaFrozenAt: o.status === 'held' ? new Date(o.originalStart) : null,
      minutes: o.minutes,
      decisions: o.decisions,
      heldAt: o.heldAt,
      updatedBy: fpmOf(s.partnerIndex),
      createdAt: o.heldAt ?? new Date(o.originalStart),
      updatedAt: o.heldAt ?? new Date(o.originalStart),
    })),
  )
  const occurrenceRows = occurrenceValues.length
    ? await tx.insert(meetingOccurrences).values(occurrenceValues).returning({
        id: meetingOccurrences.id,
        seriesId: meetingOccurrences.seriesId,
        originalStart: meetingOccurrences.originalStart,
      })
    : []
  const occurrenceId = new Map(
    occurrenceRows.map((o) => [`${o.seriesId}|${o.originalStart.toISOString()}`, o.id]),
  )

  if (plan.actions.length)
    await tx.insert(actionItems).values(
      plan.actions.map((a) => ({
        partnerId: ids.partners[a.partnerIndex].id,
        occurrenceId: a.from
          ? (occurrenceId.get(`${seriesRows[a.from.series].id}|${a.from.originalStart}`) ?? null)
          : null,
        title: a.title,
        ownerUserId: a.ownerPerson === null ? fpmOf(a.partnerIndex) : null,
        ownerStakeholderId: a.ownerPerson === null ? null : ids.people[a.ownerPerson],
        dueOn: a.dueOn,
        status: a.status,
        source: a.from ? 'meeting' : 'manual',
        createdBy: fpmOf(a.partnerIndex),
        createdAt: a.createdAt,
        closedAt: a.closedAt,
        updatedAt: a.closedAt ?? a.createdAt,
      })),
    )

  for (const e of plan.escalations) {
    const owner = fpmOf(e.partnerIndex)
    const last = e.events[e.events.length - 1]
    const resolvedEvent = e.events.find((x) => x.toStatus === 'resolved')
    const closedEvent = e.events.find((x) => x.toStatus === 'closed')
    const escalatedEvent = e.events.find((x) => x.kind === 'escalated')
    const [row] = await tx
      .insert(escalations)
      .values({
        partnerId: ids.partners[e.partnerIndex].id,
        customerId: e.customerIndex === null ? null : ids.customers[e.customerIndex],
        workloadCode: e.workload,
        title: e.title,
        description: e.description,
        severity: e.severity,
        category: e.category,
        status: e.status,
        ownerUserId: owner,
        raisedBy: owner,
        raisedAt: e.raisedAt,
        resolvedAt: resolvedEvent?.at ?? closedEvent?.at ?? null,
        closedAt: closedEvent?.at ?? null,
        closureEvidence: closedEvent?.evidence ?? null,
        closureLink: closedEvent?.link ?? null,
        escalatedTo: escalatedEvent?.target ?? null,
        updatedAt: last.at,
      })
      .returning({ id: escalations.id })
    await tx.insert(escalationEvents).values(
      e.events.map((x) => ({
        escalationId: row.id,
        kind: x.kind,
        fromStatus: x.fromStatus,
        toStatus: x.toStatus,
        target: x.target,
        note: x.note,
        evidence: x.evidence,
        link: x.link,
        userId: owner,
        createdAt: x.at,
      })),
    )
  }

  if (plan.touchpoints.length)
    await tx.insert(touchpoints).values(
      plan.touchpoints.map((t) => ({
        partnerId: ids.partners[t.partnerIndex].id,
        customerId: t.customerIndex === null ? null : ids.customers[t.customerIndex],
        occurredOn: t.occurredOn,
        kind: t.kind,
        summary: t.summary,
        loggedBy: fpmOf(t.partnerIndex),
      })),
    )

  return {
    meetingSeries: plan.series.length,
    meetingsHeld: plan.series.reduce(
      (k, s) => k + s.occurrences.filter((o) => o.status === 'held').length,
      0,
    ),
    actionItems: plan.actions.length,
    escalations: plan.escalations.length,
    touchpoints: plan.touchpoints.length,
  }
}
