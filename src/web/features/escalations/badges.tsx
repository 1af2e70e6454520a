import { Badge, Text, Tooltip } from '@mantine/core'
import type { Escalation } from '#shared/contracts/escalations'
import {
  type EscalationStatus,
  escalationStatusLabel,
  type Severity,
  severityLabel,
} from '#shared/domain/escalations'
import { formatDateTime, formatRelative } from '../../lib/format'

const severityColor: Record<Severity, string> = {
  critical: 'red',
  high: 'orange',
  medium: 'yellow',
  low: 'gray',
}
const statusColor: Record<EscalationStatus, string> = {
  open: 'blue',
  in_progress: 'violet',
  resolved: 'teal',
  closed: 'gray',
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge color={severityColor[severity]} variant={severity === 'critical' ? 'filled' : 'light'} size="sm">
      {severityLabel[severity]}
    </Badge>
  )
}

export function EscalationStatusBadge({ status }: { status: EscalationStatus }) {
  return (
    <Badge color={statusColor[status]} variant="light" size="sm">
      {escalationStatusLabel[status]}
    </Badge>
  )
}

/** The SLA state: breached in red, at risk in orange, else when it is due; after resolution, whether it was met. */
export function SlaBadge({ escalation }: { escalation: Escalation }) {
  const { sla, resolvedAt } = escalation
  const pct = `${Math.round(sla.elapsedShare * 100)} % of ${sla.hours} h`
  const tip = `Due ${formatDateTime(sla.dueAt)} · ${pct}${resolvedAt ? ' (clock stopped at resolution)' : ''}`
  if (resolvedAt)
    return (
      <Tooltip label={tip}>
        <Text fz="sm" c={sla.state === 'breached' ? 'red.7' : 'dimmed'}>
          {sla.state === 'breached' ? 'Resolved late' : 'Resolved in time'}
        </Text>
      </Tooltip>
    )
  if (sla.state === 'on_track')
    return (
      <Tooltip label={tip}>
        <Text fz="sm">Due {formatRelative(sla.dueAt)}</Text>
      </Tooltip>
    )
  return (
    <Tooltip label={tip}>
      <Badge color={sla.state === 'breached' ? 'red' : 'orange'} variant="filled" size="sm">
        {sla.state === 'breached'
          ? `Breached ${formatRelative(sla.dueAt)}`
          : `At risk · due ${formatRelative(sla.dueAt)}`}
      </Badge>
    </Tooltip>
  )
}
