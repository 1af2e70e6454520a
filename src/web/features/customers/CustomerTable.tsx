import { Anchor, Table, Text } from '@mantine/core'
import { IconBuildingStore } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { Link, useNavigate } from 'react-router'
import type { CustomerSummary } from '#shared/contracts/customers'
import { ActivePct } from '../../components/ActivePct'
import { EligibleBadge, HealthBadge } from '../../components/badges'
import { EmptyRows } from '../../components/EmptyRows'
import { SortableTh } from '../../components/SortableTh'
import { TableSkeleton } from '../../components/TableSkeleton'
import { formatInt } from '../../lib/format'

type Props = {
  items: CustomerSummary[] | undefined
  loading: boolean
  dimmed?: boolean
  sort: string
  order: 'asc' | 'desc'
  onSort: (field: string) => void
  /** Hide the primary partner column (on a partner's page). */
  withPartner?: boolean
  empty: { title: string; description?: ReactNode; action?: { label: string; onClick: () => void } }
}

export function CustomerTable({
  items,
  loading,
  dimmed,
  sort,
  order,
  onSort,
  withPartner = true,
  empty,
}: Props) {
  const navigate = useNavigate()
  const columns = withPartner ? 10 : 9
  const sortProps = { sort, order, onSort }
  return (
    <Table.ScrollContainer minWidth={withPartner ? 1000 : 860}>
      <Table highlightOnHover stickyHeader aria-label="Customers">
        <Table.Thead>
          <Table.Tr>
            <SortableTh field="name" {...sortProps}>
              Customer
            </SortableTh>
            <SortableTh field="tpid" {...sortProps}>
              TPID
            </SortableTh>
            <Table.Th>Country</Table.Th>
            {withPartner && <Table.Th>Primary partner</Table.Th>}
            <SortableTh field="seats" numeric {...sortProps}>
              Seats
            </SortableTh>
            <Table.Th>Eligibility</Table.Th>
            <Table.Th className="numeric">Workloads</Table.Th>
            <Table.Th className="numeric">Licensed / active</Table.Th>
            <SortableTh field="activePct" {...sortProps}>
              Active %
            </SortableTh>
            <SortableTh field="health" {...sortProps}>
              Health
            </SortableTh>
          </Table.Tr>
        </Table.Thead>
        {loading || !items ? (
          <TableSkeleton columns={columns} rows={6} />
        ) : items.length === 0 ? (
          <EmptyRows columns={columns} icon={<IconBuildingStore size={22} />} {...empty} />
        ) : (
          <Table.Tbody style={{ opacity: dimmed ? 0.6 : 1 }}>
            {items.map((c) => (
              <Table.Tr key={c.id} className="row-link" onClick={() => navigate(`/customers/${c.id}`)}>
                <Table.Td className="wrap" miw={160}>
                  <Anchor
                    component={Link}
                    to={`/customers/${c.id}`}
                    fw={600}
                    fz="sm"
                    onClick={(e) => e.stopPropagation()}
                  >
                    {c.name}
                  </Anchor>
                </Table.Td>
                <Table.Td className="mono">{c.tpid}</Table.Td>
                <Table.Td>{c.country ?? '—'}</Table.Td>
                {withPartner && (
                  <Table.Td>
                    {c.primaryPartnerId ? (
                      <Anchor
                        component={Link}
                        to={`/partners/${c.primaryPartnerId}`}
                        fz="sm"
                        c="dark"
                        onClick={(e) => e.stopPropagation()}
                      >
                        {c.primaryPartnerName}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                )}
                <Table.Td className="numeric">{formatInt(c.seats)}</Table.Td>
                <Table.Td>
                  <EligibleBadge eligible={c.eligible} size="sm" />
                </Table.Td>
                <Table.Td className="numeric">{c.workloads}</Table.Td>
                <Table.Td className="numeric">
                  {c.licensedUsers === null ? (
                    <Text span c="dimmed" fz="sm">
                      No usage yet
                    </Text>
                  ) : (
                    <>
                      {formatInt(c.licensedUsers)}
                      <Text span c="dimmed" fz="sm">
                        {' / '}
                      </Text>
                      {formatInt(c.activeUsers)}
                    </>
                  )}
                </Table.Td>
                <Table.Td>
                  <ActivePct pct={c.activePct} />
                </Table.Td>
                <Table.Td>
                  <HealthBadge score={c.healthScore} band={c.healthBand} size="sm" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  )
}
