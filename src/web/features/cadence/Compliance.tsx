import { Group, Text, Tooltip } from '@mantine/core'
import type { CadenceTally } from '#shared/contracts/cadence'
import { onTarget } from '#shared/domain/cadence'
import { healthColor } from '../../components/badges'

/** "60 %" in the band colours (on target teal, below red), "—" when nothing was scheduled. */
export function ComplianceValue({
  t,
  target,
  size = 'sm',
}: {
  t: CadenceTally
  target: number
  size?: string
}) {
  const ok = onTarget(t.compliance, target)
  const color = ok === null ? 'dimmed' : ok ? `${healthColor.healthy}.7` : `${healthColor.at_risk}.7`
  const value = t.compliance === null ? '—' : `${Math.round(t.compliance * 100)} %`
  return (
    <Tooltip
      label={`${t.held} held of ${t.scheduled} scheduled${t.cancelled ? `, ${t.cancelled} cancelled` : ''}`}
    >
      <Group gap={6} wrap="nowrap" justify="flex-end" display="inline-flex">
        <Text fz={size} fw={600} c={color} span>
          {value}
        </Text>
        <Text fz="xs" c="dimmed" span>
          {t.held}/{t.scheduled}
        </Text>
      </Group>
    </Tooltip>
  )
}
