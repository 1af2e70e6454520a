import { Code, Group, Pagination, Select, Table, Text } from '@mantine/core'
import { useMemo, useState } from 'react'
import type { ImportError } from '#shared/contracts/imports'
import { formatInt } from '../../lib/format'

const PAGE = 20

/** Row-level problems of a file, paged, filterable by column. */
export function ErrorsTable({ errors, total }: { errors: ImportError[]; total: number }) {
  const [page, setPage] = useState(1)
  const [column, setColumn] = useState<string | null>(null)
  const columns = useMemo(() => [...new Set(errors.map((e) => e.column))].sort(), [errors])
  const shown = column ? errors.filter((e) => e.column === column) : errors
  const pages = Math.max(1, Math.ceil(shown.length / PAGE))
  const rows = shown.slice((page - 1) * PAGE, page * PAGE)
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text fz="sm" c="dimmed">
          {total > errors.length
            ? `Showing the first ${formatInt(errors.length)} of ${formatInt(total)} problems`
            : `${formatInt(total)} ${total === 1 ? 'problem' : 'problems'}`}
        </Text>
        {columns.length > 1 && (
          <Select
            size="xs"
            w={220}
            aria-label="Filter problems by column"
            placeholder="All columns"
            clearable
            data={columns}
            value={column}
            onChange={(v) => {
              setColumn(v)
              setPage(1)
            }}
          />
        )}
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table striped withTableBorder aria-label="Problems in the file">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64} className="numeric">
                Row
              </Table.Th>
              <Table.Th w={130}>Column</Table.Th>
              <Table.Th w={140}>Value</Table.Th>
              <Table.Th>Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one row can have several problems in one column
              <Table.Tr key={`${e.row}-${e.column}-${i}`}>
                <Table.Td className="numeric">{e.row}</Table.Td>
                <Table.Td>{e.column}</Table.Td>
                <Table.Td className="wrap" style={{ wordBreak: 'break-word' }}>
                  {e.value === '' ? (
                    <Text span fz="xs" c="dimmed" fs="italic">
                      empty
                    </Text>
                  ) : (
                    <Code>{e.value}</Code>
                  )}
                </Table.Td>
                <Table.Td c="red.8" className="wrap">
                  {e.message}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="flex-end" mt="sm">
          <Pagination size="sm" total={pages} value={page} onChange={setPage} withEdges />
        </Group>
      )}
    </>
  )
}
