import { Group, Pagination, Select, Text } from '@mantine/core'
import { formatInt } from '../lib/format'

export const PAGE_SIZES = ['10', '25', '50', '100']

type Props = {
  total: number
  page: number
  pageSize: number
  onPage: (page: number) => void
  onPageSize: (size: number) => void
  noun?: string
}

export function ListFooter({ total, page, pageSize, onPage, onPageSize, noun = 'rows' }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1
  const to = Math.min(total, page * pageSize)
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Group gap="sm">
        <Text fz="sm" c="dimmed" aria-live="polite">
          {total === 0 ? `No ${noun}` : `${formatInt(from)}–${formatInt(to)} of ${formatInt(total)} ${noun}`}
        </Text>
        <Select
          aria-label="Rows per page"
          size="xs"
          w={120}
          data={PAGE_SIZES.map((s) => ({ value: s, label: `${s} per page` }))}
          value={String(pageSize)}
          onChange={(v) => v && onPageSize(Number(v))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onPage}
          size="sm"
          withEdges
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
        />
      )}
    </Group>
  )
}
