import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { DigestSettings } from '#shared/contracts/digest'
import { api } from '../../api/client'

const key = ['me', 'digest'] as const

export function useDigestSettings() {
  return useQuery({ queryKey: key, queryFn: () => api.get<DigestSettings>('/me/digest') })
}

export function useSetDigest() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (enabled: boolean) => api.put<DigestSettings>('/me/digest', { enabled }),
    onSuccess: (data) => client.setQueryData(key, data),
  })
}
