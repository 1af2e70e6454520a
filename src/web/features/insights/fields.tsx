import { Button, Group, Select, type SelectProps } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { workloadCatalog } from '#shared/domain/workloads'
import { useCustomers } from '../customers/api'
import { PartnerSelect } from '../partners/PartnerSelect'
import { exportUrl } from './api'

export const workloadOptions = workloadCatalog.map((w) => ({ value: w.code, label: w.name }))

/** Choose one of a partner's customers (or, with `anyVisible`, any customer you can see). */
export function CustomerOfPartnerSelect({
  partnerId,
  anyVisible,
  ...props
}: Omit<SelectProps, 'data'> & { partnerId: number | null; anyVisible?: boolean }) {
  const customers = useCustomers(
    {
      partnerId: anyVisible ? undefined : (partnerId ?? undefined),
      pageSize: 200,
      sort: 'name',
      order: 'asc',
    },
    anyVisible || partnerId !== null,
  )
  return (
    <Select
      searchable
      clearable
      data={(customers.data?.items ?? []).map((c) => ({
        value: String(c.id),
        label: `${c.name} (${c.tpid})`,
      }))}
      nothingFoundMessage={partnerId === null && !anyVisible ? 'Choose a partner first' : 'No customer found'}
      {...props}
    />
  )
}

type SetFilters = (patch: Record<string, string | number | null>) => void

/** The filters both registers share: a partner, and a workload. */
export function PartnerAndWorkloadFilters({
  filters,
  set,
  children,
}: {
  filters: { partnerId: string; workloadCode: string }
  set: SetFilters
  /** The register's own filters, between the two. */
  children?: React.ReactNode
}) {
  return (
    <>
      <PartnerSelect
        aria-label="Partner"
        placeholder="Any partner"
        value={filters.partnerId ? Number(filters.partnerId) : null}
        onChange={(id) => set({ partnerId: id })}
        w={210}
      />
      {children}
      <Select
        aria-label="Workload"
        placeholder="Any workload"
        data={workloadOptions}
        value={filters.workloadCode || null}
        onChange={(v) => set({ workloadCode: v })}
        clearable
        searchable
        w={190}
      />
    </>
  )
}

/** The register's CSV and XLSX downloads, with the filters in view. */
export function ExportButtons({
  register,
  filters,
}: {
  register: 'insights' | 'spotlights'
  filters: Parameters<typeof exportUrl>[2]
}) {
  return (
    <Group gap={4} ml="auto">
      {(['csv', 'xlsx'] as const).map((f) => (
        <Button
          key={f}
          component="a"
          href={exportUrl(register, f, filters)}
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} />}
        >
          {f.toUpperCase()}
        </Button>
      ))}
    </Group>
  )
}
