import { AppError } from '#shared/errors'

/**
 * The columns of a portfolio file: one row per partner × customer × workload. Columns are found by
 * header name (any order; case, spaces, underscores, hyphens and punctuation do not matter) and by the
 * aliases the program's exports use. docs/imports.md lists the same table for users: keep them in step.
 */
export const portfolioFields = [
  {
    key: 'partnerId',
    label: 'Partner ID',
    required: true,
    aliases: [
      'Partner ID',
      'PartnerId',
      'MPN ID',
      'MPN',
      'Partner MPN ID',
      'PartnerOne ID',
      'Partner One ID',
      'Partner Program ID',
    ],
  },
  {
    key: 'partnerName',
    label: 'Partner name',
    required: true,
    aliases: ['Partner Name', 'Partner', 'Partner Organization', 'Partner Organisation', 'Partner Company'],
  },
  {
    key: 'tpid',
    label: 'Customer TPID',
    required: true,
    aliases: ['TPID', 'Customer TPID', 'Top Parent ID', 'TopParentID', 'Tenant TPID'],
  },
  {
    key: 'customerName',
    label: 'Customer name',
    required: true,
    aliases: [
      'Customer Name',
      'Customer',
      'Top Parent Name',
      'TP Name',
      'TPName',
      'Tenant Name',
      'Account Name',
    ],
  },
  {
    key: 'country',
    label: 'Country',
    required: false,
    aliases: ['Country', 'Customer Country', 'Country/Region', 'Country Region', 'Country Code'],
  },
  {
    key: 'seats',
    label: 'Seats',
    required: false,
    aliases: ['Seats', 'Customer Seats', 'Seat Count', 'Total Seats', 'Paid Seats'],
  },
  {
    key: 'workload',
    label: 'Workload',
    required: true,
    aliases: ['Workload', 'Workload Code', 'Workload Name', 'Service', 'Service Name'],
  },
  {
    key: 'intent',
    label: 'Intent status',
    required: false,
    aliases: ['Intent', 'Intent Status', 'Entitlement Status', 'L1 Status', 'Entitlement Intent'],
  },
  {
    key: 'phase',
    label: 'Phase',
    required: false,
    aliases: ['Phase', 'Lifecycle Phase', 'Service Status', 'FastTrack Phase'],
  },
  {
    key: 'claimed',
    label: 'Claimed',
    required: false,
    aliases: ['Claimed', 'CPOR Claimed', 'CPOR', 'Is Claimed'],
  },
  {
    key: 'licensed',
    label: 'Licensed users',
    required: false,
    aliases: ['Licensed', 'Licensed Users', 'Licenses', 'Licences', 'Assigned Licenses', 'Entitled Users'],
  },
  {
    key: 'active',
    label: 'Active users',
    required: false,
    aliases: ['Active', 'Active Users', 'MAU', 'Monthly Active Users', 'Active Users 28 Days'],
  },
  {
    key: 'asOf',
    label: 'As of',
    required: false,
    aliases: ['As Of', 'As Of Date', 'As-of Date', 'Snapshot Date', 'Report Date'],
  },
  {
    key: 'region',
    label: 'Region',
    required: false,
    aliases: ['Region', 'Partner Region'],
  },
  {
    key: 'fpmEmail',
    label: 'FPM e-mail',
    required: false,
    aliases: ['FPM Email', 'FPM', 'Partner Manager Email', 'Partner Manager', 'PDM Email'],
  },
] as const

export type PortfolioField = (typeof portfolioFields)[number]['key']

/** Header comparison key: letters and digits only, lower case (`Partner_ID` = `partner id` = `PartnerId`). */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

const fieldByAlias = new Map<string, PortfolioField>()
for (const f of portfolioFields) for (const a of f.aliases) fieldByAlias.set(headerKey(a), f.key)

export type ColumnMapping = { column: string; field: PortfolioField | null; fieldLabel: string | null }

export type HeaderMap = {
  /** Each file column, in file order, with the field it fills (or null). */
  mapping: ColumnMapping[]
  /** Field → index of its column in the file. */
  index: Partial<Record<PortfolioField, number>>
  unknownColumns: string[]
  missing: string[]
  /** Two file columns meaning the same field. */
  duplicates: { field: string; columns: string[] }[]
}

export function mapPortfolioHeaders(headers: readonly string[]): HeaderMap {
  const index: HeaderMap['index'] = {}
  const mapping: ColumnMapping[] = []
  const unknownColumns: string[] = []
  const seen = new Map<PortfolioField, string[]>()
  headers.forEach((raw, i) => {
    const column = raw.trim()
    const field = fieldByAlias.get(headerKey(column)) ?? null
    mapping.push({ column, field, fieldLabel: field ? labelOf(field) : null })
    if (!field) {
      if (column !== '') unknownColumns.push(column)
      return
    }
    const list = seen.get(field) ?? []
    list.push(column)
    seen.set(field, list)
    if (index[field] === undefined) index[field] = i
  })
  const missing = portfolioFields.filter((f) => f.required && index[f.key] === undefined).map((f) => f.label)
  const duplicates = [...seen]
    .filter(([, cols]) => cols.length > 1)
    .map(([field, columns]) => ({ field: labelOf(field), columns }))
  return { mapping, index, unknownColumns, missing, duplicates }
}

export function labelOf(field: PortfolioField): string {
  return portfolioFields.find((f) => f.key === field)?.label ?? field
}

/** Why a header cannot be imported (missing required columns, two columns for one field), or null. */
export function describeMissingColumns(header: string[]): AppError | null {
  const map = mapPortfolioHeaders(header)
  const found =
    header
      .filter((h) => h.trim() !== '')
      .map((h) => `"${h.trim()}"`)
      .join(', ') || '(none)'
  if (map.missing.length) {
    return new AppError(
      'INVALID_FILE',
      `The file has no column for: ${map.missing.join(', ')}. Columns found: ${found}. See docs/imports.md for the column names and aliases.`,
    )
  }
  if (map.duplicates.length) {
    const d = map.duplicates.map((x) => `${x.columns.map((c) => `"${c}"`).join(' and ')} (both ${x.field})`)
    return new AppError('INVALID_FILE', `Two columns mean the same thing: ${d.join('; ')}. Keep one of them.`)
  }
  return null
}
