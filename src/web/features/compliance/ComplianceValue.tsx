import { Group, Text, Tooltip } from '@mantine/core'
import type { ComplianceTally } from '#shared/contracts/compliance'
import { healthColor } from '../../components/badges'

/** "83 %" in the band colours (on target teal, below red) with "5/6" beside it; "—" when nothing applies. */
export function ComplianceValue({
  t,
  target,
  size = 'sm',
  justify = 'flex-end',
}: {
  t: ComplianceTally
  target: number
  size?: string
  /** Right-aligned in tables, left in tiles. */
  justify?: 'flex-end' | 'flex-start'
}) {
  const color =
    t.compliance === null
      ? 'dimmed'
      : t.compliance >= target - 1e-9
        ? `${healthColor.healthy}.7`
        : `${healthColor.at_risk}.7`
  const value = t.compliance === null ? '—' : `${Math.round(t.compliance * 100)} %`
  return (
    <Tooltip label={`${t.passed} passed of ${t.applicable} checked`}>
      <Group gap={6} wrap="nowrap" justify={justify} display="inline-flex">
        <Text fz={size} fw={600} c={color} span>
          {value}
        </Text>
        <Text fz="xs" c="dimmed" span>
          {t.passed}/{t.applicable}
        </Text>
      </Group>
    </Tooltip>
  )
}
