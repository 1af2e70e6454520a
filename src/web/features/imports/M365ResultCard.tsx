import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import { Link } from 'react-router'
import type { M365ImportResult } from '#shared/contracts/imports'
import { workloadName } from '#shared/domain/workloads'
import { ActivePct } from '../../components/ActivePct'
import { formatDate, formatInt } from '../../lib/format'

export function M365ResultCard({ result, onRestart }: { result: M365ImportResult; onRestart: () => void }) {
  return (
    <Paper withBorder p="lg">
      <Stack gap="lg">
        <Group gap="sm">
          <ThemeIcon variant="light" radius="xl" size={36} color="teal">
            <IconCircleCheck size={22} />
          </ThemeIcon>
          <Stack gap={0}>
            <Title order={2} fz="lg">
              Usage imported for TPID {result.customer}
            </Title>
            <Text fz="sm" c="dimmed">
              Snapshot as of {formatDate(result.asOf)} · {result.workloads.length} workloads
              {result.users !== undefined ? ` · ${formatInt(result.users)} users in the report` : ''}
              {result.changed === 0 ? ' · already imported before, nothing changed' : ''}
            </Text>
          </Stack>
        </Group>
        <Table withTableBorder aria-label="Imported usage per workload">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Workload</Table.Th>
              <Table.Th className="numeric">Licensed users</Table.Th>
              <Table.Th className="numeric">Active users</Table.Th>
              <Table.Th>Active %</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.workloads.map((w) => (
              <Table.Tr key={w.workload}>
                <Table.Td fw={500}>{workloadName(w.workload)}</Table.Td>
                <Table.Td className="numeric">{formatInt(w.licensed)}</Table.Td>
                <Table.Td className="numeric">{formatInt(w.active)}</Table.Td>
                <Table.Td>
                  <ActivePct pct={w.licensed ? Math.round((w.active * 1000) / w.licensed) / 10 : null} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {result.unknownColumns.length > 0 && (
          <Alert color="yellow" variant="light" title="Columns ignored">
            <Group gap={6}>
              {result.unknownColumns.map((c) => (
                <Badge key={c} variant="outline" color="yellow" tt="none">
                  {c}
                </Badge>
              ))}
            </Group>
          </Alert>
        )}
        <Group justify="space-between">
          <Anchor component={Link} to={`/customers?q=${encodeURIComponent(result.customer)}`}>
            Open the customer
          </Anchor>
          <Button variant="light" onClick={onRestart}>
            Import another file
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
