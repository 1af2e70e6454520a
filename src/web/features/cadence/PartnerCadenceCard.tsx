import { Group, Paper, Skeleton, Table, Text, Title } from '@mantine/core'
import { cadenceComplianceDefinition } from '#shared/domain/metrics'
import { touchpointKindLabel, touchpointKinds } from '#shared/domain/touchpoints'
import { QueryError } from '../../components/QueryError'
import { formatDate, formatInt, formatMonth } from '../../lib/format'
import { InfoTip } from '../health/HealthBand'
import { usePartnerCadence } from './api'
import { ComplianceValue } from './Compliance'
import { ReasonBadges } from './PartnerRhythmTable'

/** The partner page's business rhythm: compliance and touchpoints per month, the last six months. */
export function PartnerCadenceCard({ partnerId }: { partnerId: number }) {
  const cadence = usePartnerCadence(partnerId)
  const c = cadence.data
  return (
    <Paper withBorder p="lg" component="section" aria-label="Business rhythm" data-testid="partner-rhythm">
      <Group gap={6} mb="sm">
        <Title order={2} fz="lg">
          Business rhythm
        </Title>
        <InfoTip label="Cadence compliance" text={cadenceComplianceDefinition} />
        {c && (
          <Group gap="xs" ml="auto">
            <Text fz="xs" c="dimmed">
              Last held {c.lastHeldAt ? formatDate(c.lastHeldAt) : 'never'}
            </Text>
            <ReasonBadges reasons={c.noRhythm} />
          </Group>
        )}
      </Group>
      {cadence.isError && <QueryError error={cadence.error} onRetry={() => cadence.refetch()} />}
      {!c && !cadence.isError && <Skeleton h={120} />}
      {c && (
        <Table fz="sm" aria-label="Business rhythm per month">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Month</Table.Th>
              <Table.Th ta="right">ROB</Table.Th>
              <Table.Th ta="right">MBR</Table.Th>
              <Table.Th ta="right">Compliance</Table.Th>
              <Table.Th ta="right">Touchpoints</Table.Th>
              <Table.Th>By kind</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...c.months].reverse().map((m) => (
              <Table.Tr key={m.month}>
                <Table.Td>{formatMonth(`${m.month}-01`)}</Table.Td>
                <Table.Td ta="right">
                  <ComplianceValue t={m.meetings.rob} target={c.settings.complianceTarget} />
                </Table.Td>
                <Table.Td ta="right">
                  <ComplianceValue t={m.meetings.mbr} target={c.settings.complianceTarget} />
                </Table.Td>
                <Table.Td ta="right">
                  <ComplianceValue t={m.meetings.all} target={c.settings.complianceTarget} />
                </Table.Td>
                <Table.Td ta="right">{formatInt(m.touchpoints.total)}</Table.Td>
                <Table.Td c="dimmed" fz="xs">
                  {touchpointKinds
                    .filter((k) => m.touchpoints.byKind[k] > 0)
                    .map((k) => `${m.touchpoints.byKind[k]} ${touchpointKindLabel[k].toLowerCase()}`)
                    .join(' · ') || '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
