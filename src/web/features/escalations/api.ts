import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  CreateEscalationBody,
  EscalateBody,
  Escalation,
  EscalationDetail,
  OpenByAgeReport,
  SaveSlaBody,
  TimeToResolveReport,
  TransitionBody,
  UpdateEscalationBody,
} from '#shared/contracts/escalations'
import type { Severity } from '#shared/domain/escalations'
import { api, type QueryParams } from '../../api/client'
import type { Page } from '../partners/api'

export const escalationKeys = {
  all: ['escalations'] as const,
  list: (params: QueryParams) => ['escalations', 'list', params] as const,
  one: (id: number) => ['escalations', 'one', id] as const,
  sla: ['escalations', 'sla'] as const,
  report: (name: string, params: QueryParams) => ['escalations', 'report', name, params] as const,
}

export function useEscalations(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: escalationKeys.list(params),
    queryFn: () => api.get<Page<Escalation>>('/escalations', params),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useEscalation(id: number) {
  return useQuery({
    queryKey: escalationKeys.one(id),
    queryFn: () => api.get<EscalationDetail>(`/escalations/${id}`),
  })
}

export type SlaSetting = {
  severity: Severity
  hours: number
  builtIn: boolean
  updatedBy: string | null
  updatedAt: string | null
}
export function useSlaSettings() {
  return useQuery({
    queryKey: escalationKeys.sla,
    queryFn: () => api.get<{ items: SlaSetting[] }>('/escalations/sla'),
  })
}

export function useTimeToResolve(params: QueryParams) {
  return useQuery({
    queryKey: escalationKeys.report('ttr', params),
    queryFn: () => api.get<TimeToResolveReport>('/escalations/reports/time-to-resolve', params),
  })
}

export function useOpenByAge(params: QueryParams) {
  return useQuery({
    queryKey: escalationKeys.report('age', params),
    queryFn: () => api.get<OpenByAgeReport>('/escalations/reports/open-by-age', params),
  })
}

/** Every change refreshes every escalation query (lists, detail, reports). */
function useEscalationMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: escalationKeys.all }),
  })
}

export const useRaiseEscalation = () =>
  useEscalationMutation((body: CreateEscalationBody) => api.post<EscalationDetail>('/escalations', body))

export const useTransition = (id: number) =>
  useEscalationMutation((body: TransitionBody) =>
    api.post<EscalationDetail>(`/escalations/${id}/transition`, body),
  )

export const useEditEscalation = (id: number) =>
  useEscalationMutation((body: UpdateEscalationBody) =>
    api.patch<EscalationDetail>(`/escalations/${id}`, body),
  )

export const useEscalate = (id: number) =>
  useEscalationMutation((body: EscalateBody) =>
    api.post<EscalationDetail>(`/escalations/${id}/escalate`, body),
  )

export const useSaveSla = () =>
  useEscalationMutation((body: SaveSlaBody) => api.put<{ items: SlaSetting[] }>('/escalations/sla', body))
