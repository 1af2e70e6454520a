/** Kinds of touchpoint in the engagement log. */
export const TouchpointKind = {
  call: 'call',
  email: 'email',
  workshop: 'workshop',
  meeting: 'meeting',
  other: 'other',
} as const
export type TouchpointKind = (typeof TouchpointKind)[keyof typeof TouchpointKind]
export const touchpointKinds = Object.values(TouchpointKind) as [TouchpointKind, ...TouchpointKind[]]
export const touchpointKindLabel: Record<TouchpointKind, string> = {
  call: 'Call',
  email: 'E-mail',
  workshop: 'Workshop',
  meeting: 'Meeting',
  other: 'Other',
}
