import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { CadenceOverview, PartnerCadence } from '#shared/contracts/cadence'
import { api, type QueryParams } from '../../api/client'

export function useCadence(params: QueryParams) {
  return useQuery({
    queryKey: ['cadence', params],
    queryFn: () => api.get<CadenceOverview>('/cadence', params),
    placeholderData: keepPreviousData,
    // "Due" moves with the clock and meetings change on other pages: read again on every visit.
    staleTime: 0,
  })
}

export function usePartnerCadence(id: number) {
  return useQuery({
    queryKey: ['cadence', 'partner', id],
    queryFn: () => api.get<PartnerCadence>(`/partners/${id}/cadence`),
    staleTime: 0,
  })
}
