import { Sparkline } from '@mantine/charts'
import { ActionIcon, Anchor, Badge, Group, Menu, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core'
import {
  IconArchive,
  IconCircleCheck,
  IconDots,
  IconPencil,
  IconRestore,
  IconStack2,
} from '@tabler/icons-react'
import { Link } from 'react-router'
import type { Engagement } from '#shared/contracts/customers'
import { workloadName } from '#shared/domain/workloads'
import { ActivePct } from '../../components/ActivePct'
import { ArchivedBadge, IntentBadge, PhaseBadge } from '../../components/badges'
import { EmptyRows } from '../../components/EmptyRows'
import { formatInt } from '../../lib/format'

type Props = {
  engagements: Engagement[]
  canEdit: boolean
  onEdit: (e: Engagement) => void
  onArchive: (e: Engagement) => void
  onAdd?: () => void
}

const pctSeries = (e: Engagement) =>
  e.usage.map((u) => (u.licensedUsers > 0 ? (u.activeUsers * 100) / u.licensedUsers : null))

export function EngagementsTable({ engagements, canEdit, onEdit, onArchive, onAdd }: Props) {
  const columns = canEdit ? 9 : 8
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table aria-label="Workloads">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Workload</Table.Th>
            <Table.Th>Partner</Table.Th>
            <Table.Th>Intent status</Table.Th>
            <Table.Th>Phase</Table.Th>
            <Table.Th>CPOR claim</Table.Th>
            <Table.Th className="numeric">Licensed / active</Table.Th>
            <Table.Th>Active %</Table.Th>
            <Table.Th>Trend</Table.Th>
            {canEdit && (
              <Table.Th w={48}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        {engagements.length === 0 ? (
          <EmptyRows
            columns={columns}
            icon={<IconStack2 size={22} />}
            title="No workloads yet"
            description="Add the workloads the partner is onboarding, or import the portfolio."
            action={onAdd ? { label: 'Add workload', onClick: onAdd } : undefined}
          />
        ) : (
          <Table.Tbody>
            {engagements.map((e) => {
              const series = pctSeries(e)
              return (
                <Table.Tr key={e.id} opacity={e.archived ? 0.55 : 1}>
                  <Table.Td className="wrap" maw={200}>
                    <Group gap={6}>
                      <Text fz="sm" fw={600}>
                        {workloadName(e.workloadCode)}
                      </Text>
                      {e.archived && <ArchivedBadge size="xs" />}
                    </Group>
                  </Table.Td>
                  <Table.Td className="wrap" maw={180}>
                    <Anchor component={Link} to={`/partners/${e.partnerId}`} fz="sm">
                      {e.partnerName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <IntentBadge status={e.intentStatus} />
                  </Table.Td>
                  <Table.Td>
                    <PhaseBadge phase={e.phase} />
                  </Table.Td>
                  <Table.Td>
                    {e.claimed ? (
                      <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={12} />}>
                        Claimed
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="outline">
                        Not claimed
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td className="numeric">
                    {formatInt(e.licensedUsers)}
                    <Text span c="dimmed" fz="sm">
                      {' / '}
                    </Text>
                    {formatInt(e.activeUsers)}
                  </Table.Td>
                  <Table.Td>
                    <ActivePct pct={e.activePct} delta={e.activePctDelta} width={124} />
                  </Table.Td>
                  <Table.Td>
                    {series.length > 1 ? (
                      <Tooltip label={`Active % over ${series.length} snapshots`}>
                        <div>
                          <Sparkline
                            w={100}
                            h={28}
                            data={series}
                            curveType="monotone"
                            trendColors={{ positive: 'teal.6', negative: 'red.6', neutral: 'gray.5' }}
                            fillOpacity={0.2}
                            aria-label={`Active % trend of ${workloadName(e.workloadCode)}`}
                          />
                        </div>
                      </Tooltip>
                    ) : (
                      <Text fz="xs" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Menu position="bottom-end">
                        <Menu.Target>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={`Actions for ${workloadName(e.workloadCode)} with ${e.partnerName}`}
                          >
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {!e.archived && (
                            <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => onEdit(e)}>
                              Edit status and phase
                            </Menu.Item>
                          )}
                          <Menu.Item
                            leftSection={e.archived ? <IconRestore size={14} /> : <IconArchive size={14} />}
                            color={e.archived ? undefined : 'red'}
                            onClick={() => onArchive(e)}
                          >
                            {e.archived ? 'Restore' : 'Archive'}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  )}
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  )
}
