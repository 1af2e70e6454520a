import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { CreateTouchpointBody, Touchpoint } from '#shared/contracts/touchpoints'
import { api, type QueryParams } from '../../api/client'
import type { Page } from '../partners/api'

export const touchpointKeys = {
  all: ['touchpoints'] as const,
  list: (params: QueryParams) => ['touchpoints', 'list', params] as const,
}

export function useTouchpoints(params: QueryParams) {
  return useQuery({
    queryKey: touchpointKeys.list(params),
    queryFn: () => api.get<Page<Touchpoint>>('/touchpoints', params),
  })
}

export function useLogTouchpoint() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateTouchpointBody) => api.post<Touchpoint>('/touchpoints', body),
    onSuccess: () => client.invalidateQueries({ queryKey: touchpointKeys.all }),
  })
}
