import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconTrendingDown, IconTrendingUp } from '@tabler/icons-react'
import { Link } from 'react-router'
import type { Dashboard } from '#shared/contracts/dashboards'
import { workloadName } from '#shared/domain/workloads'
import { formatPts, formatShare } from '../../lib/format'

type Mover = Dashboard['movers']['up'][number]

function MoverList({ title, movers, up }: { title: string; movers: Mover[]; up: boolean }) {
  const Icon = up ? IconTrendingUp : IconTrendingDown
  return (
    <Stack gap={6}>
      <Group gap={6}>
        <Icon size={16} color={`var(--mantine-color-${up ? 'teal' : 'red'}-6)`} />
        <Text fz="sm" fw={600}>
          {title}
        </Text>
      </Group>
      {movers.length === 0 && (
        <Text fz="xs" c="dimmed">
          None this month
        </Text>
      )}
      {movers.map((m) => (
        <Group key={`${m.partnerId}:${m.workloadCode}`} justify="space-between" wrap="nowrap" gap="xs">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/partners/${m.partnerId}`} fz="sm" truncate>
              {m.partnerName}
            </Anchor>
            <Text fz="xs" c="dimmed">
              {workloadName(m.workloadCode)} · {formatShare(m.previousShare)} → {formatShare(m.share)}
            </Text>
          </Stack>
          <Text fz="sm" fw={700} c={up ? 'teal.7' : 'red.7'} style={{ whiteSpace: 'nowrap' }}>
            {formatPts(m.change)}
          </Text>
        </Group>
      ))}
    </Stack>
  )
}

/** The partner × workloads whose active share moved most since last month, both ways. */
export function MoversCard({ movers }: { movers: Dashboard['movers'] }) {
  return (
    <Paper withBorder p="lg" h="100%">
      <Stack gap={2} mb="md">
        <Title order={2} fz="lg">
          Top movers
        </Title>
        <Text fz="xs" c="dimmed">
          Active-share change since the previous month (partner × workloads with 50+ licensed users)
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MoverList title="Up" movers={movers.up} up />
        <MoverList title="Down" movers={movers.down} up={false} />
      </SimpleGrid>
    </Paper>
  )
}
