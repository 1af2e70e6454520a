import {
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { Link } from 'react-router'
import type { TaskSummary } from '#shared/contracts/tasks'
import { taskCompletionDefinition, taskOnTimeDefinition, taskOverdueDefinition } from '#shared/domain/metrics'
import { taskShares } from '#shared/domain/tasks'
import { workloadName } from '#shared/domain/workloads'
import { ListFooter } from '../../components/ListFooter'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { formatDate, formatInt, formatShare } from '../../lib/format'
import { usePermissions } from '../auth/session'
import { InfoTip } from '../health/HealthBand'
import { useOverdueTasks, useTaskSummary } from './api'
import { Share } from './TaskBits'

function Tile({ label, value, hint, tip }: { label: string; value: string; hint?: string; tip: string }) {
  return (
    <Paper withBorder p="md">
      <Group gap={4}>
        <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        <InfoTip label={label} text={tip} />
      </Group>
      <Text fz={28} fw={700}>
        {value}
      </Text>
      {hint && (
        <Text fz="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  )
}

function Totals({ s }: { s: TaskSummary }) {
  const r = s.region
  const shares = taskShares(r)
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
      <Tile
        label="Mandatory complete"
        value={formatShare(shares.mandatory, 0)}
        hint={`${formatInt(r.mandatoryCompleted)} of ${formatInt(r.mandatoryApplicable)} · ${formatInt(r.partners)} partners`}
        tip={taskCompletionDefinition}
      />
      <Tile
        label="All tasks complete"
        value={formatShare(shares.all, 0)}
        hint={`${formatInt(r.mandatoryCompleted + r.optionalCompleted)} of ${formatInt(r.mandatoryApplicable + r.optionalApplicable)}`}
        tip={taskCompletionDefinition}
      />
      <Tile
        label="On time"
        value={formatShare(shares.onTime, 0)}
        hint={`${formatInt(r.mandatoryCompletedOnTime)} mandatory on or before the expected date`}
        tip={taskOnTimeDefinition}
      />
      <Tile
        label="Overdue"
        value={formatInt(r.mandatoryOverdue)}
        hint="mandatory, past the expected date"
        tip={taskOverdueDefinition}
      />
    </SimpleGrid>
  )
}

function ByFpm({ s }: { s: TaskSummary }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label="Task completion per FPM">
      <Title order={2} fz="lg" mb="sm">
        Per FPM
      </Title>
      <Table fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>FPM</Table.Th>
            <Table.Th ta="right">Partners</Table.Th>
            <Table.Th>Mandatory</Table.Th>
            <Table.Th>All</Table.Th>
            <Table.Th ta="right">Overdue</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {s.byFpm.map((f) => (
            <Table.Tr key={f.fpmUserId ?? 'none'}>
              <Table.Td>{f.fpmName ?? 'No FPM'}</Table.Td>
              <Table.Td ta="right">{formatInt(f.partners)}</Table.Td>
              <Table.Td>
                <Share done={f.mandatoryCompleted} of={f.mandatoryApplicable} />
              </Table.Td>
              <Table.Td>
                <Share
                  done={f.mandatoryCompleted + f.optionalCompleted}
                  of={f.mandatoryApplicable + f.optionalApplicable}
                />
              </Table.Td>
              <Table.Td ta="right" c={f.mandatoryOverdue > 0 ? 'red.7' : undefined}>
                {formatInt(f.mandatoryOverdue)}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={600}>
            <Table.Td>Total</Table.Td>
            <Table.Td ta="right">{formatInt(s.region.partners)}</Table.Td>
            <Table.Td>
              <Share done={s.region.mandatoryCompleted} of={s.region.mandatoryApplicable} />
            </Table.Td>
            <Table.Td>
              <Share
                done={s.region.mandatoryCompleted + s.region.optionalCompleted}
                of={s.region.mandatoryApplicable + s.region.optionalApplicable}
              />
            </Table.Td>
            <Table.Td ta="right">{formatInt(s.region.mandatoryOverdue)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

type Kind = 'all' | 'partner' | 'engagement'

function OverdueList() {
  const { user } = usePermissions()
  const showFpm = user.role !== 'fpm'
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(25)
  const [kind, setKind] = useState<Kind>('all')
  const q = useOverdueTasks({ page, pageSize, appliesTo: kind === 'all' ? undefined : kind })
  const d = q.data
  return (
    <Paper withBorder p="lg" component="section" aria-label="Overdue tasks" data-testid="overdue-tasks">
      <Group justify="space-between" mb="sm">
        <Group gap={6}>
          <Title order={2} fz="lg">
            Overdue mandatory tasks
          </Title>
          <InfoTip label="Overdue tasks" text={taskOverdueDefinition} />
        </Group>
        <SegmentedControl
          size="xs"
          value={kind}
          onChange={(v) => {
            setKind(v as Kind)
            setPage(1)
          }}
          data={[
            { value: 'all', label: 'All' },
            { value: 'partner', label: 'Onboarding' },
            { value: 'engagement', label: 'Engagements' },
          ]}
          aria-label="Which tasks"
        />
      </Group>
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {!d && !q.isError && <Skeleton h={200} />}
      {d && (
        <>
          <Table fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Partner</Table.Th>
                <Table.Th>Customer · workload</Table.Th>
                <Table.Th>Task</Table.Th>
                <Table.Th>Expected</Table.Th>
                <Table.Th ta="right">Days overdue</Table.Th>
                {showFpm && <Table.Th>FPM</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.items.map((i) => (
                <Table.Tr key={`${i.taskId}-${i.partnerId}-${i.engagementId}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/partners/${i.partnerId}`} fz="sm">
                      {i.partnerName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {i.customerId ? (
                      <>
                        <Anchor component={Link} to={`/customers/${i.customerId}`} fz="sm">
                          {i.customerName}
                        </Anchor>
                        <Text span fz="xs" c="dimmed">
                          {' '}
                          · {workloadName(i.workloadCode ?? '')}
                        </Text>
                      </>
                    ) : (
                      <Text span fz="xs" c="dimmed">
                        Onboarding
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {i.code} {i.name}
                  </Table.Td>
                  <Table.Td>{formatDate(i.expectedOn)}</Table.Td>
                  <Table.Td ta="right" c="red.7">
                    {formatInt(i.daysOverdue)}
                  </Table.Td>
                  {showFpm && <Table.Td>{i.fpmName ?? '—'}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {d.total === 0 && (
            <Text fz="sm" c="dimmed" mt="xs">
              No overdue mandatory tasks.
            </Text>
          )}
          {d.total > 0 && (
            <ListFooter
              total={d.total}
              page={page}
              pageSize={pageSize}
              onPage={setPage}
              onPageSize={(n) => {
                setPageSize(n)
                setPage(1)
              }}
              noun="tasks"
            />
          )}
        </>
      )}
    </Paper>
  )
}

/** /tasks: completion to date (totals, per FPM) and the overdue mandatory tasks to chase. */
export function TasksPage() {
  const summary = useTaskSummary({})
  return (
    <>
      <PageHeader
        title="Milestones & tasks"
        description="Onboarding and FTOP milestone tasks of the partners you may see."
        actions={
          <Button component={Link} to="/tasks/catalogue" variant="default">
            Task catalogue
          </Button>
        }
      />
      <Stack gap="md">
        {summary.isError && <QueryError error={summary.error} onRetry={() => summary.refetch()} />}
        {!summary.data && !summary.isError && <Skeleton h={100} />}
        {summary.data && <Totals s={summary.data} />}
        {summary.data && <ByFpm s={summary.data} />}
        <OverdueList />
      </Stack>
    </>
  )
}
