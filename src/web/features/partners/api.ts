import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  CreatePartnerBody,
  CreateStakeholderBody,
  PartnerDetail,
  PartnerSummary,
  Stakeholder,
  UpdatePartnerBody,
} from '#shared/contracts/partners'
import { type PartnerStatus, partnerStatuses } from '#shared/domain/portfolio'
import { api, type QueryParams } from '../../api/client'

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number }

export const partnerKeys = {
  all: ['partners'] as const,
  list: (params: QueryParams) => ['partners', 'list', params] as const,
  detail: (id: number) => ['partners', 'detail', id] as const,
}

export function usePartners(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: partnerKeys.list(params),
    queryFn: () => api.get<Page<PartnerSummary>>('/partners', params),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function usePartner(id: number) {
  return useQuery({
    queryKey: partnerKeys.detail(id),
    queryFn: () => api.get<PartnerDetail>(`/partners/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  })
}

/** Every mutation answers the fresh partner: put it in the cache and refresh the lists. */
function useStorePartner() {
  const client = useQueryClient()
  return (partner: PartnerDetail) => {
    client.setQueryData(partnerKeys.detail(partner.id), partner)
    void client.invalidateQueries({ queryKey: ['partners', 'list'] })
  }
}

export function useCreatePartner() {
  const store = useStorePartner()
  return useMutation({
    mutationFn: (body: CreatePartnerBody) => api.post<PartnerDetail>('/partners', body),
    onSuccess: store,
  })
}

export function useUpdatePartner(id: number) {
  const store = useStorePartner()
  return useMutation({
    mutationFn: (body: UpdatePartnerBody) => api.patch<PartnerDetail>(`/partners/${id}`, body),
    onSuccess: store,
  })
}

export function useArchivePartner(id: number) {
  const store = useStorePartner()
  return useMutation({
    mutationFn: (archived: boolean) =>
      api.post<PartnerDetail>(`/partners/${id}/${archived ? 'archive' : 'restore'}`),
    onSuccess: store,
  })
}

/** Stakeholder changes answer the stakeholder; the partner's flags change too, so reload the partner. */
export function useStakeholderMutations(partnerId: number) {
  const client = useQueryClient()
  const refresh = () => client.invalidateQueries({ queryKey: partnerKeys.detail(partnerId) })
  const create = useMutation({
    mutationFn: (body: CreateStakeholderBody) =>
      api.post<Stakeholder>(`/partners/${partnerId}/stakeholders`, body),
    onSuccess: refresh,
  })
  const update = useMutation({
    mutationFn: ({ id, body }: { id: number; body: Partial<CreateStakeholderBody> }) =>
      api.patch<Stakeholder>(`/stakeholders/${id}`, body),
    onSuccess: refresh,
  })
  const archive = useMutation({
    mutationFn: ({ id, archived }: { id: number; archived: boolean }) =>
      api.post<Stakeholder>(`/stakeholders/${id}/${archived ? 'archive' : 'restore'}`),
    onSuccess: refresh,
  })
  return { create, update, archive }
}

/**
 * How many partners each status has under the current filters (one `pageSize=1` count per status),
 * for the status tabs of the partner list.
 */
export function usePartnerStatusCounts(filters: QueryParams) {
  return useQueries({
    queries: partnerStatuses.map((status) => ({
      queryKey: ['partners', 'list', 'count', status, filters],
      queryFn: () => api.get<Page<PartnerSummary>>('/partners', { ...filters, status, pageSize: 1 }),
      staleTime: 30_000,
      placeholderData: keepPreviousData,
    })),
    combine: (results) => ({
      counts: Object.fromEntries(partnerStatuses.map((s, i) => [s, results[i].data?.total])) as Record<
        PartnerStatus,
        number | undefined
      >,
      pending: results.some((r) => r.isPending),
    }),
  })
}
