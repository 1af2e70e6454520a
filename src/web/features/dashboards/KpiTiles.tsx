import { Group, Paper, SimpleGrid, Text } from '@mantine/core'
import type { Dashboard } from '#shared/contracts/dashboards'
import { formatInt, formatPts, formatShare } from '../../lib/format'

function Tile({ label, value, hint, tone }: { label: string; value: string; hint?: string; tone?: string }) {
  return (
    <Paper withBorder p="md">
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Group gap={6} align="baseline">
        <Text fz={26} fw={700}>
          {value}
        </Text>
        {hint && (
          <Text fz="xs" c={tone ?? 'dimmed'} fw={tone ? 600 : 400}>
            {hint}
          </Text>
        )}
      </Group>
    </Paper>
  )
}

/** The headline numbers of a dashboard (definitions in docs/metrics.md). */
export function KpiTiles({ d }: { d: Dashboard }) {
  const t = d.totals
  const customers = d.customerBands.healthy + d.customerBands.watch + d.customerBands.at_risk
  return (
    <SimpleGrid cols={{ base: 2, md: 5 }} mb="lg">
      <Tile label="Partners" value={formatInt(t.partners)} />
      <Tile
        label="Customers scored"
        value={formatInt(customers)}
        hint={`${formatInt(d.customerBands.at_risk)} at risk`}
      />
      <Tile label="Engagements" value={formatInt(t.engagements)} hint={`${formatInt(t.claimed)} claimed`} />
      <Tile
        label="Active share"
        value={formatShare(t.share)}
        hint={t.shareDelta === null ? undefined : `${formatPts(t.shareDelta)} vs last month`}
        tone={t.shareDelta === null ? undefined : t.shareDelta >= 0 ? 'teal.7' : 'red.7'}
      />
      <Tile label="Active users" value={formatInt(t.active)} hint={`of ${formatInt(t.licensed)} licensed`} />
    </SimpleGrid>
  )
}
