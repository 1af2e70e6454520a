/** Vocabularies of the rhythm of business: meetings and action items. */

export const MeetingKind = { rob: 'rob', mbr: 'mbr', other: 'other' } as const
export type MeetingKind = (typeof MeetingKind)[keyof typeof MeetingKind]
export const meetingKinds = Object.values(MeetingKind) as [MeetingKind, ...MeetingKind[]]
export const meetingKindLabel: Record<MeetingKind, string> = {
  rob: 'Rhythm of business (ROB)',
  mbr: 'Monthly business review (MBR)',
  other: 'Other meeting',
}

export const OccurrenceStatus = { scheduled: 'scheduled', held: 'held', cancelled: 'cancelled' } as const
export type OccurrenceStatus = (typeof OccurrenceStatus)[keyof typeof OccurrenceStatus]
export const occurrenceStatuses = Object.values(OccurrenceStatus) as [OccurrenceStatus, ...OccurrenceStatus[]]
export const occurrenceStatusLabel: Record<OccurrenceStatus, string> = {
  scheduled: 'Scheduled',
  held: 'Held',
  cancelled: 'Cancelled',
}

export const ActionStatus = { open: 'open', done: 'done', cancelled: 'cancelled' } as const
export type ActionStatus = (typeof ActionStatus)[keyof typeof ActionStatus]
export const actionStatuses = Object.values(ActionStatus) as [ActionStatus, ...ActionStatus[]]
export const actionStatusLabel: Record<ActionStatus, string> = {
  open: 'Open',
  done: 'Done',
  cancelled: 'Cancelled',
}

export const ActionSource = { manual: 'manual', meeting: 'meeting', opportunity: 'opportunity' } as const
export type ActionSource = (typeof ActionSource)[keyof typeof ActionSource]
export const actionSources = Object.values(ActionSource) as [ActionSource, ...ActionSource[]]

/** How a touchpoint names the meeting occurrence it records: the series and the rule's original start. */
export function meetingOccurrenceRef(seriesId: number, originalStart: string): string {
  return `${seriesId}@${new Date(originalStart).toISOString()}`
}
