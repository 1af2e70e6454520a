import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  ActionItem,
  AgendaSection,
  CreateActionBody,
  CreateSeriesBody,
  MeetingPage,
  MeetingSeries,
  MyWeek,
  Occurrence,
  PatchActionBody,
  PatchOccurrenceBody,
  UpdateSeriesBody,
} from '#shared/contracts/meetings'
import { api } from '../../api/client'

export const meetingKeys = {
  all: ['meetings'] as const,
  series: (partnerId: number) => ['meetings', 'series', partnerId] as const,
  people: (partnerId: number) => ['meetings', 'people', partnerId] as const,
  occurrences: (params: Record<string, unknown>) => ['meetings', 'occurrences', params] as const,
  page: (seriesId: number, originalStart: string) => ['meetings', 'page', seriesId, originalStart] as const,
  draft: (seriesId: number, originalStart: string) => ['meetings', 'draft', seriesId, originalStart] as const,
  myWeek: ['meetings', 'my-week'] as const,
  feed: ['meetings', 'feed'] as const,
}

const occPath = (seriesId: number, originalStart: string) =>
  `/meeting-series/${seriesId}/occurrences/${encodeURIComponent(originalStart)}`

export function usePartnerSeries(partnerId: number) {
  return useQuery({
    queryKey: meetingKeys.series(partnerId),
    queryFn: () => api.get<{ items: MeetingSeries[] }>(`/partners/${partnerId}/meeting-series`),
  })
}

export type MeetingPeople = {
  users: { id: number; name: string; email: string | null }[]
  stakeholders: { kind: 'stakeholder'; id: number; name: string; email: string | null; side: string }[]
}
export function useMeetingPeople(partnerId: number, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.people(partnerId),
    queryFn: () => api.get<MeetingPeople>(`/partners/${partnerId}/meeting-people`),
    enabled,
  })
}

export function useOccurrences(params: { from: string; to: string; partnerId?: number; mine?: boolean }) {
  return useQuery({
    queryKey: meetingKeys.occurrences(params),
    queryFn: () => api.get<{ items: Occurrence[] }>('/meetings', params),
  })
}

export function useCreateSeries(partnerId: number) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateSeriesBody) =>
      api.post<MeetingSeries>(`/partners/${partnerId}/meeting-series`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: meetingKeys.all }),
  })
}

export function useUpdateSeries() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateSeriesBody }) =>
      api.patch<MeetingSeries>(`/meeting-series/${id}`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: meetingKeys.all }),
  })
}

export function useEndSeries() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (seriesId: number) => api.post<MeetingSeries>(`/meeting-series/${seriesId}/end`, {}),
    onSuccess: () => void client.invalidateQueries({ queryKey: meetingKeys.all }),
  })
}

export function useMeetingPage(seriesId: number, originalStart: string) {
  return useQuery({
    queryKey: meetingKeys.page(seriesId, originalStart),
    queryFn: () => api.get<MeetingPage>(occPath(seriesId, originalStart)),
  })
}

export function useAgendaDraft(seriesId: number, originalStart: string, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.draft(seriesId, originalStart),
    queryFn: () =>
      api.get<{ sections: AgendaSection[]; markdown: string }>(
        `${occPath(seriesId, originalStart)}/agenda-draft`,
      ),
    enabled,
  })
}

export function usePatchMeeting(seriesId: number, originalStart: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: PatchOccurrenceBody) => api.patch<MeetingPage>(occPath(seriesId, originalStart), body),
    onSuccess: (page) => {
      client.setQueryData(meetingKeys.page(seriesId, originalStart), page)
      void client.invalidateQueries({ queryKey: meetingKeys.all })
    },
  })
}

export function useCreateAction() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateActionBody) => api.post<ActionItem>('/action-items', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: meetingKeys.all }),
  })
}

export function usePatchAction() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: PatchActionBody }) =>
      api.patch<ActionItem>(`/action-items/${id}`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: meetingKeys.all }),
  })
}

export function useMyWeek() {
  return useQuery({ queryKey: meetingKeys.myWeek, queryFn: () => api.get<MyWeek>('/my-week') })
}

export function useCalendarFeed() {
  return useQuery({
    queryKey: meetingKeys.feed,
    queryFn: () => api.get<{ active: boolean; createdAt: string | null }>('/calendar/feed'),
  })
}
export function useNewCalendarFeed() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => api.post<{ url: string; path: string; createdAt: string }>('/calendar/feed'),
    onSuccess: () => void client.invalidateQueries({ queryKey: meetingKeys.feed }),
  })
}
export function useRevokeCalendarFeed() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/calendar/feed/revoke'),
    onSuccess: () => void client.invalidateQueries({ queryKey: meetingKeys.feed }),
  })
}
