import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  AddPlusOneBody,
  CreateInsightBody,
  CreateSpotlightBody,
  Insight,
  InsightDetail,
  PatchInsightBody,
  PatchSpotlightBody,
  Spotlight,
  VoiceCounts,
} from '#shared/contracts/insights'
import type {
  CreateReferralBody,
  PatchReferralBody,
  Referral,
  ReferralPage,
} from '#shared/contracts/referrals'
import { api, type QueryParams, toQueryString } from '../../api/client'
import type { Page } from '../partners/api'

const keys = {
  insights: ['insights'] as const,
  spotlights: ['spotlights'] as const,
  referrals: ['referrals'] as const,
}

export const useInsights = (params: QueryParams) =>
  useQuery({
    queryKey: [...keys.insights, 'list', params],
    queryFn: () => api.get<Page<Insight>>('/insights', params),
    placeholderData: keepPreviousData,
  })
export const useInsight = (id: number) =>
  useQuery({
    queryKey: [...keys.insights, 'one', id],
    queryFn: () => api.get<InsightDetail>(`/insights/${id}`),
    enabled: id > 0,
  })
export const useVoiceCounts = (params: QueryParams) =>
  useQuery({
    queryKey: [...keys.insights, 'counts', params],
    queryFn: () => api.get<VoiceCounts>('/insights/counts', params),
    placeholderData: keepPreviousData,
  })
export const useSpotlights = (params: QueryParams) =>
  useQuery({
    queryKey: [...keys.spotlights, 'list', params],
    queryFn: () => api.get<Page<Spotlight>>('/spotlights', params),
    placeholderData: keepPreviousData,
  })
export const usePartnerReferrals = (partnerId: number, params: QueryParams = {}) =>
  useQuery({
    queryKey: [...keys.referrals, partnerId, params],
    queryFn: () => api.get<ReferralPage>(`/partners/${partnerId}/referrals`, params),
  })

function useWrite<B, R>(fn: (body: B) => Promise<R>, ...invalidate: (readonly string[])[]) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all(invalidate.map((k) => client.invalidateQueries({ queryKey: k }))),
  })
}
export const useCreateInsight = () =>
  useWrite((b: CreateInsightBody) => api.post<InsightDetail>('/insights', b), keys.insights)
export const usePatchInsight = () =>
  useWrite(
    ({ id, ...b }: PatchInsightBody & { id: number }) => api.patch<InsightDetail>(`/insights/${id}`, b),
    keys.insights,
  )
export const useAddPlusOne = () =>
  useWrite(
    ({ id, ...b }: AddPlusOneBody & { id: number }) =>
      api.post<InsightDetail>(`/insights/${id}/plus-ones`, b),
    keys.insights,
  )
export const useCreateSpotlight = () =>
  useWrite((b: CreateSpotlightBody) => api.post<Spotlight>('/spotlights', b), keys.spotlights, keys.insights)
export const usePatchSpotlight = () =>
  useWrite(
    ({ id, ...b }: PatchSpotlightBody & { id: number }) => api.patch<Spotlight>(`/spotlights/${id}`, b),
    keys.spotlights,
    keys.insights,
  )
export const useCreateReferral = () =>
  useWrite((b: CreateReferralBody) => api.post<Referral>('/referrals', b), keys.referrals)
export const usePatchReferral = () =>
  useWrite(
    ({ id, ...b }: PatchReferralBody & { id: number }) => api.patch<Referral>(`/referrals/${id}`, b),
    keys.referrals,
  )

/** The download address of a register's export with the list's filters. */
export const exportUrl = (register: 'insights' | 'spotlights', format: 'csv' | 'xlsx', params: QueryParams) =>
  `/api/${register}/export${toQueryString({ ...params, format })}`
