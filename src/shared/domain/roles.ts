export const Role = {
  admin: 'admin',
  lead: 'lead',
  fpm: 'fpm',
  sme: 'sme',
  viewer: 'viewer',
} as const
export type Role = (typeof Role)[keyof typeof Role]
export const roles = Object.values(Role) as [Role, ...Role[]]

export const roleLabel: Record<Role, string> = {
  admin: 'Admin',
  lead: 'Lead',
  fpm: 'Partner manager',
  sme: 'SME',
  viewer: 'Viewer',
}

/** Roles that may change portfolio data (within their scope). */
export const writerRoles: readonly Role[] = [Role.admin, Role.lead, Role.fpm]
