import { Anchor, Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useQueries } from '@tanstack/react-query'
import { useId } from 'react'
import { Link } from 'react-router'
import type { OpportunityItem } from '#shared/contracts/opportunities'
import { workloadName } from '#shared/domain/workloads'
import { api } from '../../api/client'
import { formatInt } from '../../lib/format'
import type { Page } from '../partners/api'
import { opportunityKeys, useOpportunities, useOpportunityRules } from './api'
import { readable } from './OpportunitiesTable'

type Props = { partnerId?: number; customerId?: number }

/**
 * The highest-value open opportunity of each rule for a partner or a customer (values compare only
 * within a rule), linking to the full list.
 */
export function TopOpportunitiesCard({ partnerId, customerId }: Props) {
  const titleId = useId()
  const scope = { partnerId, customerId, state: 'open' }
  const rules = useOpportunityRules()
  const total = useOpportunities({ ...scope, pageSize: 1 })
  const tops = useQueries({
    queries: (rules.data?.items ?? []).map((r) => {
      const params = { ...scope, rule: r.id, sort: 'value', pageSize: 1 }
      return {
        queryKey: opportunityKeys.list(params),
        queryFn: () => api.get<Page<OpportunityItem>>('/opportunities', params),
      }
    }),
  })
  const loading = rules.isPending || total.isPending || tops.some((q) => q.isPending)
  const items = tops.flatMap((q) => q.data?.items ?? [])
  const more = `/opportunities?${partnerId ? `partnerId=${partnerId}` : `customerId=${customerId}`}`
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id={titleId}>
          Top opportunities
        </Title>
        {total.data && total.data.total > 0 && (
          <Anchor component={Link} to={more} fz="sm">
            All {formatInt(total.data.total)} open
          </Anchor>
        )}
      </Group>
      {loading ? (
        <Stack gap="xs">
          <Skeleton h={18} />
          <Skeleton h={18} />
          <Skeleton h={18} />
        </Stack>
      ) : items.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No open opportunity: the rules found nothing to act on here.
        </Text>
      ) : (
        <Stack gap="sm">
          {items.map((o) => (
            <Group key={o.id} gap="sm" wrap="nowrap" align="flex-start">
              <Badge variant="light" color="trellis" size="sm" w={180} style={{ flexShrink: 0 }}>
                {o.ruleTitle}
              </Badge>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text fz="sm">{readable(o.reason)}</Text>
                <Text fz="xs" c="dimmed">
                  {customerId ? o.partnerName : o.customerName}
                  {o.workloadCode ? ` · ${workloadName(o.workloadCode)}` : ''} · {formatInt(o.value)} {o.unit}
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  )
}
