import { Anchor, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import { type Phase, phaseLabel } from '#shared/domain/portfolio'
import { formatInt, formatShare } from '../../lib/format'

type Props = {
  funnel: { phase: string; engagements: number }[]
  milestones: { milestone: number; engagements: number }[]
  /** The customer list filtered by a phase. */
  drill: (phase: string) => string
}

/** Engagements per FastTrack lifecycle phase, and how many reached each usage milestone. */
export function FunnelCard({ funnel, milestones, drill }: Props) {
  const total = funnel.reduce((s, f) => s + f.engagements, 0)
  const max = Math.max(1, ...funnel.map((f) => f.engagements))
  return (
    <Paper withBorder p="lg" h="100%">
      <Stack gap={2} mb="md">
        <Title order={2} fz="lg">
          Lifecycle funnel
        </Title>
        <Text fz="xs" c="dimmed">
          {formatInt(total)} engagements by phase. Click a phase for its customers.
        </Text>
      </Stack>
      <Stack gap={8}>
        {funnel.map((f) => (
          <Anchor key={f.phase} component={Link} to={drill(f.phase)} underline="never" c="inherit">
            <Group gap="sm" wrap="nowrap">
              <Text fz="sm" w={90}>
                {phaseLabel[f.phase as Phase] ?? f.phase}
              </Text>
              <Progress value={(f.engagements / max) * 100} flex={1} size="lg" color="trellis" />
              <Text fz="sm" w={60} ta="right" fw={600}>
                {formatInt(f.engagements)}
              </Text>
            </Group>
          </Anchor>
        ))}
      </Stack>
      {milestones.length > 0 && (
        <Group gap="lg" mt="lg">
          {milestones.map((m) => (
            <Stack key={m.milestone} gap={0}>
              <Text fz="xs" c="dimmed">
                At or above {formatShare(m.milestone, 0)} active
              </Text>
              <Text fw={700}>
                {formatInt(m.engagements)}{' '}
                <Text span fz="xs" c="dimmed" fw={400}>
                  ({formatShare(total ? m.engagements / total : null, 0)})
                </Text>
              </Text>
            </Stack>
          ))}
        </Group>
      )}
    </Paper>
  )
}
