import { Anchor, Group, Paper, SegmentedControl, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { Link } from 'react-router'
import type { TaskInstance } from '#shared/contracts/tasks'
import { taskCompletionDefinition, taskOverdueDefinition } from '#shared/domain/metrics'
import { workloadName } from '#shared/domain/workloads'
import { ListFooter } from '../../components/ListFooter'
import { QueryError } from '../../components/QueryError'
import { formatDate, formatInt } from '../../lib/format'
import { InfoTip } from '../health/HealthBand'
import { usePartnerTasks } from './api'
import { CompleteTaskModal } from './CompleteTaskModal'
import { CompletionCell, Share, TaskStateBadge } from './TaskBits'

type Show = 'open' | 'overdue' | 'done' | 'all'

/** The partner page's milestones and tasks: onboarding checklist, engagement tasks, instances to complete. */
export function PartnerTasksCard({ partnerId }: { partnerId: number }) {
  const [show, setShow] = useState<Show>('overdue')
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(10)
  const [completing, setCompleting] = useState<TaskInstance | null>(null)
  const q = usePartnerTasks(partnerId, { show, page, pageSize })
  const d = q.data
  const t = d?.totals
  return (
    <Paper
      withBorder
      p="lg"
      component="section"
      aria-label="Milestones and tasks"
      data-testid="partner-tasks"
    >
      <Group gap={6} mb="sm">
        <Title order={2} fz="lg">
          Milestones &amp; tasks
        </Title>
        <InfoTip label="Task completion" text={taskCompletionDefinition} />
        {t && (
          <Group gap="lg" ml="auto">
            <Text fz="sm">
              Mandatory <Share done={t.mandatoryCompleted} of={t.mandatoryApplicable} />
            </Text>
            <Text fz="sm">
              All{' '}
              <Share
                done={t.mandatoryCompleted + t.optionalCompleted}
                of={t.mandatoryApplicable + t.optionalApplicable}
              />
            </Text>
            <Group gap={4}>
              <Text
                fz="sm"
                c={t.mandatoryOverdue > 0 ? 'red.7' : undefined}
                fw={t.mandatoryOverdue > 0 ? 600 : 400}
              >
                {formatInt(t.mandatoryOverdue)} overdue
              </Text>
              <InfoTip label="Overdue tasks" text={taskOverdueDefinition} />
            </Group>
          </Group>
        )}
      </Group>
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {!d && !q.isError && <Skeleton h={160} />}
      {d && (
        <Stack gap="lg">
          <div>
            <Title order={3} fz="md" mb={4}>
              Onboarding checklist
            </Title>
            <Table fz="sm" aria-label="Onboarding checklist">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Task</Table.Th>
                  <Table.Th>Expected</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Completion</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.onboarding.map((i) => (
                  <Table.Tr key={i.taskId} bg={i.state === 'overdue' ? 'red.0' : undefined}>
                    <Table.Td>
                      {i.name}
                      {!i.mandatory && (
                        <Text span c="dimmed" fz="xs">
                          {' '}
                          (optional)
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(i.expectedOn)}</Table.Td>
                    <Table.Td>
                      <TaskStateBadge state={i.state} />
                    </Table.Td>
                    <Table.Td>
                      <CompletionCell instance={i} canEdit={d.canEdit} onComplete={setCompleting} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {d.onboarding.length === 0 && (
              <Text fz="sm" c="dimmed">
                No onboarding tasks in the catalogue.
              </Text>
            )}
          </div>
          <div>
            <Title order={3} fz="md" mb={4}>
              Engagement tasks
            </Title>
            <Table fz="sm" aria-label="Engagement tasks">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Task</Table.Th>
                  <Table.Th>Completed</Table.Th>
                  <Table.Th ta="right">Overdue</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.engagementTasks.map((x) => (
                  <Table.Tr key={x.taskId}>
                    <Table.Td>
                      {x.code} {x.name}
                      {!x.mandatory && (
                        <Text span c="dimmed" fz="xs">
                          {' '}
                          (optional)
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Share done={x.completed} of={x.applicable} />
                    </Table.Td>
                    <Table.Td ta="right" c={x.overdue > 0 ? 'red.7' : undefined}>
                      {formatInt(x.overdue)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          <div>
            <Group justify="space-between" mb={4}>
              <Title order={3} fz="md">
                Per engagement
              </Title>
              <SegmentedControl
                size="xs"
                value={show}
                onChange={(v) => {
                  setShow(v as Show)
                  setPage(1)
                }}
                data={[
                  { value: 'overdue', label: 'Overdue' },
                  { value: 'open', label: 'Not done' },
                  { value: 'done', label: 'Done' },
                  { value: 'all', label: 'All' },
                ]}
                aria-label="Which engagement tasks"
              />
            </Group>
            <Table fz="sm" aria-label="Engagement task instances">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Customer</Table.Th>
                  <Table.Th>Workload</Table.Th>
                  <Table.Th>Task</Table.Th>
                  <Table.Th>Expected</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Completion</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.engagements.items.map((i) => (
                  <Table.Tr
                    key={`${i.taskId}-${i.engagementId}`}
                    bg={i.state === 'overdue' ? 'red.0' : undefined}
                  >
                    <Table.Td>
                      <Anchor component={Link} to={`/customers/${i.customerId}`} fz="sm">
                        {i.customerName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{workloadName(i.workloadCode ?? '')}</Table.Td>
                    <Table.Td>
                      {i.code} {i.name}
                    </Table.Td>
                    <Table.Td>{formatDate(i.expectedOn)}</Table.Td>
                    <Table.Td>
                      <TaskStateBadge state={i.state} />
                    </Table.Td>
                    <Table.Td>
                      <CompletionCell instance={i} canEdit={d.canEdit} onComplete={setCompleting} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {d.engagements.total === 0 && (
              <Text fz="sm" c="dimmed" mt="xs">
                Nothing here.
              </Text>
            )}
            {d.engagements.total > 0 && (
              <ListFooter
                total={d.engagements.total}
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
          </div>
        </Stack>
      )}
      <CompleteTaskModal instance={completing} onClose={() => setCompleting(null)} />
    </Paper>
  )
}
