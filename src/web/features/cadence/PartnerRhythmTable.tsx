import { Anchor, Badge, Group, ScrollArea, Table, Text } from '@mantine/core'
import { Link } from 'react-router'
import type { CadencePartner } from '#shared/contracts/cadence'
import { noRhythmReasonLabel } from '#shared/domain/cadence'
import { formatInt } from '../../lib/format'
import { ComplianceValue } from './Compliance'

export const meetingsLink = (partnerId: number) => `/partners/${partnerId}#meetings`

export function ReasonBadges({ reasons }: { reasons: CadencePartner['noRhythm'] }) {
  if (reasons.length === 0)
    return (
      <Badge size="sm" variant="light" color="teal">
        In place
      </Badge>
    )
  return (
    <Group gap={4}>
      {reasons.map((r) => (
        <Badge key={r} size="sm" variant="light" color="red">
          {noRhythmReasonLabel[r]}
        </Badge>
      ))}
    </Group>
  )
}

/** The partner rows behind a compliance number: ROB, MBR, combined, touchpoints and rhythm. */
export function PartnerRhythmTable({
  partners,
  target,
  label,
}: {
  partners: CadencePartner[]
  target: number
  label: string
}) {
  if (partners.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        No partners.
      </Text>
    )
  return (
    <ScrollArea h={partners.length > 10 ? 420 : undefined}>
      <Table striped highlightOnHover stickyHeader aria-label={label} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Partner</Table.Th>
            <Table.Th>Partner manager</Table.Th>
            <Table.Th ta="right">ROB</Table.Th>
            <Table.Th ta="right">MBR</Table.Th>
            <Table.Th ta="right">Compliance</Table.Th>
            <Table.Th ta="right">Touchpoints</Table.Th>
            <Table.Th>Business rhythm</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {partners.map((p) => (
            <Table.Tr key={p.partnerId} data-testid="rhythm-partner-row">
              <Table.Td>
                <Anchor component={Link} to={meetingsLink(p.partnerId)} fz="sm">
                  {p.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{p.fpmName ?? '—'}</Table.Td>
              <Table.Td ta="right">
                <ComplianceValue t={p.meetings.rob} target={target} />
              </Table.Td>
              <Table.Td ta="right">
                <ComplianceValue t={p.meetings.mbr} target={target} />
              </Table.Td>
              <Table.Td ta="right">
                <ComplianceValue t={p.meetings.all} target={target} />
              </Table.Td>
              <Table.Td ta="right">{formatInt(p.touchpoints.total)}</Table.Td>
              <Table.Td>
                <ReasonBadges reasons={p.noRhythm} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  )
}
