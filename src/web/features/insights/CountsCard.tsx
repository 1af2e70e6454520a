import { Badge, Group, Paper, SegmentedControl, Table, Text, Title } from '@mantine/core'
import { addDays, today } from '#shared/domain/periods'
import { formatInt } from '../../lib/format'
import { usePermissions } from '../auth/session'
import { useVoiceCounts } from './api'

const periods = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '12 months' },
]

/** Insights and spotlights submitted per FPM (leads, admins) and per partner: who is driving partners to submit. */
export function CountsCard({
  days,
  onDays,
  filters,
}: {
  days: string
  onDays: (d: string) => void
  filters: { regionId?: string; fpmUserId?: string }
}) {
  const { user } = usePermissions()
  const to = addDays(today(), 1)
  const counts = useVoiceCounts({ ...filters, from: addDays(to, -Number(days)), to })
  const data = counts.data
  const showFpms = user.role === 'admin' || user.role === 'lead' || user.role === 'viewer'
  const none = (data?.partners ?? []).filter((p) => p.insights + p.spotlights === 0)
  return (
    <Paper withBorder p="md" mb="md" component="section" aria-label="Submissions per partner">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg">
          Submissions per partner
        </Title>
        <SegmentedControl size="xs" data={periods} value={days} onChange={onDays} aria-label="Period" />
      </Group>
      {showFpms && (data?.fpms.length ?? 0) > 0 && (
        <Table striped mb="md" aria-label="Per partner manager">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Partner manager</Table.Th>
              <Table.Th ta="right">Partners</Table.Th>
              <Table.Th ta="right">With none submitted</Table.Th>
              <Table.Th ta="right">Insights</Table.Th>
              <Table.Th ta="right">Spotlights</Table.Th>
              <Table.Th ta="right">Approved spotlights</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.fpms.map((f) => (
              <Table.Tr key={f.fpmUserId ?? 0}>
                <Table.Td>{f.fpmName ?? 'Unassigned'}</Table.Td>
                <Table.Td ta="right">{formatInt(f.partners)}</Table.Td>
                <Table.Td ta="right" c={f.partnersWithNone > 0 ? 'orange.8' : undefined}>
                  {formatInt(f.partnersWithNone)}
                </Table.Td>
                <Table.Td ta="right">{formatInt(f.insights)}</Table.Td>
                <Table.Td ta="right">{formatInt(f.spotlights)}</Table.Td>
                <Table.Td ta="right">{formatInt(f.spotlightsApproved)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Table striped aria-label="Per partner">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Partner</Table.Th>
            <Table.Th>Partner manager</Table.Th>
            <Table.Th ta="right">Insights</Table.Th>
            <Table.Th ta="right">Spotlights</Table.Th>
            <Table.Th ta="right">Approved spotlights</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...(data?.partners ?? [])]
            .sort(
              (a, b) =>
                b.insights + b.spotlights - (a.insights + a.spotlights) ||
                a.partnerName.localeCompare(b.partnerName),
            )
            .slice(0, 12)
            .map((p) => (
              <Table.Tr key={p.partnerId}>
                <Table.Td>
                  {p.partnerName}{' '}
                  {p.insights + p.spotlights === 0 && (
                    <Badge size="xs" color="orange" variant="light">
                      none submitted
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{p.fpmName ?? '—'}</Table.Td>
                <Table.Td ta="right">{formatInt(p.insights)}</Table.Td>
                <Table.Td ta="right">{formatInt(p.spotlights)}</Table.Td>
                <Table.Td ta="right">{formatInt(p.spotlightsApproved)}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
      <Text fz="sm" c="dimmed" mt="xs">
        {none.length > 0
          ? `${none.length} of ${data?.partners.length} partners submitted nothing in the period — the ones to drive${none.length <= 5 ? `: ${none.map((p) => p.partnerName).join(', ')}` : ''}.`
          : 'Every partner submitted at least one insight or spotlight in the period.'}{' '}
        Counted by submission date; approvals by the date of the approval.
      </Text>
    </Paper>
  )
}
