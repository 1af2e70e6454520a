import { Badge, Group, List, Text, Tooltip } from '@mantine/core'
import type { OffboardingFlag } from '#shared/contracts/offboarding'
import { type RecommendationStatus, recommendationStatusLabel } from '#shared/domain/offboarding'

export const recommendationColor: Record<RecommendationStatus, string> = {
  proposed: 'orange',
  reviewed: 'yellow',
  accepted: 'red',
  rejected: 'gray',
  reversed: 'gray',
}

export function RecommendationBadge({ status }: { status: RecommendationStatus }) {
  return (
    <Badge variant="light" color={recommendationColor[status]}>
      {recommendationStatusLabel[status]}
    </Badge>
  )
}

/** The flags as badges, each with its evidence on hover. */
export function FlagBadges({ flags }: { flags: OffboardingFlag[] }) {
  return (
    <Group gap={4}>
      {flags.map((f) => (
        <Tooltip key={f.rule} label={f.evidence} multiline maw={320}>
          <Badge variant="outline" color="red" size="sm">
            {f.label}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  )
}

/** The flags with their evidence written out. */
export function FlagList({ flags }: { flags: OffboardingFlag[] }) {
  if (flags.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        No rule flags this partner today.
      </Text>
    )
  return (
    <List spacing={4} fz="sm">
      {flags.map((f) => (
        <List.Item key={f.rule}>
          <Text span fw={600} fz="sm">
            {f.label}:
          </Text>{' '}
          {f.evidence}
        </List.Item>
      ))}
    </List>
  )
}
