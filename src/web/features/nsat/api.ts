import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { NsatOverview, NsatResponse, PartnerNsat, RecordNsatBody } from '#shared/contracts/nsat'
import { api, type QueryParams } from '../../api/client'

export function useNsat(params: QueryParams) {
  return useQuery({
    queryKey: ['nsat', 'overview', params],
    queryFn: () => api.get<NsatOverview>('/nsat', params),
    placeholderData: keepPreviousData,
  })
}

export function usePartnerNsat(id: number, grain: 'month' | 'quarter') {
  return useQuery({
    queryKey: ['nsat', 'partner', id, grain],
    queryFn: () => api.get<PartnerNsat>(`/partners/${id}/nsat`, { grain }),
    placeholderData: keepPreviousData,
  })
}

export function useRecordNsat(partnerId: number) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: RecordNsatBody) =>
      api.post<NsatResponse>(`/partners/${partnerId}/nsat/responses`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['nsat'] }),
  })
}
