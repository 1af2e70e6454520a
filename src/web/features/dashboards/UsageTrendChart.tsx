import { LineChart } from '@mantine/charts'
import { Anchor, Center, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import { Link } from 'react-router'
import type { Dashboard } from '#shared/contracts/dashboards'
import { workloadName } from '#shared/domain/workloads'
import { formatMonth, formatShare } from '../../lib/format'
import { colorOfWorkload } from './colors'

type Trend = Dashboard['trend']

/** Active share per workload over the periods, one line per workload; each workload links to its rows. */
export function UsageTrendChart({
  trend,
  title = 'Active usage by workload',
  drill,
}: {
  trend: Trend
  title?: string
  /** Where a workload's rows are: the customer list filtered by it. */
  drill: (workload: string) => string
}) {
  const { data, workloads } = useMemo(() => {
    const workloads = [...new Set(trend.map((t) => t.workloadCode))]
    const byPeriod = new Map<string, Record<string, number | string | null>>()
    for (const t of trend) {
      const row = byPeriod.get(t.period) ?? { month: formatMonth(t.period) }
      row[t.workloadCode] = t.share === null ? null : Math.round(t.share * 1000) / 10
      byPeriod.set(t.period, row)
    }
    return { data: [...byPeriod.values()], workloads }
  }, [trend])

  return (
    <Paper withBorder p="lg" h="100%">
      <Stack gap={2} mb="md">
        <Title order={2} fz="lg">
          {title}
        </Title>
        <Text fz="xs" c="dimmed">
          Active users ÷ licensed users per month (28-day activity). Click a workload for its customers.
        </Text>
      </Stack>
      {data.length === 0 ? (
        <Center h={260}>
          <Text c="dimmed" fz="sm">
            Usage appears after an import
          </Text>
        </Center>
      ) : (
        <>
          <LineChart
            h={280}
            data={data}
            dataKey="month"
            series={workloads.map((w) => ({ name: w, label: workloadName(w), color: colorOfWorkload(w) }))}
            unit=" %"
            curveType="monotone"
            withDots={false}
            connectNulls
            yAxisProps={{ domain: [0, 'auto'] }}
            referenceLines={[{ y: 40, label: 'Adoption milestone 40 %', color: 'gray.5' }]}
            aria-label={title}
          />
          <Group gap="md" mt="sm">
            {workloads.map((w) => {
              const last = trend.filter((t) => t.workloadCode === w).at(-1)
              return (
                <Anchor key={w} component={Link} to={drill(w)} fz="xs" c="dimmed">
                  <Group gap={4} wrap="nowrap">
                    <span
                      style={{
                        width: 10,
                        height: 10,
                        borderRadius: 2,
                        background: `var(--mantine-color-${colorOfWorkload(w).replace('.', '-')})`,
                      }}
                    />
                    {workloadName(w)} {formatShare(last?.share ?? null)}
                  </Group>
                </Anchor>
              )
            })}
          </Group>
        </>
      )}
    </Paper>
  )
}
