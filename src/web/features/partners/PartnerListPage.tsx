import {
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Table,
  Text,
  ThemeIcon,
  Tooltip,
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconBuildingCommunity, IconCheck, IconPlus } from '@tabler/icons-react'
import { Link, useNavigate } from 'react-router'
import { healthBandLabel, healthBands } from '#shared/contracts/analytics'
import type { PartnerStatus } from '#shared/domain/portfolio'
import { HealthBadge, PartnerStatusBadge } from '../../components/badges'
import { EmptyRows } from '../../components/EmptyRows'
import { ListFooter } from '../../components/ListFooter'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { RegionFpmFilters } from '../../components/RegionFpmFilters'
import { SearchInput } from '../../components/SearchInput'
import { SortableTh } from '../../components/SortableTh'
import { TableSkeleton } from '../../components/TableSkeleton'
import { formatDateTime, formatInt, formatRelative } from '../../lib/format'
import { useListParams } from '../../lib/useListParams'
import { usePermissions } from '../auth/session'
import { usePartnerStatusCounts, usePartners } from './api'
import { PartnerFormModal } from './PartnerFormModal'
import { StatusTabs } from './StatusTabs'

export function PartnerListPage() {
  const { user, canWrite } = usePermissions()
  const navigate = useNavigate()
  const [creating, { open, close }] = useDisclosure()
  const { values, page, pageSize, set, toggleSort } = useListParams({
    q: '',
    status: '',
    regionId: '',
    fpmUserId: '',
    band: '',
    archived: 'false',
    sort: 'name',
    order: 'asc',
  })
  // Leads and partner managers work in one region: the column would repeat it on every row.
  const showRegionColumn = user.role === 'admin' || user.role === 'viewer' || user.role === 'sme'
  const columns = showRegionColumn ? 9 : 8
  const partners = usePartners({ ...values, page, pageSize })
  const { status: _, sort: _s, order: _o, ...countFilters } = values
  const statusCounts = usePartnerStatusCounts(countFilters)
  const filtered = Boolean(values.q || values.status || values.regionId || values.fpmUserId)
  const sortProps = { sort: values.sort, order: values.order, onSort: toggleSort }

  return (
    <>
      <PageHeader
        title="Partners"
        description={
          user.role === 'fpm'
            ? 'The partners you manage'
            : user.role === 'lead'
              ? `Partners of ${user.regionName ?? 'your region'}`
              : 'Partner organisations delivering FastTrack onboarding'
        }
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              New partner
            </Button>
          )
        }
      />

      <Paper withBorder p="md">
        <Group gap="sm" mb="md" wrap="wrap">
          <SearchInput
            value={values.q}
            onSearch={(q) => set({ q })}
            placeholder="Search name or partner ID"
            aria-label="Search partners"
            w={280}
          />
          <RegionFpmFilters regionId={values.regionId} fpmUserId={values.fpmUserId} onChange={set} />
          <Select
            aria-label="Health"
            placeholder="Any health"
            data={healthBands.map((b) => ({ value: b, label: healthBandLabel[b] }))}
            value={values.band || null}
            onChange={(v) => set({ band: v })}
            clearable
            w={150}
          />
          <SegmentedControl
            ml="auto"
            aria-label="Active or archived partners"
            data={[
              { value: 'false', label: 'Active' },
              { value: 'true', label: 'Archived' },
            ]}
            value={values.archived}
            onChange={(v) => set({ archived: v })}
            size="sm"
          />
        </Group>

        <StatusTabs
          counts={statusCounts.counts}
          value={(values.status || null) as PartnerStatus | null}
          onChange={(status) => set({ status })}
        />
        {partners.isError ? (
          <QueryError error={partners.error} onRetry={() => partners.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table highlightOnHover stickyHeader aria-label="Partners" aria-busy={partners.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <SortableTh field="name" {...sortProps}>
                    Partner
                  </SortableTh>
                  <SortableTh field="programId" {...sortProps}>
                    Partner ID
                  </SortableTh>
                  <SortableTh field="status" {...sortProps}>
                    Status
                  </SortableTh>
                  <Table.Th>Referral ready</Table.Th>
                  {showRegionColumn && <Table.Th>Region</Table.Th>}
                  <Table.Th>Partner manager</Table.Th>
                  <SortableTh field="health" {...sortProps}>
                    Health
                  </SortableTh>
                  <SortableTh field="customers" numeric {...sortProps}>
                    Customers
                  </SortableTh>
                  <SortableTh field="updatedAt" {...sortProps}>
                    Updated
                  </SortableTh>
                </Table.Tr>
              </Table.Thead>
              {partners.isPending ? (
                <TableSkeleton columns={columns} />
              ) : partners.data.items.length === 0 ? (
                <EmptyRows
                  columns={columns}
                  icon={<IconBuildingCommunity size={22} />}
                  title={
                    filtered
                      ? 'No partner matches'
                      : values.archived === 'true'
                        ? 'No archived partners'
                        : 'No partners yet'
                  }
                  description={
                    filtered
                      ? 'Try another search or clear the filters.'
                      : canWrite && values.archived !== 'true'
                        ? 'Add your first partner, or import a portfolio file.'
                        : undefined
                  }
                  action={
                    filtered
                      ? {
                          label: 'Clear filters',
                          onClick: () => set({ q: '', status: '', regionId: '', fpmUserId: '' }),
                        }
                      : canWrite && values.archived !== 'true'
                        ? { label: 'New partner', onClick: open }
                        : undefined
                  }
                />
              ) : (
                <Table.Tbody style={{ opacity: partners.isPlaceholderData ? 0.6 : 1 }}>
                  {partners.data.items.map((p) => (
                    <Table.Tr key={p.id} className="row-link" onClick={() => navigate(`/partners/${p.id}`)}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/partners/${p.id}`}
                          fw={600}
                          fz="sm"
                          onClick={(e) => e.stopPropagation()}
                        >
                          {p.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td className="mono">{p.programId}</Table.Td>
                      <Table.Td>
                        <PartnerStatusBadge status={p.status} />
                      </Table.Td>
                      <Table.Td>
                        {p.referralReady ? (
                          <Tooltip label="Accepts new referrals">
                            <ThemeIcon
                              size={20}
                              radius="xl"
                              color="teal"
                              variant="light"
                              aria-label="Referral ready"
                            >
                              <IconCheck size={13} />
                            </ThemeIcon>
                          </Tooltip>
                        ) : (
                          <Text fz="xs" c="dimmed">
                            Not ready
                          </Text>
                        )}
                      </Table.Td>
                      {showRegionColumn && <Table.Td>{p.regionName ?? '—'}</Table.Td>}
                      <Table.Td>
                        {p.fpmName ?? (
                          <Text span c="dimmed" fz="sm">
                            Unassigned
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <HealthBadge score={p.healthScore} band={p.healthBand} size="sm" />
                      </Table.Td>
                      <Table.Td className="numeric">{formatInt(p.customers)}</Table.Td>
                      <Table.Td>
                        <Tooltip label={formatDateTime(p.updatedAt)}>
                          <Text span fz="sm" c="dimmed">
                            {formatRelative(p.updatedAt)}
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
        {partners.data && (
          <ListFooter
            total={partners.data.total}
            page={page}
            pageSize={pageSize}
            onPage={(p) => set({ page: p })}
            onPageSize={(s) => set({ pageSize: s })}
            noun={partners.data.total === 1 ? 'partner' : 'partners'}
          />
        )}
      </Paper>

      {canWrite && (
        <PartnerFormModal
          opened={creating}
          onClose={close}
          onCreated={(p) => navigate(`/partners/${p.id}`)}
        />
      )}
    </>
  )
}
