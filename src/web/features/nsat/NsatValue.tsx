import { Badge, Group, Text, Tooltip } from '@mantine/core'
import type { NsatScore } from '#shared/contracts/nsat'
import { healthColor } from '../../components/badges'

/** "133" in the band colours (on target teal, below red), with n; "—" without a valid response; low n marked. */
export function NsatValue({ s, size = 'sm' }: { s: NsatScore; size?: string }) {
  const color =
    s.onTarget === null ? 'dimmed' : s.onTarget ? `${healthColor.healthy}.7` : `${healthColor.at_risk}.7`
  return (
    <Tooltip label={`${s.vsat} VSAT and ${s.dsat} DSAT of ${s.valid} valid responses`}>
      <Group gap={6} wrap="nowrap" justify="flex-end" display="inline-flex">
        <Text fz={size} fw={600} c={color} span>
          {s.nsat ?? '—'}
        </Text>
        <Text fz="xs" c="dimmed" span>
          n={s.valid}
        </Text>
        {s.lowN && s.valid > 0 && (
          <Badge size="xs" variant="light" color="yellow">
            low n
          </Badge>
        )}
      </Group>
    </Tooltip>
  )
}
