import { Group, Table, type TableThProps, UnstyledButton } from '@mantine/core'
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react'
import type { ReactNode } from 'react'

type Props = TableThProps & {
  children: ReactNode
  /** The sort key of this column. */
  field: string
  sort: string
  order: 'asc' | 'desc'
  onSort: (field: string) => void
  numeric?: boolean
}

/** A column header that sorts on click or Enter, and tells assistive tech the current order. */
export function SortableTh({ children, field, sort, order, onSort, numeric, ...props }: Props) {
  const active = sort === field
  const Icon = !active ? IconArrowsSort : order === 'asc' ? IconSortAscending : IconSortDescending
  return (
    <Table.Th
      aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
      style={{ whiteSpace: 'nowrap' }}
      {...props}
    >
      <UnstyledButton onClick={() => onSort(field)} fw={600} fz="sm" w="100%">
        <Group gap={4} wrap="nowrap" justify={numeric ? 'flex-end' : 'flex-start'}>
          {children}
          <Icon size={14} stroke={1.6} opacity={active ? 1 : 0.4} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  )
}
