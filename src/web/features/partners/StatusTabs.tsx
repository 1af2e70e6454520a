import { Badge, Group, UnstyledButton } from '@mantine/core'
import { type PartnerStatus, partnerStatuses, partnerStatusLabel } from '#shared/domain/portfolio'
import { partnerStatusColor } from '../../components/badges'
import { formatInt } from '../../lib/format'

type Props = {
  counts: Record<PartnerStatus, number | undefined>
  value: PartnerStatus | null
  onChange: (status: PartnerStatus | null) => void
}

/** The portfolio by status at a glance; a click filters the list to that status. */
export function StatusTabs({ counts, value, onChange }: Props) {
  const total = partnerStatuses.reduce((sum, s) => sum + (counts[s] ?? 0), 0)
  const shown = partnerStatuses.filter((s) => (counts[s] ?? 0) > 0 || s === value)
  const tab = (status: PartnerStatus | null, label: string, count: number, color: string) => {
    const selected = value === status
    return (
      <UnstyledButton
        key={status ?? 'all'}
        onClick={() => onChange(status)}
        aria-pressed={selected}
        px="sm"
        py={6}
        style={{
          borderRadius: 'var(--mantine-radius-md)',
          border: `1px solid ${selected ? `var(--mantine-color-${color}-5)` : 'var(--mantine-color-gray-3)'}`,
          background: selected ? `var(--mantine-color-${color}-0)` : 'var(--mantine-color-white)',
        }}
        fz="sm"
        fw={selected ? 600 : 500}
      >
        <Group gap={8} wrap="nowrap">
          {label}
          <Badge size="sm" variant={selected ? 'filled' : 'light'} color={color} circle={count < 10}>
            {formatInt(count)}
          </Badge>
        </Group>
      </UnstyledButton>
    )
  }
  return (
    <Group gap={8} mb="md" role="group" aria-label="Partners by status">
      {tab(null, 'All', total, 'gray')}
      {shown.map((s) => tab(s, partnerStatusLabel[s], counts[s] ?? 0, partnerStatusColor[s]))}
    </Group>
  )
}
