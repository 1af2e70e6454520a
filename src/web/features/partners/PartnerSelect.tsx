import { Select, type SelectProps } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useRef, useState } from 'react'
import { usePartner, usePartners } from './api'

type Props = Omit<SelectProps<number>, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: number | null
  onChange: (id: number | null) => void
  /** A label for the current value before the options have loaded (e.g. from a detail response). */
  initialLabel?: string | null
}

/** Choose a partner; searches the server by name or partner ID as you type. */
export function PartnerSelect({ value, onChange, initialLabel, ...props }: Props) {
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search, 250)
  const labels = useRef(new Map<number, string>())
  if (value !== null && initialLabel && !labels.current.has(value)) labels.current.set(value, initialLabel)
  // A value from the address bar may be outside the first page of options: ask for its name.
  const known = value !== null && labels.current.has(value)
  const selected = usePartner(known || value === null ? 0 : value)
  if (value !== null && selected.data?.id === value) labels.current.set(value, selected.data.name)
  const selectedLabel = value === null ? undefined : labels.current.get(value)
  const query = debounced && debounced !== selectedLabel ? debounced : undefined
  const partners = usePartners({ q: query, pageSize: 50, sort: 'name', order: 'asc' })

  const data = (() => {
    const options = (partners.data?.items ?? []).map((p) => {
      labels.current.set(p.id, p.name)
      return { value: p.id, label: p.name }
    })
    if (value !== null && !options.some((o) => o.value === value) && labels.current.has(value))
      options.unshift({ value, label: labels.current.get(value)! })
    return options
  })()

  return (
    <Select<number>
      searchable
      clearable
      data={data}
      value={value}
      onChange={(v) => onChange(v ?? null)}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={partners.isFetching ? 'Searching…' : 'No partner matches'}
      placeholder="Search by name or partner ID"
      {...props}
    />
  )
}
