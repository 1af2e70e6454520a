import { Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import type { PartnerAnalytics, Standing } from '#shared/contracts/dashboards'
import { workloadName } from '#shared/domain/workloads'
import { formatInt, formatPts, formatShare } from '../../lib/format'

const standingBadge: Record<Standing, { label: string; color: string }> = {
  strength: { label: 'Strength', color: 'teal' },
  weakness: { label: 'Weakness', color: 'red' },
  par: { label: 'On par', color: 'gray' },
}

/** 1 → "1st", 22 → "22nd", 13 → "13th". */
function ordinal(n: number): string {
  const tens = n % 100
  const suffix =
    tens >= 11 && tens <= 13
      ? 'th'
      : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th')
  return `${n}${suffix}`
}

const Delta = ({ value }: { value: number | null }) => (
  <Text span fz="sm" c={value === null ? 'dimmed' : value >= 0 ? 'teal.7' : 'red.7'}>
    {formatPts(value)}
  </Text>
)

/** Each workload of a partner against its region: percentile rank, median, month and quarter trend. */
export function StandingsTable({ partnerId, analytics }: { partnerId: number; analytics: PartnerAnalytics }) {
  return (
    <Paper withBorder p="lg">
      <Stack gap={2} mb="md">
        <Title order={2} fz="lg">
          Strengths and weaknesses
        </Title>
        <Text fz="xs" c="dimmed">
          Active share per workload against the other partners of{' '}
          {analytics.regionName ?? 'partners without a region'}: top quarter = strength, bottom quarter =
          weakness.
        </Text>
      </Stack>
      <Table.ScrollContainer minWidth={720}>
        <Table striped aria-label="Strengths and weaknesses">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Workload</Table.Th>
              <Table.Th>Standing</Table.Th>
              <Table.Th ta="right">Active share</Table.Th>
              <Table.Th ta="right">Region median</Table.Th>
              <Table.Th ta="right">Percentile</Table.Th>
              <Table.Th ta="right">Month</Table.Th>
              <Table.Th ta="right">Quarter</Table.Th>
              <Table.Th ta="right">Customers</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {analytics.standings.map((s) => (
              <Table.Tr key={s.workloadCode}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/customers?partnerId=${partnerId}&workload=${s.workloadCode}`}
                    fz="sm"
                  >
                    {workloadName(s.workloadCode)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={standingBadge[s.standing].color}>
                    {standingBadge[s.standing].label}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right" fz="sm" fw={600}>
                  {formatShare(s.share)}
                </Table.Td>
                <Table.Td ta="right" fz="sm">
                  {formatShare(s.regionMedian)}
                </Table.Td>
                <Table.Td ta="right" fz="sm">
                  {s.percentile === null ? '—' : `${ordinal(Math.round(s.percentile))} of ${s.peers}`}
                </Table.Td>
                <Table.Td ta="right">
                  <Delta value={s.mom} />
                </Table.Td>
                <Table.Td ta="right">
                  <Delta value={s.qoq} />
                </Table.Td>
                <Table.Td ta="right" fz="sm">
                  {formatInt(s.engagements)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  )
}
