import { Select } from '@mantine/core'
import { useRegions, useUsers } from '../api/reference'
import { usePermissions } from '../features/auth/session'

type Props = {
  regionId: string
  fpmUserId: string
  onChange: (change: { regionId?: string | null; fpmUserId?: string | null }) => void
}

/**
 * Region and partner-manager filters of a list, shown to the roles that see more than one of them: the
 * region to admins (and viewers without a region), the partner manager to admins and leads.
 */
export function RegionFpmFilters({ regionId, fpmUserId, onChange }: Props) {
  const { user } = usePermissions()
  const showRegion = user.role === 'admin' || (user.role === 'viewer' && user.regionId === null)
  const showFpm = user.role === 'admin' || user.role === 'lead'
  const regions = useRegions()
  const fpms = useUsers('fpm')
  return (
    <>
      {showRegion && (
        <Select
          aria-label="Region"
          placeholder="Any region"
          data={(regions.data ?? []).map((r) => ({ value: String(r.id), label: r.name }))}
          value={regionId || null}
          onChange={(v) => onChange({ regionId: v })}
          clearable
          w={180}
        />
      )}
      {showFpm && (
        <Select
          aria-label="Partner manager"
          placeholder="Any partner manager"
          data={(fpms.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))}
          value={fpmUserId || null}
          onChange={(v) => onChange({ fpmUserId: v })}
          searchable
          clearable
          w={210}
        />
      )}
    </>
  )
}
