import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { Dashboard, PartnerAnalytics } from '#shared/contracts/dashboards'
import { api, type QueryParams } from '../../api/client'

export function useDashboard(params: QueryParams) {
  return useQuery({
    queryKey: ['analytics', 'dashboard', params],
    queryFn: () => api.get<Dashboard>('/analytics/dashboard', params),
    placeholderData: keepPreviousData,
  })
}

export function usePartnerAnalytics(id: number, period: string | null) {
  return useQuery({
    queryKey: ['analytics', 'partner', id, period],
    queryFn: () => api.get<PartnerAnalytics>(`/partners/${id}/analytics`, period ? { period } : {}),
    placeholderData: keepPreviousData,
  })
}
