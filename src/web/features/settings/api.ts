import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  defaultProgramSettings,
  type SaveSettingsBody,
  type SettingsVersion,
} from '#shared/contracts/settings'
import { api } from '../../api/client'
import { healthKeys } from '../health/api'

export const settingsKeys = {
  all: ['settings'] as const,
  list: ['settings', 'list'] as const,
  inForce: (date: string | null) => ['settings', 'in-force', date] as const,
}

export function useSettingsVersions() {
  return useQuery({
    queryKey: settingsKeys.list,
    queryFn: () => api.get<{ versions: SettingsVersion[] }>('/settings'),
  })
}

/** The set in force on a date (today when null). */
export function useSettingsInForce(date: string | null) {
  return useQuery({
    queryKey: settingsKeys.inForce(date),
    queryFn: () => api.get<SettingsVersion>('/settings/in-force', { date }),
    staleTime: 5 * 60_000,
  })
}

export type SaveSettingsResult = { version: SettingsVersion; refreshedPeriods: number }

export function useSaveSettings() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ effectiveFrom, body }: { effectiveFrom: string; body: SaveSettingsBody }) =>
      api.put<SaveSettingsResult>(`/settings/${effectiveFrom}`, body),
    onSuccess: () => {
      // Saving recomputes the scores of the periods the set governs.
      void client.invalidateQueries({ queryKey: settingsKeys.all })
      void client.invalidateQueries({ queryKey: healthKeys.all })
    },
  })
}

/** The eligibility threshold (seats) in force today; the built-in default until it has loaded. */
export function useEligibleMinSeats(): number {
  return (
    useSettingsInForce(null).data?.values.program.eligibleMinSeats ??
    defaultProgramSettings.program.eligibleMinSeats
  )
}
