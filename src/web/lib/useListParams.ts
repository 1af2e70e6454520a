import { useCallback, useMemo, useRef } from 'react'
import { useSearchParams } from 'react-router'

type Params = Record<string, string>
type Patch<T> = { [K in keyof T]?: string | number | null } & {
  sort?: string
  order?: 'asc' | 'desc'
  page?: number
  pageSize?: number
}

/**
 * List state (filters, sort, page) kept in the address bar, so a filtered list can be shared,
 * bookmarked and restored with the back button. Values equal to their default are left out of the URL.
 */
export function useListParams<T extends Params>(defaults: T & { sort: string; order: 'asc' | 'desc' }) {
  const [search, setSearch] = useSearchParams()
  const defaultsRef = useRef(defaults)

  const values = useMemo(() => {
    const out: Record<string, string> = {}
    for (const [key, fallback] of Object.entries(defaultsRef.current)) out[key] = search.get(key) ?? fallback
    return out as T & { sort: string; order: 'asc' | 'desc' }
  }, [search])
  const page = Math.max(1, Number(search.get('page')) || 1)
  const pageSize = Math.min(200, Math.max(1, Number(search.get('pageSize')) || 25))

  const set = useCallback(
    (patch: Patch<T>) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev)
          for (const [key, raw] of Object.entries(patch as Record<string, unknown>)) {
            const value = raw === null || raw === undefined ? '' : String(raw)
            const fallback =
              key === 'page' ? '1' : key === 'pageSize' ? '25' : (defaultsRef.current[key] ?? '')
            if (value === '' || value === fallback) next.delete(key)
            else next.set(key, value)
          }
          // Any change other than paging starts again at page 1.
          if (!('page' in patch)) next.delete('page')
          return next
        },
        { replace: true },
      )
    },
    [setSearch],
  )

  const toggleSort = useCallback(
    (field: string) => {
      if (values.sort === field) set({ order: values.order === 'asc' ? 'desc' : 'asc' } as Patch<T>)
      else
        set({
          sort: field,
          order: ['customers', 'seats', 'activePct', 'updatedAt'].includes(field) ? 'desc' : 'asc',
        } as Patch<T>)
    },
    [values.sort, values.order, set],
  )

  return { values, page, pageSize, set, toggleSort }
}
