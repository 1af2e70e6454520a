import { Button, Group, Paper, SegmentedControl, Select } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconPlus } from '@tabler/icons-react'
import {
  escalationCategories,
  escalationCategoryLabel,
  severities,
  severityLabel,
} from '#shared/domain/escalations'
import { ListFooter } from '../../components/ListFooter'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { useListParams } from '../../lib/useListParams'
import { usePermissions } from '../auth/session'
import { PartnerSelect } from '../partners/PartnerSelect'
import { useEscalations } from './api'
import { EscalationsTable } from './EscalationsTable'
import { RaiseEscalationModal } from './RaiseEscalationModal'
import { ReportCards } from './ReportCards'
import { SlaSettingsCard } from './SlaSettingsCard'

export function EscalationsPage() {
  const { canWrite, isAdmin } = usePermissions()
  const [raising, { open, close }] = useDisclosure()
  const { values, page, pageSize, set } = useListParams({
    status: 'active',
    severity: '',
    category: '',
    partnerId: '',
    owner: '',
    sla: '',
    sort: 'urgency',
    order: 'desc',
  })
  const { order: _o, sort: _s, ...query } = values
  const escalations = useEscalations({ ...query, page, pageSize })
  const filtered = Boolean(
    values.severity || values.category || values.partnerId || values.owner || values.sla,
  )

  return (
    <>
      <PageHeader
        title="Escalations"
        description="Escalations and blockers of the partners you can see, most urgent first: breached SLAs in red, at risk in orange."
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              Raise escalation
            </Button>
          )
        }
      />
      <ReportCards partnerId={values.partnerId ? Number(values.partnerId) : undefined} />
      <Paper withBorder p="md">
        <Group gap="sm" mb="md" wrap="wrap">
          <PartnerSelect
            aria-label="Partner"
            placeholder="Any partner"
            value={values.partnerId ? Number(values.partnerId) : null}
            onChange={(id) => set({ partnerId: id })}
            w={210}
          />
          <Select
            aria-label="Severity"
            placeholder="Any severity"
            data={severities.map((s) => ({ value: s, label: severityLabel[s] }))}
            value={values.severity || null}
            onChange={(v) => set({ severity: v })}
            clearable
            w={150}
          />
          <Select
            aria-label="Category"
            placeholder="Any category"
            data={escalationCategories.map((c) => ({ value: c, label: escalationCategoryLabel[c] }))}
            value={values.category || null}
            onChange={(v) => set({ category: v })}
            clearable
            w={150}
          />
          <Select
            aria-label="SLA"
            placeholder="Any SLA state"
            data={[
              { value: 'breached', label: 'Breached' },
              { value: 'at_risk', label: 'At risk' },
            ]}
            value={values.sla || null}
            onChange={(v) => set({ sla: v })}
            clearable
            w={150}
          />
          <SegmentedControl
            aria-label="Owner"
            data={[
              { value: '', label: 'Everyone' },
              { value: 'me', label: 'Mine' },
            ]}
            value={values.owner}
            onChange={(v) => set({ owner: v })}
          />
          <SegmentedControl
            ml="auto"
            aria-label="Status"
            data={[
              { value: 'active', label: 'Open' },
              { value: 'resolved', label: 'Resolved' },
              { value: 'closed', label: 'Closed' },
              { value: 'all', label: 'All' },
            ]}
            value={values.status}
            onChange={(v) => set({ status: v })}
          />
        </Group>
        {escalations.isError ? (
          <QueryError error={escalations.error} onRetry={() => escalations.refetch()} />
        ) : (
          <EscalationsTable
            items={escalations.data?.items}
            loading={escalations.isPending}
            dimmed={escalations.isPlaceholderData}
            empty={
              filtered
                ? {
                    title: 'No escalation matches',
                    description: 'Try other filters.',
                    action: {
                      label: 'Clear filters',
                      onClick: () => set({ severity: '', category: '', partnerId: '', owner: '', sla: '' }),
                    },
                  }
                : { title: values.status === 'active' ? 'No open escalations' : 'Nothing here' }
            }
          />
        )}
        {escalations.data && (
          <ListFooter
            total={escalations.data.total}
            page={page}
            pageSize={pageSize}
            onPage={(p) => set({ page: p })}
            onPageSize={(s) => set({ pageSize: s })}
            noun={escalations.data.total === 1 ? 'escalation' : 'escalations'}
          />
        )}
      </Paper>
      <SlaSettingsCard canEdit={isAdmin} />
      <RaiseEscalationModal opened={raising} onClose={close} />
    </>
  )
}
