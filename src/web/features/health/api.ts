import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { SubjectHealth } from '#shared/contracts/analytics'
import { api } from '../../api/client'

export type HealthSubject = 'customer' | 'partner'

export const healthKeys = {
  all: ['health'] as const,
  subject: (subject: HealthSubject, id: number, period: string | null) =>
    ['health', subject, id, period] as const,
}

/** A customer's or partner's health score explained; `period` null: the newest. */
export function useHealth(subject: HealthSubject, id: number, period: string | null) {
  return useQuery({
    queryKey: healthKeys.subject(subject, id, period),
    queryFn: () => api.get<SubjectHealth>(`/${subject}s/${id}/health`, { period }),
    placeholderData: keepPreviousData,
    enabled: Number.isInteger(id) && id > 0,
  })
}
