import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  OpportunityHistoryEntry,
  OpportunityItem,
  OpportunityRuleInfo,
} from '#shared/contracts/opportunities'
import { api, type QueryParams } from '../../api/client'
import { meetingKeys } from '../meetings/api'
import type { Page } from '../partners/api'

export const opportunityKeys = {
  all: ['opportunities'] as const,
  list: (params: QueryParams) => ['opportunities', 'list', params] as const,
  rules: ['opportunities', 'rules'] as const,
  history: (id: number) => ['opportunities', 'history', id] as const,
}

export function useOpportunities(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: opportunityKeys.list(params),
    queryFn: () => api.get<Page<OpportunityItem>>('/opportunities', params),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useOpportunityRules() {
  return useQuery({
    queryKey: opportunityKeys.rules,
    queryFn: () => api.get<{ items: OpportunityRuleInfo[] }>('/opportunities/rules'),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useOpportunityHistory(id: number | null) {
  return useQuery({
    queryKey: opportunityKeys.history(id ?? 0),
    queryFn: () => api.get<{ items: OpportunityHistoryEntry[] }>(`/opportunities/${id}/history`),
    enabled: id !== null,
  })
}

export type OpportunityChange =
  | { id: number; action: 'dismiss'; reason: string }
  | { id: number; action: 'snooze'; reason: string; until: string }
  | { id: number; action: 'reopen' }
  | { id: number; action: 'action'; title?: string; dueOn?: string }

/**
 * Dismiss, snooze, reopen or turn into an action item; every list and history of opportunities (and the
 * action items, My week) refreshes.
 */
export function useChangeOpportunity() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, action, ...body }: OpportunityChange) =>
      api.post<OpportunityItem>(`/opportunities/${id}/${action}`, body),
    onSuccess: (_data, change) => {
      void client.invalidateQueries({ queryKey: opportunityKeys.all })
      if (change.action === 'action') void client.invalidateQueries({ queryKey: meetingKeys.all })
    },
  })
}
