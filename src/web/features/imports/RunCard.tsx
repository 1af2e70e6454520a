import {
  Alert,
  Anchor,
  Box,
  Button,
  Collapse,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconAlertTriangle, IconCircleCheck, IconLoader2 } from '@tabler/icons-react'
import { Link } from 'react-router'
import type { ImportRecord } from '#shared/contracts/imports'
import { formatDateTime, formatInt, plural } from '../../lib/format'
import { ErrorsTable } from './ErrorsTable'
import { CountCards } from './PreviewCard'

/** A committed import: a progress bar while it runs, then what it wrote. */
export function RunCard({ record, onRestart }: { record: ImportRecord; onRestart: () => void }) {
  const [showSkipped, { toggle }] = useDisclosure(false)
  const total = record.rowsTotal || record.result?.rows || 0
  const pct = total ? Math.min(100, (record.rowsProcessed / total) * 100) : 0
  if (record.status === 'running' || record.status === 'previewed') {
    return (
      <Paper withBorder p="lg">
        <Stack gap="md" aria-live="polite">
          <Group gap="sm">
            <ThemeIcon variant="light" radius="xl" size={32}>
              <IconLoader2 size={18} className="spin" />
            </ThemeIcon>
            <Stack gap={0}>
              <Title order={2} fz="lg">
                Importing {record.fileName}
              </Title>
              <Text fz="sm" c="dimmed">
                You can leave this page; the import continues on the server.
              </Text>
            </Stack>
          </Group>
          <Progress.Root size={22} aria-label="Import progress">
            <Progress.Section value={pct} animated striped>
              <Progress.Label>{Math.round(pct)}%</Progress.Label>
            </Progress.Section>
          </Progress.Root>
          <Text fz="sm" c="dimmed" className="numeric" ta="left">
            {formatInt(record.rowsProcessed)} of {formatInt(total)} rows
          </Text>
        </Stack>
      </Paper>
    )
  }

  const ok = record.status === 'done'
  const result = record.result
  return (
    <Paper withBorder p="lg">
      <Stack gap="lg">
        <Group gap="sm">
          <ThemeIcon variant="light" radius="xl" size={36} color={ok ? 'teal' : 'red'}>
            {ok ? <IconCircleCheck size={22} /> : <IconAlertTriangle size={20} />}
          </ThemeIcon>
          <Stack gap={0}>
            <Title order={2} fz="lg">
              {ok ? 'Import complete' : record.status === 'rejected' ? 'Import rejected' : 'Import failed'}
            </Title>
            <Text fz="sm" c="dimmed">
              {record.fileName} · finished {formatDateTime(record.finishedAt)}
            </Text>
          </Stack>
        </Group>
        {!ok && (
          <Alert color="red" variant="light" title="Nothing was written">
            {record.message ?? 'The import stopped. The database is unchanged.'}
          </Alert>
        )}
        {ok && result && (
          <>
            <CountCards counts={result.imported} unchanged={result.unchanged} />
            {result.errorCount > 0 && (
              <Alert color="yellow" variant="light">
                {plural(result.errorCount, 'invalid row')} skipped.{' '}
                <Anchor component="button" type="button" fz="sm" onClick={toggle} aria-expanded={showSkipped}>
                  {showSkipped ? 'Hide them' : 'Show them'}
                </Anchor>
                <Collapse expanded={showSkipped}>
                  <Box mt="sm">
                    <ErrorsTable errors={result.errors} total={result.errorCount} />
                  </Box>
                </Collapse>
              </Alert>
            )}
          </>
        )}
        <Group justify="space-between">
          {ok ? (
            <Group gap="lg">
              <Anchor component={Link} to="/partners?sort=updatedAt&order=desc">
                See the partners
              </Anchor>
              <Anchor component={Link} to="/customers?sort=updatedAt&order=desc">
                See the customers
              </Anchor>
            </Group>
          ) : (
            <span />
          )}
          <Button variant="light" onClick={onRestart}>
            Import another file
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
