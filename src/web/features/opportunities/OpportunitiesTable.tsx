import { ActionIcon, Anchor, Badge, Menu, Table, Text, Tooltip } from '@mantine/core'
import {
  IconBell,
  IconBulb,
  IconChecklist,
  IconDots,
  IconHistory,
  IconRestore,
  IconX,
} from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { type OpportunityItem, opportunityStateLabel } from '#shared/contracts/opportunities'
import { workloadName } from '#shared/domain/workloads'
import { EmptyRows } from '../../components/EmptyRows'
import { TableSkeleton } from '../../components/TableSkeleton'
import { formatDate, formatInt } from '../../lib/format'
import { notifySaved, showServerError } from '../../lib/forms'
import { useChangeOpportunity } from './api'

/** Keeps "8.2 %" on one line. */
export const readable = (reason: string) => reason.replaceAll(' %', '\u00a0%')

export const stateColor = { open: 'blue', snoozed: 'yellow', dismissed: 'gray' } as const

type Props = {
  items: OpportunityItem[] | undefined
  loading: boolean
  dimmed?: boolean
  canWrite: boolean
  onDismiss: (o: OpportunityItem) => void
  onSnooze: (o: OpportunityItem) => void
  onHistory: (o: OpportunityItem) => void
  empty: { title: string; description?: ReactNode; action?: { label: string; onClick: () => void } }
}

/** The ranked opportunities: who, what, why (with numbers) and how much, with their actions. */
export function OpportunitiesTable({
  items,
  loading,
  dimmed,
  canWrite,
  onDismiss,
  onSnooze,
  onHistory,
  empty,
}: Props) {
  const change = useChangeOpportunity()
  const columns = 8
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table highlightOnHover stickyHeader aria-label="Opportunities" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Customer</Table.Th>
            <Table.Th>Partner</Table.Th>
            <Table.Th>Workload</Table.Th>
            <Table.Th>Rule</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th className="numeric">Value</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th aria-label="Actions" w={48} />
          </Table.Tr>
        </Table.Thead>
        {loading || !items ? (
          <TableSkeleton columns={columns} rows={6} />
        ) : items.length === 0 ? (
          <EmptyRows columns={columns} icon={<IconBulb size={22} />} {...empty} />
        ) : (
          <Table.Tbody style={{ opacity: dimmed ? 0.6 : 1 }}>
            {items.map((o) => {
              const editable = canWrite && o.canEdit
              return (
                <Table.Tr key={o.id} data-testid={`opportunity-${o.id}`}>
                  <Table.Td className="wrap" miw={140}>
                    <Anchor component={Link} to={`/customers/${o.customerId}`} fw={600} fz="sm">
                      {o.customerName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td className="wrap" miw={120}>
                    <Anchor component={Link} to={`/partners/${o.partnerId}`} fz="sm">
                      {o.partnerName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">{o.workloadCode ? workloadName(o.workloadCode) : 'All workloads'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="trellis" size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {o.ruleTitle}
                    </Badge>
                  </Table.Td>
                  <Table.Td className="wrap" miw={280}>
                    <Text fz="sm">{readable(o.reason)}</Text>
                  </Table.Td>
                  <Table.Td className="numeric">
                    <Text fz="sm" fw={600} className="numeric">
                      {formatInt(o.value)}
                    </Text>
                    <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {o.unit}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip
                      label={o.stateReason ?? ''}
                      disabled={!o.stateReason}
                      withArrow
                      multiline
                      maw={280}
                    >
                      <Badge variant="light" color={stateColor[o.state]} size="sm">
                        {opportunityStateLabel[o.state]}
                        {o.snoozedUntil ? ` · ${formatDate(o.snoozedUntil)}` : ''}
                      </Badge>
                    </Tooltip>
                    {o.actionItem && (
                      <Tooltip label={o.actionItem.title} withArrow multiline maw={280}>
                        <Badge
                          component={Link}
                          to="/my-week"
                          variant="outline"
                          color={o.actionItem.status === 'done' ? 'teal' : 'blue'}
                          size="sm"
                          mt={4}
                          leftSection={<IconChecklist size={12} />}
                          style={{ cursor: 'pointer', whiteSpace: 'nowrap' }}
                        >
                          {o.actionItem.status === 'open' && o.actionItem.dueOn
                            ? `Action · due ${formatDate(o.actionItem.dueOn)}`
                            : `Action · ${o.actionItem.status}`}
                        </Badge>
                      </Tooltip>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${o.reason}`}>
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {editable && o.state === 'open' && (
                          <>
                            {o.actionItem === null && (
                              <Menu.Item
                                leftSection={<IconChecklist size={14} />}
                                onClick={() =>
                                  change.mutate(
                                    { id: o.id, action: 'action' },
                                    {
                                      onSuccess: (saved) =>
                                        notifySaved(
                                          `Action item created for you, due ${formatDate(saved.actionItem?.dueOn ?? '')}`,
                                        ),
                                      onError: (e) => showServerError(e),
                                    },
                                  )
                                }
                              >
                                Turn into an action item
                              </Menu.Item>
                            )}
                            <Menu.Item leftSection={<IconBell size={14} />} onClick={() => onSnooze(o)}>
                              Snooze…
                            </Menu.Item>
                            <Menu.Item
                              leftSection={<IconX size={14} />}
                              color="red"
                              onClick={() => onDismiss(o)}
                            >
                              Dismiss…
                            </Menu.Item>
                          </>
                        )}
                        {editable && o.state !== 'open' && (
                          <Menu.Item
                            leftSection={<IconRestore size={14} />}
                            onClick={() =>
                              change.mutate(
                                { id: o.id, action: 'reopen' },
                                {
                                  onSuccess: () => notifySaved('Opportunity reopened'),
                                  onError: (e) => showServerError(e),
                                },
                              )
                            }
                          >
                            Reopen
                          </Menu.Item>
                        )}
                        <Menu.Item leftSection={<IconHistory size={14} />} onClick={() => onHistory(o)}>
                          History
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  )
}
