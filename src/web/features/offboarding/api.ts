import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  OffboardingOverview,
  PartnerOffboarding,
  ProposeBody,
  RecommendationTransitionBody,
} from '#shared/contracts/offboarding'
import { api, type QueryParams } from '../../api/client'

export function useOffboarding(params: QueryParams) {
  return useQuery({
    queryKey: ['offboarding', 'overview', params],
    queryFn: () => api.get<OffboardingOverview>('/offboarding', params),
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}

export function usePartnerOffboarding(partnerId: number) {
  return useQuery({
    queryKey: ['offboarding', 'partner', partnerId],
    queryFn: () => api.get<PartnerOffboarding>(`/partners/${partnerId}/offboarding`),
    staleTime: 0,
  })
}

/** After any step: the lists, the partner (its status may change) and the scorecard read again. */
function useInvalidate() {
  const qc = useQueryClient()
  return () =>
    Promise.all(
      [['offboarding'], ['partners'], ['scorecard']].map((queryKey) => qc.invalidateQueries({ queryKey })),
    )
}

export function usePropose(partnerId: number) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (body: ProposeBody) =>
      api.post<PartnerOffboarding>(`/partners/${partnerId}/offboarding`, body),
    onSuccess: invalidate,
  })
}

export function useTransition() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: ({ id, ...body }: RecommendationTransitionBody & { id: number }) =>
      api.post<PartnerOffboarding>(`/offboarding/${id}/transition`, body),
    onSuccess: invalidate,
  })
}
