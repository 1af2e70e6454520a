import { useQuery } from '@tanstack/react-query'
import type { ImportRecord, M365ImportResult } from '#shared/contracts/imports'
import { api, upload } from '../../api/client'

export const importKeys = {
  list: ['imports', 'list'] as const,
  detail: (id: number) => ['imports', 'detail', id] as const,
}

const finished = (r: ImportRecord | undefined) => r !== undefined && r.status !== 'running'

/** One import; polled twice a second while it runs. */
export function useImport(id: number | null) {
  return useQuery({
    queryKey: importKeys.detail(id ?? 0),
    queryFn: () => api.get<ImportRecord>(`/imports/${id}`),
    enabled: id !== null,
    refetchInterval: (q) => (finished(q.state.data) ? false : 500),
  })
}

export function useImports(enabled: boolean) {
  return useQuery({
    queryKey: importKeys.list,
    queryFn: () => api.get<{ items: ImportRecord[] }>('/imports').then((r) => r.items),
    enabled,
  })
}

export type PortfolioOptions = { asOf?: string; skipInvalid: boolean }

export function uploadPortfolio(file: File, options: PortfolioOptions, onProgress: (f: number) => void) {
  const form = new FormData()
  // Fields before the file, so a streaming server reads them first.
  if (options.asOf) form.append('asOf', options.asOf)
  form.append('skipInvalid', String(options.skipInvalid))
  form.append('file', file, file.name)
  return upload<ImportRecord>('/imports/portfolio', form, { onProgress })
}

export function uploadM365(file: File, customer: string, onProgress: (f: number) => void) {
  const form = new FormData()
  form.append('customer', customer)
  form.append('file', file, file.name)
  return upload<M365ImportResult>('/imports/m365-active-users', form, { onProgress })
}

export const commitImport = (id: number) => api.post<ImportRecord>(`/imports/${id}/commit`)

/** Labels of the portfolio fields the importer maps columns to (its keys, see docs/imports.md). */
const portfolioFieldLabels: Record<string, string> = {
  partnerId: 'Partner ID',
  partnerName: 'Partner name',
  tpid: 'Customer TPID',
  customerName: 'Customer name',
  country: 'Country',
  seats: 'Seats',
  workload: 'Workload',
  intent: 'Intent status',
  phase: 'Lifecycle phase',
  claimed: 'CPOR claimed',
  licensed: 'Licensed users',
  active: 'Active users',
  asOf: 'As of',
  region: 'Region',
  fpmEmail: 'Partner manager e-mail',
}

/** The label of a mapped field; unknown keys are humanised ("partnerName" → "Partner name"). */
export function fieldLabel(field: string): string {
  if (portfolioFieldLabels[field]) return portfolioFieldLabels[field]
  const words = field
    .replace(/[_.-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
