import { Anchor, Badge, Table, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { Escalation } from '#shared/contracts/escalations'
import { escalationCategoryLabel, escalationTargetLabel } from '#shared/domain/escalations'
import { EmptyRows } from '../../components/EmptyRows'
import { TableSkeleton } from '../../components/TableSkeleton'
import { formatDate } from '../../lib/format'
import { EscalationStatusBadge, SeverityBadge, SlaBadge } from './badges'

type Props = {
  items: Escalation[] | undefined
  loading: boolean
  dimmed?: boolean
  empty: { title: string; description?: ReactNode; action?: { label: string; onClick: () => void } }
}

/** Escalations, most urgent first: severity, SLA state (breached red, at risk orange), status and owner. */
export function EscalationsTable({ items, loading, dimmed, empty }: Props) {
  const columns = 8
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table highlightOnHover stickyHeader aria-label="Escalations" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Escalation</Table.Th>
            <Table.Th>Partner · customer</Table.Th>
            <Table.Th>Severity</Table.Th>
            <Table.Th>Category</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>SLA</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Raised</Table.Th>
          </Table.Tr>
        </Table.Thead>
        {loading || !items ? (
          <TableSkeleton columns={columns} rows={6} />
        ) : items.length === 0 ? (
          <EmptyRows columns={columns} icon={<IconAlertTriangle size={22} />} {...empty} />
        ) : (
          <Table.Tbody style={{ opacity: dimmed ? 0.6 : 1 }}>
            {items.map((e) => (
              <Table.Tr key={e.id} data-testid={`escalation-${e.id}`}>
                <Table.Td className="wrap" miw={220}>
                  <Anchor component={Link} to={`/escalations/${e.id}`} fw={600} fz="sm">
                    {e.title}
                  </Anchor>
                  {e.escalatedTo && (
                    <Badge ml={6} size="xs" variant="outline" color="grape">
                      → {escalationTargetLabel[e.escalatedTo]}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td className="wrap" miw={160}>
                  <Anchor component={Link} to={`/partners/${e.partnerId}`} fz="sm">
                    {e.partnerName}
                  </Anchor>
                  {e.customerName && (
                    <Text fz="xs" c="dimmed">
                      {e.customerName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <SeverityBadge severity={e.severity} />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{escalationCategoryLabel[e.category]}</Text>
                </Table.Td>
                <Table.Td>
                  <EscalationStatusBadge status={e.status} />
                </Table.Td>
                <Table.Td>
                  <SlaBadge escalation={e} />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{e.ownerName}</Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{formatDate(e.raisedAt.slice(0, 10))}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  )
}
