import { useQuery } from '@tanstack/react-query'
import type { User } from '#shared/contracts/users'
import type { Role } from '#shared/domain/roles'
import { api } from './client'

export type Region = { id: number; name: string }

export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: () => api.get<{ items: Region[] }>('/regions').then((r) => r.items),
    staleTime: 10 * 60_000,
  })
}

/** Users the signed-in user may see (admin: all; lead: own region; others: themselves). */
export function useUsers(role?: Role) {
  return useQuery({
    queryKey: ['users', role ?? 'all'],
    queryFn: () => api.get<{ items: User[] }>('/users', { role }).then((r) => r.items),
    staleTime: 5 * 60_000,
  })
}

export const toOptions = <T extends { id: number }>(items: T[] | undefined, label: (item: T) => string) =>
  (items ?? []).map((item) => ({ value: String(item.id), label: label(item) }))
