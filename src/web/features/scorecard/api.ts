import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { Scorecard, ScorecardDrilldown } from '#shared/contracts/scorecard'
import type { ScorecardMetric } from '#shared/domain/scorecard'
import { api, type QueryParams } from '../../api/client'

export function useScorecard(params: QueryParams) {
  return useQuery({
    queryKey: ['scorecard', params],
    queryFn: () => api.get<Scorecard>('/scorecard', params),
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}

export function useScorecardDrilldown(metric: ScorecardMetric | null, params: QueryParams) {
  return useQuery({
    queryKey: ['scorecard', 'drilldown', metric, params],
    queryFn: () => api.get<ScorecardDrilldown>('/scorecard/drilldown', { ...params, metric: metric! }),
    enabled: metric !== null,
  })
}
