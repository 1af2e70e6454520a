import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { CadenceOverview, PartnerCadence } from '#shared/contracts/cadence'
import { api, type QueryParams } from '../../api/client'

export function useCadence(params: QueryParams) {
  return useQuery({
    queryKey: ['cadence', params],
    queryFn: () => api.get<CadenceOverview>('/cadence', params),
    placeholderData: keepPreviousData,
  })
}

export function usePartnerCadence(id: number) {
  return useQuery({
    queryKey: ['cadence', 'partner', id],
    queryFn: () => api.get<PartnerCadence>(`/partners/${id}/cadence`),
  })
}
