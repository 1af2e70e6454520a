import { Group, Progress, Stack, Text, Tooltip } from '@mantine/core'
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react'
import { formatPct } from '../lib/format'

/** Usage milestones of the program: 15% (onboarding) and 40% (adoption) active users. */
export function pctColor(pct: number | null): string {
  if (pct === null) return 'gray'
  if (pct >= 40) return 'teal'
  if (pct >= 15) return 'blue'
  return 'orange'
}

export function PctDelta({ delta }: { delta: number | null }) {
  if (delta === null || delta === 0)
    return (
      <Text span fz="xs" c="dimmed">
        {delta === 0 ? '±0 pts' : ''}
      </Text>
    )
  const up = delta > 0
  const Icon = up ? IconArrowUpRight : IconArrowDownRight
  return (
    <Tooltip label="Change since the previous snapshot, in percentage points">
      <Group gap={2} wrap="nowrap" c={up ? 'teal.7' : 'red.7'} component="span" display="inline-flex">
        <Icon size={14} aria-hidden />
        <Text span fz="xs" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {up ? '+' : ''}
          {delta.toFixed(1)} pts
        </Text>
      </Group>
    </Tooltip>
  )
}

/** Active % as a number with a thin bar; the bar marks the 15% and 40% milestones by colour. */
export function ActivePct({
  pct,
  delta,
  width = 110,
}: {
  pct: number | null
  delta?: number | null
  width?: number
}) {
  if (pct === null)
    return (
      <Text fz="sm" c="dimmed">
        —
      </Text>
    )
  return (
    <Stack gap={3} w={width}>
      <Group gap={6} justify="space-between" wrap="nowrap">
        <Text fz="sm" fw={600} className="numeric">
          {formatPct(pct)}
        </Text>
        {delta !== undefined && <PctDelta delta={delta} />}
      </Group>
      <Progress
        value={Math.min(100, pct)}
        color={pctColor(pct)}
        size={4}
        aria-label={`${formatPct(pct)} active`}
      />
    </Stack>
  )
}
