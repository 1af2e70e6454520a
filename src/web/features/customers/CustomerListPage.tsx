import { Button, Group, Paper, SegmentedControl, Select } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconPlus } from '@tabler/icons-react'
import { useNavigate } from 'react-router'
import { healthBandLabel, healthBands } from '#shared/contracts/analytics'
import { phaseLabel, phases } from '#shared/domain/portfolio'
import { workloadCatalog } from '#shared/domain/workloads'
import { ListFooter } from '../../components/ListFooter'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { RegionFpmFilters } from '../../components/RegionFpmFilters'
import { SearchInput } from '../../components/SearchInput'
import { useListParams } from '../../lib/useListParams'
import { usePermissions } from '../auth/session'
import { PartnerSelect } from '../partners/PartnerSelect'
import { useEligibleMinSeats } from '../settings/api'
import { useCustomers } from './api'
import { CustomerFormModal } from './CustomerFormModal'
import { CustomerTable } from './CustomerTable'

export function CustomerListPage() {
  const { canWrite } = usePermissions()
  const minSeats = useEligibleMinSeats()
  const navigate = useNavigate()
  const [creating, { open, close }] = useDisclosure()
  const { values, page, pageSize, set, toggleSort } = useListParams({
    q: '',
    partnerId: '',
    regionId: '',
    fpmUserId: '',
    workload: '',
    phase: '',
    band: '',
    eligible: '',
    archived: 'false',
    sort: 'name',
    order: 'asc',
  })
  const customers = useCustomers({ ...values, page, pageSize })
  const filtered = Boolean(
    values.q ||
      values.partnerId ||
      values.regionId ||
      values.fpmUserId ||
      values.workload ||
      values.eligible ||
      values.phase ||
      values.band,
  )

  return (
    <>
      <PageHeader
        title="Customers"
        description="Customers of the partners you can see, with their latest licensed and active users"
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              New customer
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <Group gap="sm" mb="md" wrap="wrap">
          <SearchInput
            value={values.q}
            onSearch={(q) => set({ q })}
            placeholder="Search name or TPID"
            aria-label="Search customers"
            w={250}
          />
          <PartnerSelect
            aria-label="Partner"
            placeholder="Any partner"
            value={values.partnerId ? Number(values.partnerId) : null}
            onChange={(id) => set({ partnerId: id })}
            w={230}
          />
          <RegionFpmFilters regionId={values.regionId} fpmUserId={values.fpmUserId} onChange={set} />
          <Select
            aria-label="Workload"
            placeholder="Any workload"
            data={workloadCatalog.map((w) => ({ value: w.code, label: w.name }))}
            value={values.workload || null}
            onChange={(v) => set({ workload: v })}
            searchable
            clearable
            w={210}
          />
          <Select
            aria-label="Lifecycle phase"
            placeholder="Any phase"
            data={phases.map((p) => ({ value: p, label: phaseLabel[p] }))}
            value={values.phase || null}
            onChange={(v) => set({ phase: v })}
            clearable
            w={150}
          />
          <Select
            aria-label="Health"
            placeholder="Any health"
            data={healthBands.map((b) => ({ value: b, label: healthBandLabel[b] }))}
            value={values.band || null}
            onChange={(v) => set({ band: v })}
            clearable
            w={150}
          />
          <Select
            aria-label="Eligibility"
            placeholder="Any size"
            data={[
              { value: 'true', label: `Eligible (${minSeats}+ seats)` },
              { value: 'false', label: `Below ${minSeats} seats` },
            ]}
            value={values.eligible || null}
            onChange={(v) => set({ eligible: v })}
            clearable
            w={200}
          />
          <SegmentedControl
            ml="auto"
            aria-label="Active or archived customers"
            data={[
              { value: 'false', label: 'Active' },
              { value: 'true', label: 'Archived' },
            ]}
            value={values.archived}
            onChange={(v) => set({ archived: v })}
          />
        </Group>
        {customers.isError ? (
          <QueryError error={customers.error} onRetry={() => customers.refetch()} />
        ) : (
          <CustomerTable
            items={customers.data?.items}
            loading={customers.isPending}
            dimmed={customers.isPlaceholderData}
            sort={values.sort}
            order={values.order}
            onSort={toggleSort}
            empty={
              filtered
                ? {
                    title: 'No customer matches',
                    description: 'Try another search or clear the filters.',
                    action: {
                      label: 'Clear filters',
                      onClick: () =>
                        set({
                          q: '',
                          partnerId: '',
                          regionId: '',
                          fpmUserId: '',
                          workload: '',
                          eligible: '',
                          phase: '',
                          band: '',
                        }),
                    },
                  }
                : {
                    title: values.archived === 'true' ? 'No archived customers' : 'No customers yet',
                    description:
                      canWrite && values.archived !== 'true'
                        ? 'Add a customer, or import a portfolio file to load many at once.'
                        : undefined,
                    action:
                      canWrite && values.archived !== 'true'
                        ? { label: 'Import a portfolio', onClick: () => navigate('/import') }
                        : undefined,
                  }
            }
          />
        )}
        {customers.data && (
          <ListFooter
            total={customers.data.total}
            page={page}
            pageSize={pageSize}
            onPage={(p) => set({ page: p })}
            onPageSize={(s) => set({ pageSize: s })}
            noun={customers.data.total === 1 ? 'customer' : 'customers'}
          />
        )}
      </Paper>
      {canWrite && (
        <CustomerFormModal
          opened={creating}
          onClose={close}
          onCreated={(c) => navigate(`/customers/${c.id}`)}
        />
      )}
    </>
  )
}
