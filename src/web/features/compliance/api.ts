import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { ComplianceFailures, ComplianceOverview, PartnerCompliance } from '#shared/contracts/compliance'
import { api, type QueryParams } from '../../api/client'

// Compliance is a statement about now and the records change on other pages: read again on every visit.
export function useCompliance(params: QueryParams) {
  return useQuery({
    queryKey: ['compliance', params],
    queryFn: () => api.get<ComplianceOverview>('/compliance', params),
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}

export function useComplianceFailures(params: QueryParams, enabled: boolean) {
  return useQuery({
    queryKey: ['compliance', 'failures', params],
    queryFn: () => api.get<ComplianceFailures>('/compliance/failures', params),
    placeholderData: keepPreviousData,
    staleTime: 0,
    enabled,
  })
}

export function usePartnerCompliance(id: number) {
  return useQuery({
    queryKey: ['compliance', 'partner', id],
    queryFn: () => api.get<PartnerCompliance>(`/partners/${id}/compliance`),
    staleTime: 0,
  })
}
