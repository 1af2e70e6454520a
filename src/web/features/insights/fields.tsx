import { Select, type SelectProps } from '@mantine/core'
import { workloadCatalog } from '#shared/domain/workloads'
import { useCustomers } from '../customers/api'

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
