import { Center, Loader } from '@mantine/core'
import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { QueryError } from '../../components/QueryError'
import { useSession } from './session'

/** Renders its children for a signed-in user; anyone else goes to the sign-in page and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession()
  const location = useLocation()
  if (session.isPending)
    return (
      <Center h="100vh">
        <Loader aria-label="Loading Trellis" />
      </Center>
    )
  if (session.isError) return <QueryError error={session.error} onRetry={() => session.refetch()} m="xl" />
  if (!session.data) {
    const next = `${location.pathname}${location.search}`
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />
  }
  return children
}
