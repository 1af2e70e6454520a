import { Anchor, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import type { Dashboard } from '#shared/contracts/dashboards'
import { HealthBadge } from '../../components/badges'
import { formatInt, formatShare } from '../../lib/format'

/** Every partner in view, least healthy first, with the change since last period. */
export function PartnersHealthTable({ partners }: { partners: Dashboard['partners'] }) {
  return (
    <Paper withBorder p="lg">
      <Stack gap={2} mb="md">
        <Title order={2} fz="lg">
          Partners by health
        </Title>
        <Text fz="xs" c="dimmed">
          Least healthy first. A partner's score is the health factors over its own engagements.
        </Text>
      </Stack>
      <ScrollArea h={partners.length > 12 ? 460 : undefined}>
        <Table striped highlightOnHover stickyHeader aria-label="Partners by health">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Partner</Table.Th>
              <Table.Th>Partner manager</Table.Th>
              <Table.Th>Health</Table.Th>
              <Table.Th ta="right">Change</Table.Th>
              <Table.Th ta="right">Active share</Table.Th>
              <Table.Th ta="right">Engagements</Table.Th>
              <Table.Th ta="right">Customers at risk</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {partners.map((p) => (
              <Table.Tr key={p.partnerId}>
                <Table.Td>
                  <Anchor component={Link} to={`/partners/${p.partnerId}`} fz="sm">
                    {p.name}
                  </Anchor>
                </Table.Td>
                <Table.Td fz="sm">{p.fpmName ?? '—'}</Table.Td>
                <Table.Td>
                  <HealthBadge score={p.score} band={p.band} />
                </Table.Td>
                <Table.Td
                  ta="right"
                  fz="sm"
                  c={p.scoreDelta === null ? 'dimmed' : p.scoreDelta >= 0 ? 'teal.7' : 'red.7'}
                >
                  {p.scoreDelta === null
                    ? '—'
                    : `${p.scoreDelta >= 0 ? '+' : '−'}${Math.abs(p.scoreDelta).toFixed(1)}`}
                </Table.Td>
                <Table.Td ta="right" fz="sm">
                  {formatShare(p.share)}
                </Table.Td>
                <Table.Td ta="right" fz="sm">
                  {formatInt(p.engagements)}
                </Table.Td>
                <Table.Td ta="right" fz="sm">
                  {p.customersAtRisk > 0 ? (
                    <Anchor
                      component={Link}
                      to={`/customers?partnerId=${p.partnerId}&band=at_risk`}
                      fz="sm"
                      c="red.7"
                    >
                      {formatInt(p.customersAtRisk)}
                    </Anchor>
                  ) : (
                    '0'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  )
}
