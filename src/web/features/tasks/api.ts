import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  CompleteTaskBody,
  CreateTaskBody,
  OverdueTask,
  PartnerTasks,
  TaskCatalogue,
  TaskDefinition,
  TaskSummary,
  UpdateTaskBody,
} from '#shared/contracts/tasks'
import { api, type QueryParams } from '../../api/client'
import type { Page } from '../partners/api'

const all = ['tasks'] as const

export function usePartnerTasks(partnerId: number, params: QueryParams) {
  return useQuery({
    queryKey: ['tasks', 'partner', partnerId, params],
    queryFn: () => api.get<PartnerTasks>(`/partners/${partnerId}/tasks`, params),
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}

export function useTaskSummary(params: QueryParams) {
  return useQuery({
    queryKey: ['tasks', 'summary', params],
    queryFn: () => api.get<TaskSummary>('/tasks/summary', params),
    staleTime: 0,
  })
}

export function useOverdueTasks(params: QueryParams) {
  return useQuery({
    queryKey: ['tasks', 'overdue', params],
    queryFn: () => api.get<Page<OverdueTask>>('/tasks/overdue', params),
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}

export function useTaskCatalogue(includeArchived = false) {
  return useQuery({
    queryKey: ['tasks', 'catalogue', includeArchived],
    queryFn: () => api.get<TaskCatalogue>('/tasks/catalogue', { includeArchived }),
  })
}

export function useCompleteTask() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: CompleteTaskBody) => api.post<{ id: number }>('/tasks/completions', body),
    onSuccess: () => client.invalidateQueries({ queryKey: all }),
  })
}

export function useUndoCompletion() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: number) => api.post(`/tasks/completions/${id}/undo`),
    onSuccess: () => client.invalidateQueries({ queryKey: all }),
  })
}

export function useSaveTask() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: CreateTaskBody | UpdateTaskBody }) =>
      id === null
        ? api.post<TaskDefinition>('/tasks/catalogue', body)
        : api.patch<TaskDefinition>(`/tasks/catalogue/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: all }),
  })
}

export function useArchiveTask() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, archived }: { id: number; archived: boolean }) =>
      api.post<TaskDefinition>(`/tasks/catalogue/${id}/${archived ? 'archive' : 'restore'}`),
    onSuccess: () => client.invalidateQueries({ queryKey: all }),
  })
}
