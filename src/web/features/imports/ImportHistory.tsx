import { Anchor, Badge, Paper, Table, Text, Title, Tooltip } from '@mantine/core'
import { IconHistory } from '@tabler/icons-react'
import type { ImportRecord } from '#shared/contracts/imports'
import { EmptyRows } from '../../components/EmptyRows'
import { QueryError } from '../../components/QueryError'
import { TableSkeleton } from '../../components/TableSkeleton'
import { formatDateTime, formatInt, formatRelative, plural } from '../../lib/format'
import { useImports } from './api'

const statusColor: Record<ImportRecord['status'], string> = {
  previewed: 'blue',
  running: 'yellow',
  done: 'teal',
  failed: 'red',
  rejected: 'orange',
}
const statusLabel: Record<ImportRecord['status'], string> = {
  previewed: 'Previewed',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  rejected: 'Rejected',
}

function written(r: ImportRecord) {
  if (r.status === 'done' && r.m365) return `${r.m365.workloads.length} workloads for TPID ${r.m365.customer}`
  if (r.status !== 'done' || !r.result) return '—'
  const i = r.result.imported
  return `${plural(i.partners, 'partner')} · ${plural(i.customers, 'customer')} · ${plural(i.snapshots, 'snapshot')}`
}

export function ImportHistory({
  onOpen,
  currentId,
}: {
  onOpen: (id: number) => void
  currentId: number | null
}) {
  const imports = useImports(true)
  return (
    <Paper withBorder p="lg">
      <Title order={2} fz="lg" mb="md">
        Import history
      </Title>
      {imports.isError ? (
        <QueryError error={imports.error} onRetry={() => imports.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table highlightOnHover aria-label="Import history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>File</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th className="numeric">Rows</Table.Th>
                <Table.Th>Written</Table.Th>
                <Table.Th>Started</Table.Th>
              </Table.Tr>
            </Table.Thead>
            {imports.isPending ? (
              <TableSkeleton columns={6} rows={3} />
            ) : imports.data.length === 0 ? (
              <EmptyRows columns={6} icon={<IconHistory size={22} />} title="No imports yet" />
            ) : (
              <Table.Tbody>
                {imports.data.slice(0, 50).map((r) => (
                  <Table.Tr key={r.id} bg={r.id === currentId ? 'var(--mantine-color-trellis-0)' : undefined}>
                    <Table.Td>
                      <Anchor component="button" type="button" fz="sm" fw={600} onClick={() => onOpen(r.id)}>
                        {r.fileName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{r.kind === 'portfolio' ? 'Portfolio' : 'M365 active users'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={r.message ?? statusLabel[r.status]} disabled={!r.message}>
                        <Badge variant="light" color={statusColor[r.status]}>
                          {statusLabel[r.status]}
                        </Badge>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td className="numeric">{formatInt(r.rowsTotal || r.result?.rows)}</Table.Td>
                    <Table.Td>
                      <Text fz="sm" c="dimmed">
                        {written(r)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={formatDateTime(r.createdAt)}>
                        <Text span fz="sm" c="dimmed">
                          {formatRelative(r.createdAt)}
                        </Text>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            )}
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  )
}
