import { Anchor, Drawer, Group, Skeleton, Stack, Table, Text } from '@mantine/core'
import { Link } from 'react-router'
import type { ScorecardMetric } from '#shared/domain/scorecard'
import type { QueryParams } from '../../api/client'
import { QueryError } from '../../components/QueryError'
import { periodLabel } from '../cadence/RhythmCard'
import { useScorecardDrilldown } from './api'
import { formatMetric, targetText } from './MetricValue'

type Props = {
  metric: ScorecardMetric | null
  params: QueryParams
  /** The FPM's name when the drill-down is one FPM's. */
  who: string
  onClose: () => void
}

/** The partners behind one scorecard number, worst first, each one click from where to fix it. */
export function DrilldownDrawer({ metric, params, who, onClose }: Props) {
  const d = useScorecardDrilldown(metric, params)
  const data = d.data
  return (
    <Drawer
      opened={metric !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={data ? `${data.metric.name} · ${who}` : 'Rows behind the number'}
    >
      {d.isError && <QueryError error={d.error} onRetry={() => d.refetch()} />}
      {!data && !d.isError && <Skeleton h={200} />}
      {data && (
        <Stack gap="sm">
          <Text fz="sm" c="dimmed">
            {data.metric.definition}
          </Text>
          <Text fz="xs" c="dimmed">
            {targetText(data.metric)} · {periodLabel(data.period)}
          </Text>
          {data.rows.length === 0 ? (
            <Text fz="sm">No partner counts towards this number in the period.</Text>
          ) : (
            <Table fz="sm" highlightOnHover aria-label="Partners behind the number">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Partner</Table.Th>
                  <Table.Th>Partner manager</Table.Th>
                  <Table.Th ta="right">Counted</Table.Th>
                  <Table.Th ta="right">Value</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r) => (
                  <Table.Tr key={r.partnerId} data-testid="drilldown-row">
                    <Table.Td fw={500}>{r.name}</Table.Td>
                    <Table.Td>{r.fpmName ?? '—'}</Table.Td>
                    <Table.Td ta="right">
                      {data.metric.unit === 'nsat'
                        ? `${r.denominator} responses`
                        : `${r.numerator} of ${r.denominator}`}
                    </Table.Td>
                    <Table.Td ta="right" fw={600}>
                      {formatMetric(data.metric, r.value)}
                    </Table.Td>
                    <Table.Td>
                      <Group justify="flex-end">
                        <Anchor component={Link} to={r.link} fz="sm">
                          Open
                        </Anchor>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Drawer>
  )
}
