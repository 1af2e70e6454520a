import { AreaChart } from '@mantine/charts'
import { Center, Group, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { IconChartAreaLine } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import type { Engagement } from '#shared/contracts/customers'
import { workloadName } from '#shared/domain/workloads'
import { formatDate, formatInt, formatMonth } from '../../lib/format'

type Point = { asOf: string; month: string; licensed: number; active: number; pct: number | null }

/** One usage series per workload (several partners on one workload share the customer's series). */
export function seriesByWorkload(engagements: Engagement[]): Map<string, Engagement['usage']> {
  const map = new Map<string, Engagement['usage']>()
  for (const e of engagements)
    if (!map.has(e.workloadCode) && e.usage.length) map.set(e.workloadCode, e.usage)
  return map
}

/** Licensed and active users per snapshot date, for one workload or summed over all of them. */
export function usagePoints(series: Map<string, Engagement['usage']>, workload: string | 'all'): Point[] {
  const byDate = new Map<string, { licensed: number; active: number }>()
  for (const [code, usage] of series) {
    if (workload !== 'all' && code !== workload) continue
    for (const u of usage) {
      const sum = byDate.get(u.asOf) ?? { licensed: 0, active: 0 }
      sum.licensed += u.licensedUsers
      sum.active += u.activeUsers
      byDate.set(u.asOf, sum)
    }
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([asOf, s]) => ({
      asOf,
      month: formatMonth(asOf),
      licensed: s.licensed,
      active: s.active,
      pct: s.licensed > 0 ? Math.round((s.active * 1000) / s.licensed) / 10 : null,
    }))
}

export function UsageChart({ engagements }: { engagements: Engagement[] }) {
  const series = useMemo(() => seriesByWorkload(engagements), [engagements])
  const [workload, setWorkload] = useState<string>('all')
  const points = useMemo(() => usagePoints(series, workload), [series, workload])
  const last = points.at(-1)

  return (
    <Paper withBorder p="lg" h="100%">
      <Group justify="space-between" mb="md" align="flex-start">
        <Stack gap={2}>
          <Title order={2} fz="lg">
            Licensed vs active users
          </Title>
          <Text fz="xs" c="dimmed">
            {points.length
              ? `${points.length} snapshots · latest ${formatDate(last?.asOf)}`
              : 'Usage appears after an import'}
          </Text>
        </Stack>
        {series.size > 1 && (
          <Select
            aria-label="Workload shown in the chart"
            size="xs"
            w={220}
            allowDeselect={false}
            value={workload}
            onChange={(v) => setWorkload(v ?? 'all')}
            data={[
              { value: 'all', label: 'All workloads' },
              ...[...series.keys()].map((code) => ({ value: code, label: workloadName(code) })),
            ]}
          />
        )}
      </Group>
      {points.length === 0 ? (
        <Center h={260} c="dimmed">
          <Stack align="center" gap={4}>
            <IconChartAreaLine size={32} stroke={1.4} aria-hidden />
            <Text fz="sm">No usage snapshots yet</Text>
          </Stack>
        </Center>
      ) : (
        <AreaChart
          h={260}
          data={points}
          dataKey="month"
          type="default"
          curveType="monotone"
          withLegend
          legendProps={{ verticalAlign: 'top', height: 36 }}
          withDots={points.length < 16}
          fillOpacity={0.25}
          valueFormatter={(v) => formatInt(v)}
          series={[
            { name: 'licensed', label: 'Licensed users', color: 'gray.5' },
            { name: 'active', label: 'Active users', color: 'trellis.6' },
          ]}
          role="img"
          aria-label={`Licensed and active users over ${points.length} snapshots; latest ${formatInt(last?.active)} active of ${formatInt(last?.licensed)} licensed`}
        />
      )}
    </Paper>
  )
}
