import { Anchor, Paper, ScrollArea, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import { Link } from 'react-router'
import type { Dashboard } from '#shared/contracts/dashboards'
import { workloadName } from '#shared/domain/workloads'
import { formatInt, formatShare } from '../../lib/format'
import { heatColor } from './colors'

/** Partner × workload active share: where each partner stands on each workload; a cell opens its customers. */
export function HeatmapCard({ heatmap }: { heatmap: Dashboard['heatmap'] }) {
  const cell = new Map(heatmap.cells.map((c) => [`${c.partnerId}:${c.workloadCode}`, c]))
  return (
    <Paper withBorder p="lg">
      <Stack gap={2} mb="md">
        <Title order={2} fz="lg">
          Partner × workload
        </Title>
        <Text fz="xs" c="dimmed">
          Active share per partner and workload this period
          {heatmap.more > 0
            ? ` · the ${heatmap.partners.length} largest partners (${heatmap.more} more)`
            : ''}
          . Red below 10 %, orange below 15 %, yellow below 40 %, green from the 40 % milestone.
        </Text>
      </Stack>
      <ScrollArea>
        <Table
          withColumnBorders={false}
          verticalSpacing={4}
          horizontalSpacing={4}
          fz="xs"
          aria-label="Partner × workload heat map"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Partner</Table.Th>
              {heatmap.workloads.map((w) => (
                <Table.Th key={w} ta="center" title={workloadName(w)}>
                  {w}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {heatmap.partners.map((p) => (
              <Table.Tr key={p.partnerId}>
                <Table.Td
                  maw={220}
                  style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
                >
                  <Anchor component={Link} to={`/partners/${p.partnerId}`} fz="xs">
                    {p.name}
                  </Anchor>
                </Table.Td>
                {heatmap.workloads.map((w) => {
                  const c = cell.get(`${p.partnerId}:${w}`)
                  return (
                    <Table.Td key={w} p={2}>
                      {c ? (
                        <Tooltip
                          label={`${p.name} · ${workloadName(w)}: ${formatShare(c.share)} of ${formatInt(c.licensed)} licensed, ${formatInt(c.engagements)} customers`}
                        >
                          <Anchor
                            component={Link}
                            to={`/customers?partnerId=${p.partnerId}&workload=${w}`}
                            display="block"
                            ta="center"
                            fz="xs"
                            c="dark"
                            underline="never"
                            style={{
                              background: heatColor(c.share),
                              borderRadius: 4,
                              padding: '4px 2px',
                              minWidth: 44,
                            }}
                          >
                            {c.share === null ? '—' : Math.round(c.share * 100)}
                          </Anchor>
                        </Tooltip>
                      ) : (
                        <Text ta="center" fz="xs" c="gray.4">
                          ·
                        </Text>
                      )}
                    </Table.Td>
                  )
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  )
}
