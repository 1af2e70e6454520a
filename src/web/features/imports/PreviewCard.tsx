import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core'
import {
  IconAlertTriangle,
  IconArrowRight,
  IconCheck,
  IconPlayerPlay,
  IconRefresh,
} from '@tabler/icons-react'
import type { ImportCounts, ImportRecord } from '#shared/contracts/imports'
import { formatDate, formatInt, plural } from '../../lib/format'
import { fieldLabel } from './api'
import { ErrorsTable } from './ErrorsTable'

const countLabels: [keyof ImportCounts, string][] = [
  ['partners', 'Partners'],
  ['customers', 'Customers'],
  ['workloads', 'Workloads'],
  ['snapshots', 'Usage snapshots'],
]

export function CountCards({
  counts,
  unchanged,
  errors,
}: {
  counts: ImportCounts
  unchanged: number
  errors?: number
}) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: errors === undefined ? 5 : 6 }}>
      {countLabels.map(([key, label]) => (
        <Paper key={key} withBorder p="sm" bg="gray.0">
          <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
            {label}
          </Text>
          <Text fz={22} fw={700} className="numeric" ta="left" data-testid={`count-${key}`}>
            {formatInt(counts[key])}
          </Text>
        </Paper>
      ))}
      <Paper withBorder p="sm" bg="gray.0">
        <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
          Unchanged rows
        </Text>
        <Text fz={22} fw={700} className="numeric" ta="left">
          {formatInt(unchanged)}
        </Text>
      </Paper>
      {errors !== undefined && (
        <Paper withBorder p="sm" bg={errors ? 'red.0' : 'gray.0'}>
          <Text fz="xs" c={errors ? 'red.8' : 'dimmed'} tt="uppercase" fw={600}>
            Problems
          </Text>
          <Text fz={22} fw={700} c={errors ? 'red.8' : undefined} className="numeric" ta="left">
            {formatInt(errors)}
          </Text>
        </Paper>
      )}
    </SimpleGrid>
  )
}

function Mapping({ record }: { record: ImportRecord }) {
  return (
    <Table withTableBorder aria-label="Column mapping" verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Column in your file</Table.Th>
          <Table.Th w={40} />
          <Table.Th>Trellis field</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {record.mapping.map((m) => (
          <Table.Tr key={m.column}>
            <Table.Td fw={500}>{m.column}</Table.Td>
            <Table.Td c="dimmed">
              <IconArrowRight size={14} aria-hidden />
            </Table.Td>
            <Table.Td>
              {m.field ? (
                <Badge variant="light" color="trellis" tt="none" leftSection={<IconCheck size={11} />}>
                  {m.fieldLabel ?? fieldLabel(m.field)}
                </Badge>
              ) : (
                <Tooltip label="Trellis does not know this column; it is ignored">
                  <Badge variant="light" color="yellow" tt="none">
                    Unknown — ignored
                  </Badge>
                </Tooltip>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

type Props = {
  record: ImportRecord
  committing: boolean
  /** Whether the dry run skipped invalid rows (then commit imports the valid ones). */
  skipInvalid: boolean
  onCommit: () => void
  onRestart: () => void
  /** Upload the same file again with "skip invalid rows". */
  onRetrySkipping?: () => void
}

export function PreviewCard({
  record,
  committing,
  skipInvalid,
  onCommit,
  onRestart,
  onRetrySkipping,
}: Props) {
  const result = record.result
  const errorCount = result?.errorCount ?? 0
  const validRows = Math.max(0, (result?.rows ?? 0) - (result?.invalidRows ?? errorCount))
  const blocked = errorCount > 0 && !skipInvalid
  return (
    <Paper withBorder p="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} fz="lg">
              Preview of {record.fileName}
            </Title>
            <Text fz="sm" c="dimmed">
              Dry run: nothing is written yet · {plural(result?.rows ?? record.rowsTotal, 'row')}
              {result?.asOf ? ` · usage as of ${formatDate(result.asOf)}` : ''}
            </Text>
          </Stack>
          <Badge size="lg" variant="light" color={blocked ? 'red' : 'trellis'}>
            {blocked ? 'Needs attention' : 'Ready to commit'}
          </Badge>
        </Group>

        {result && (
          <Stack gap={6}>
            <Text fw={600} fz="sm">
              {blocked
                ? 'What the import would write: nothing until the problems are fixed or skipped'
                : 'What the import would write'}
            </Text>
            <CountCards counts={result.imported} unchanged={result.unchanged} errors={errorCount} />
          </Stack>
        )}

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: errorCount > 0 ? 5 : 12 }}>
            <Stack gap={6}>
              <Group gap="xs">
                <Text fw={600} fz="sm">
                  Column mapping
                </Text>
                {record.unknownColumns.length > 0 && (
                  <Badge size="sm" color="yellow" variant="light">
                    {plural(record.unknownColumns.length, 'unknown column')}
                  </Badge>
                )}
              </Group>
              <Mapping record={record} />
            </Stack>
          </Grid.Col>
          {result && errorCount > 0 && (
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Stack gap={6}>
                <Text fw={600} fz="sm">
                  Problems
                </Text>
                {blocked ? (
                  <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
                    {plural(errorCount, 'problem')} found. The import is all or nothing: fix the file and
                    upload it again, or skip the invalid rows and import the other {plural(validRows, 'row')}.
                    {onRetrySkipping && (
                      <Button
                        mt="sm"
                        size="xs"
                        variant="white"
                        color="red"
                        display="block"
                        leftSection={<IconRefresh size={14} />}
                        onClick={onRetrySkipping}
                      >
                        Check again, skipping invalid rows
                      </Button>
                    )}
                  </Alert>
                ) : (
                  <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />}>
                    The rows listed below will be skipped; the other {plural(validRows, 'row')} will be
                    imported.
                  </Alert>
                )}
                <ErrorsTable errors={result.errors} total={errorCount} />
              </Stack>
            </Grid.Col>
          )}
        </Grid>

        {result && errorCount === 0 && (
          <Group gap="xs" c="teal.8">
            <ThemeIcon size={22} radius="xl" color="teal" variant="light">
              <IconCheck size={14} />
            </ThemeIcon>
            <Text fz="sm">Every row is valid.</Text>
          </Group>
        )}

        <Group
          justify="flex-end"
          pos="sticky"
          bottom={0}
          py="sm"
          bg="white"
          style={{ borderTop: '1px solid var(--mantine-color-gray-2)', zIndex: 2 }}
        >
          <Button variant="default" onClick={onRestart}>
            Start over
          </Button>
          <Button
            leftSection={<IconPlayerPlay size={16} />}
            onClick={onCommit}
            loading={committing}
            disabled={blocked}
          >
            Commit import
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
