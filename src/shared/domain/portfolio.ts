/** Vocabularies of the portfolio model. Sources: shared/docs/domain.md §2.2, §3.1, §5. */

export const PartnerStatus = {
  invited: 'invited',
  onboarding: 'onboarding',
  active: 'active',
  referrals_paused: 'referrals_paused',
  at_risk: 'at_risk',
  offboarding_recommended: 'offboarding_recommended',
  departed: 'departed',
} as const
export type PartnerStatus = (typeof PartnerStatus)[keyof typeof PartnerStatus]
export const partnerStatuses = Object.values(PartnerStatus) as [PartnerStatus, ...PartnerStatus[]]
export const partnerStatusLabel: Record<PartnerStatus, string> = {
  invited: 'Invited',
  onboarding: 'Onboarding',
  active: 'Active',
  referrals_paused: 'Referrals paused',
  at_risk: 'At risk',
  offboarding_recommended: 'Offboarding recommended',
  departed: 'Departed',
}

export const Program = { frp: 'frp', fpc: 'fpc', none: 'none' } as const
export type Program = (typeof Program)[keyof typeof Program]
export const programs = Object.values(Program) as [Program, ...Program[]]
export const programLabel: Record<Program, string> = {
  frp: 'FastTrack Ready Partner',
  fpc: 'FastTrack Partner Community',
  none: 'Not a member',
}

/** L1 entitlement (intent) status per customer × workload. */
export const IntentStatus = {
  unknown: 'unknown',
  in_progress: 'in_progress',
  blocked: 'blocked',
  no_intent: 'no_intent',
  duplicate: 'duplicate',
} as const
export type IntentStatus = (typeof IntentStatus)[keyof typeof IntentStatus]
export const intentStatuses = Object.values(IntentStatus) as [IntentStatus, ...IntentStatus[]]
export const intentStatusLabel: Record<IntentStatus, string> = {
  unknown: 'Status unknown',
  in_progress: 'In progress',
  blocked: 'Blocked',
  no_intent: 'No intent',
  duplicate: 'Duplicate / invalid',
}

/** FastTrack lifecycle phase ("Service Status"). */
export const Phase = {
  initiate: 'initiate',
  assess: 'assess',
  remediate: 'remediate',
  enable: 'enable',
  migrate: 'migrate',
  adoption: 'adoption',
  operation: 'operation',
  success: 'success',
} as const
export type Phase = (typeof Phase)[keyof typeof Phase]
export const phases = Object.values(Phase) as [Phase, ...Phase[]]
export const phaseLabel: Record<Phase, string> = {
  initiate: 'Initiate',
  assess: 'Assess',
  remediate: 'Remediate',
  enable: 'Enable',
  migrate: 'Migrate',
  adoption: 'Adoption',
  operation: 'Operation',
  success: 'Success',
}

export const StakeholderSide = { partner: 'partner', microsoft: 'microsoft' } as const
export type StakeholderSide = (typeof StakeholderSide)[keyof typeof StakeholderSide]
export const stakeholderSides = Object.values(StakeholderSide) as [StakeholderSide, ...StakeholderSide[]]

export const StakeholderRole = {
  sponsor: 'sponsor',
  delivery_lead: 'delivery_lead',
  program_admin: 'program_admin',
  technical_lead: 'technical_lead',
  referral_contact: 'referral_contact',
  atu: 'atu',
  stu: 'stu',
  csu: 'csu',
  other: 'other',
} as const
export type StakeholderRole = (typeof StakeholderRole)[keyof typeof StakeholderRole]
export const stakeholderRoles = Object.values(StakeholderRole) as [StakeholderRole, ...StakeholderRole[]]
export const stakeholderRoleLabel: Record<StakeholderRole, string> = {
  sponsor: 'Partner sponsor',
  delivery_lead: 'Delivery lead',
  program_admin: 'Program admin',
  technical_lead: 'Technical lead',
  referral_contact: 'Referral contact',
  atu: 'Microsoft ATU (account team)',
  stu: 'Microsoft STU (specialist)',
  csu: 'Microsoft CSU (customer success)',
  other: 'Other',
}
/** Which side each role belongs to. */
export const stakeholderRoleSide: Record<StakeholderRole, StakeholderSide | 'any'> = {
  sponsor: 'partner',
  delivery_lead: 'partner',
  program_admin: 'partner',
  technical_lead: 'partner',
  referral_contact: 'partner',
  atu: 'microsoft',
  stu: 'microsoft',
  csu: 'microsoft',
  other: 'any',
}

export const UsageSource = { portfolio: 'portfolio', graph_csv: 'graph_csv', manual: 'manual' } as const
export type UsageSource = (typeof UsageSource)[keyof typeof UsageSource]
export const usageSources = Object.values(UsageSource) as [UsageSource, ...UsageSource[]]
