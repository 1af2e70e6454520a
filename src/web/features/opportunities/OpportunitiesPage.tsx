import { Button, Group, Paper, SegmentedControl, Select } from '@mantine/core'
import { IconX } from '@tabler/icons-react'
import { useState } from 'react'
import type { OpportunityItem } from '#shared/contracts/opportunities'
import { workloadCatalog } from '#shared/domain/workloads'
import { ListFooter } from '../../components/ListFooter'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { useListParams } from '../../lib/useListParams'
import { usePermissions } from '../auth/session'
import { PartnerSelect } from '../partners/PartnerSelect'
import { useOpportunities, useOpportunityRules } from './api'
import { OpportunitiesTable } from './OpportunitiesTable'
import { OpportunityHistoryModal } from './OpportunityHistoryModal'
import { OpportunityStateModal } from './OpportunityStateModal'

export function OpportunitiesPage() {
  const { canWrite } = usePermissions()
  const { values, page, pageSize, set } = useListParams({
    partnerId: '',
    customerId: '',
    workload: '',
    rule: '',
    state: 'open',
    sort: 'rule',
    order: 'desc',
  })
  const { order: _order, ...query } = values
  const opportunities = useOpportunities({ ...query, page, pageSize })
  const rules = useOpportunityRules()
  const [changing, setChanging] = useState<{
    opportunity: OpportunityItem
    action: 'dismiss' | 'snooze'
  } | null>(null)
  const [history, setHistory] = useState<OpportunityItem | null>(null)
  const filtered = Boolean(values.partnerId || values.customerId || values.workload || values.rule)
  const rule = rules.data?.items.find((r) => r.id === values.rule)

  return (
    <>
      <PageHeader
        title="Opportunities"
        description={
          rule
            ? `${rule.description} Ranked by ${rule.unit}.`
            : 'What the rules found in the portfolio you can see, each with its reason and evidence. Each rule ranks by its own unit: pick a rule to compare like with like.'
        }
      />
      <Paper withBorder p="md">
        <Group gap="sm" mb="md" wrap="wrap">
          <Select
            aria-label="Rule"
            placeholder="Any rule"
            data={(rules.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }))}
            value={values.rule || null}
            onChange={(v) => set({ rule: v })}
            clearable
            w={230}
          />
          <PartnerSelect
            aria-label="Partner"
            placeholder="Any partner"
            value={values.partnerId ? Number(values.partnerId) : null}
            onChange={(id) => set({ partnerId: id })}
            w={230}
          />
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
            aria-label="Sort"
            data={[
              { value: 'rule', label: 'By rule, then value' },
              { value: 'value', label: 'Highest value first' },
              { value: 'customer', label: 'Customer name' },
              { value: 'foundAt', label: 'Newest first' },
            ]}
            value={values.sort}
            onChange={(v) => v && set({ sort: v })}
            allowDeselect={false}
            w={190}
          />
          {values.customerId && (
            <Button
              variant="light"
              size="xs"
              rightSection={<IconX size={14} />}
              onClick={() => set({ customerId: '' })}
              aria-label="Clear the customer filter"
            >
              {opportunities.data?.items[0]?.customerName ?? 'One customer'}
            </Button>
          )}
          <SegmentedControl
            ml="auto"
            aria-label="State"
            data={[
              { value: 'open', label: 'Open' },
              { value: 'snoozed', label: 'Snoozed' },
              { value: 'dismissed', label: 'Dismissed' },
              { value: 'all', label: 'All' },
            ]}
            value={values.state}
            onChange={(v) => set({ state: v })}
          />
        </Group>
        {opportunities.isError ? (
          <QueryError error={opportunities.error} onRetry={() => opportunities.refetch()} />
        ) : (
          <OpportunitiesTable
            items={opportunities.data?.items}
            loading={opportunities.isPending}
            dimmed={opportunities.isPlaceholderData}
            canWrite={canWrite}
            onDismiss={(opportunity) => setChanging({ opportunity, action: 'dismiss' })}
            onSnooze={(opportunity) => setChanging({ opportunity, action: 'snooze' })}
            onHistory={setHistory}
            empty={
              filtered
                ? {
                    title: 'No opportunity matches',
                    description: 'Try another rule or clear the filters.',
                    action: {
                      label: 'Clear filters',
                      onClick: () => set({ partnerId: '', customerId: '', workload: '', rule: '' }),
                    },
                  }
                : {
                    title: values.state === 'open' ? 'No open opportunities' : 'Nothing here',
                    description:
                      'Opportunities are found after every import and edit, from the newest usage data.',
                  }
            }
          />
        )}
        {opportunities.data && (
          <ListFooter
            total={opportunities.data.total}
            page={page}
            pageSize={pageSize}
            onPage={(p) => set({ page: p })}
            onPageSize={(s) => set({ pageSize: s })}
            noun={opportunities.data.total === 1 ? 'opportunity' : 'opportunities'}
          />
        )}
      </Paper>
      <OpportunityStateModal target={changing} onClose={() => setChanging(null)} />
      <OpportunityHistoryModal opportunity={history} onClose={() => setHistory(null)} />
    </>
  )
}
