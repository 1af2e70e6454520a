import { Skeleton, Table } from '@mantine/core'

/** Placeholder rows with the shape of the table that is loading. */
export function TableSkeleton({ columns, rows = 8 }: { columns: number; rows?: number }) {
  return (
    <Table.Tbody aria-busy="true">
      {Array.from({ length: rows }, (_, r) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
        <Table.Tr key={r}>
          {Array.from({ length: columns }, (_, c) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder cells
            <Table.Td key={c}>
              <Skeleton h={14} my={4} w={c === 0 ? '80%' : `${40 + ((r * 7 + c * 13) % 45)}%`} />
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </Table.Tbody>
  )
}
