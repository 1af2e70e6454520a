import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { SessionUser } from '#shared/contracts/auth'
import type { Role } from '#shared/domain/roles'
import { writerRoles } from '#shared/domain/roles'
import { AppError } from '#shared/errors'
import { api } from '../../api/client'

export const sessionKey = ['session'] as const

async function fetchSession(): Promise<SessionUser | null> {
  try {
    const { user } = await api.get<{ user: SessionUser }>('/auth/me')
    return user
  } catch (error) {
    if (error instanceof AppError && error.code === 'UNAUTHENTICATED') return null
    throw error
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000, retry: false })
}

/** The signed-in user; only for components rendered inside <RequireAuth>. */
export function useUser(): SessionUser {
  const { data } = useSession()
  if (!data) throw new Error('useUser outside a signed-in area')
  return data
}

export const isWriter = (role: Role) => writerRoles.includes(role)
export const canImport = (role: Role) => isWriter(role)

export function usePermissions() {
  const user = useUser()
  return {
    user,
    canWrite: isWriter(user.role),
    canImport: canImport(user.role),
    isAdmin: user.role === 'admin',
  }
}

export function useSignOut() {
  const client = useQueryClient()
  return async () => {
    try {
      await api.post('/auth/logout')
    } finally {
      client.clear()
      client.setQueryData(sessionKey, null)
    }
  }
}
