import { Anchor, Group, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { Escalation } from '#shared/contracts/escalations'
import { SeverityBadge, SlaBadge } from './badges'

/** One escalation in a short list: severity, title (a link), what `detail` adds, and its SLA state. */
export function EscalationLine({ escalation: e, detail }: { escalation: Escalation; detail?: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" justify="space-between">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <SeverityBadge severity={e.severity} />
        <Anchor component={Link} to={`/escalations/${e.id}`} fz="sm" truncate>
          {e.title}
        </Anchor>
        {typeof detail === 'string' ? (
          <Text fz="xs" c="dimmed" truncate>
            {detail}
          </Text>
        ) : (
          detail
        )}
      </Group>
      <SlaBadge escalation={e} />
    </Group>
  )
}
