import { Badge, Loader, Modal, Stack, Text, Timeline } from '@mantine/core'
import { type OpportunityItem, opportunityActionLabel } from '#shared/contracts/opportunities'
import { QueryError } from '../../components/QueryError'
import { formatDate, formatDateTime } from '../../lib/format'
import { useOpportunityHistory } from './api'

const actionColor = { dismissed: 'red', snoozed: 'yellow', reopened: 'green', actioned: 'blue' } as const

/** What users did with an opportunity, newest first. */
export function OpportunityHistoryModal({
  opportunity,
  onClose,
}: {
  opportunity: OpportunityItem | null
  onClose: () => void
}) {
  const history = useOpportunityHistory(opportunity?.id ?? null)
  return (
    <Modal opened={opportunity !== null} onClose={onClose} title="Opportunity history" size="md">
      <Stack>
        <Text fz="sm" c="dimmed">
          {opportunity?.reason}
        </Text>
        {history.isPending ? (
          <Loader size="sm" aria-label="Loading history" />
        ) : history.isError ? (
          <QueryError error={history.error} onRetry={() => history.refetch()} />
        ) : history.data.items.length === 0 ? (
          <Text fz="sm">Nobody has dismissed or snoozed it yet: open since it was found.</Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2} aria-label="History">
            {history.data.items.map((h) => (
              <Timeline.Item
                key={h.id}
                title={
                  <Badge size="sm" variant="light" color={actionColor[h.action]}>
                    {opportunityActionLabel[h.action]}
                    {h.until ? ` until ${formatDate(h.until)}` : ''}
                  </Badge>
                }
              >
                {h.reason && <Text fz="sm">{h.reason}</Text>}
                <Text fz="xs" c="dimmed">
                  {h.userName ?? 'Someone'} · {formatDateTime(h.createdAt)}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </Modal>
  )
}
