import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core'
import { IconArrowRight } from '@tabler/icons-react'
import { Link } from 'react-router'
import type { ComplianceFailure } from '#shared/contracts/compliance'
import { complianceFailureLabel } from '#shared/domain/compliance'
import { formatDate } from '../../lib/format'

/** Failing records, each with a button to the page where it is fixed. */
export function FailuresTable({
  items,
  withPartner = true,
  label,
}: {
  items: ComplianceFailure[]
  withPartner?: boolean
  label: string
}) {
  return (
    <Table fz="sm" aria-label={label} highlightOnHover verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Check</Table.Th>
          {withPartner && <Table.Th>Partner</Table.Th>}
          <Table.Th>Record</Table.Th>
          <Table.Th>Why</Table.Th>
          <Table.Th>Last</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((f) => (
          <Table.Tr
            key={`${f.check}-${f.subject.kind}-${f.subject.id}-${f.partnerId}`}
            data-testid="compliance-failure"
          >
            <Table.Td>
              <Badge variant="light" color="red" radius="sm" tt="none" fw={500}>
                {complianceFailureLabel[f.check]}
              </Badge>
            </Table.Td>
            {withPartner && (
              <Table.Td>
                <Anchor component={Link} to={`/partners/${f.partnerId}`} fz="sm">
                  {f.partnerName}
                </Anchor>
                {f.fpmName && (
                  <Text fz="xs" c="dimmed">
                    {f.fpmName}
                  </Text>
                )}
              </Table.Td>
            )}
            <Table.Td>
              {f.subject.kind === 'partner' ? (
                <Text fz="sm" c="dimmed">
                  The partner
                </Text>
              ) : (
                <Text fz="sm">
                  <Text span fz="xs" c="dimmed" tt="capitalize">
                    {f.subject.kind}{' '}
                  </Text>
                  {f.subject.name}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{f.detail}</Table.Td>
            <Table.Td c="dimmed">{f.lastOn ? formatDate(f.lastOn) : '—'}</Table.Td>
            <Table.Td ta="right">
              <Group justify="flex-end">
                <Button
                  component={Link}
                  to={f.fixPath}
                  size="compact-xs"
                  variant="light"
                  rightSection={<IconArrowRight size={12} />}
                  aria-label={`${f.fixLabel}: ${f.subject.name}`}
                >
                  {f.fixLabel}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
