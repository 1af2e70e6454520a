/** Workload catalogue (domain.md §2.1). `aliases` are the names import files use for the workload. */
export const workloadCatalog = [
  { code: 'EXO', name: 'Exchange Online', family: 'teamwork', aliases: ['exchange', 'exchange online'] },
  {
    code: 'SPO',
    name: 'SharePoint Online',
    family: 'teamwork',
    aliases: ['sharepoint', 'sharepoint online'],
  },
  {
    code: 'OD',
    name: 'OneDrive for Business',
    family: 'teamwork',
    aliases: ['onedrive', 'onedrive for business'],
  },
  { code: 'TEAMS', name: 'Microsoft Teams', family: 'teamwork', aliases: ['teams', 'microsoft teams'] },
  { code: 'YAM', name: 'Viva Engage (Yammer)', family: 'teamwork', aliases: ['yammer', 'viva engage'] },
  {
    code: 'SFB',
    name: 'Skype for Business Online',
    family: 'teamwork',
    aliases: ['skype', 'skype for business', 'skype for business online', 'sfb'],
  },
  {
    code: 'OPP',
    name: 'Microsoft 365 Apps',
    family: 'get_modern',
    aliases: ['m365 apps', 'microsoft 365 apps', 'office 365 proplus', 'proplus', 'office proplus'],
  },
  { code: 'INTUNE', name: 'Microsoft Intune', family: 'security', aliases: ['intune', 'microsoft intune'] },
  {
    code: 'AADP',
    name: 'Entra ID P1/P2',
    family: 'security',
    aliases: ['azure ad premium', 'aad premium', 'entra id', 'entra id p1', 'entra'],
  },
  {
    code: 'MIP',
    name: 'Purview Information Protection',
    family: 'compliance',
    aliases: ['aip', 'azure information protection', 'purview', 'purview information protection'],
  },
  { code: 'VIVA', name: 'Microsoft Viva', family: 'other', aliases: ['viva', 'microsoft viva'] },
] as const

export type WorkloadCode = (typeof workloadCatalog)[number]['code']
export const workloadCodes = workloadCatalog.map((w) => w.code) as [WorkloadCode, ...WorkloadCode[]]

const byKey = new Map<string, WorkloadCode>()
for (const w of workloadCatalog) {
  byKey.set(w.code.toLowerCase(), w.code)
  byKey.set(w.name.toLowerCase(), w.code)
  for (const a of w.aliases) byKey.set(a, w.code)
}

/** Resolves a code, name or alias (any case, extra spaces) to a workload code, or undefined. */
export function resolveWorkload(input: string): WorkloadCode | undefined {
  return byKey.get(input.trim().replace(/\s+/g, ' ').toLowerCase())
}

export function workloadName(code: string): string {
  return workloadCatalog.find((w) => w.code === code)?.name ?? code
}
