import { Group, Paper, SimpleGrid, Table, Text, Title, Tooltip } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { ageBuckets, severities, severityLabel } from '#shared/domain/escalations'
import { openByAgeDefinition, timeToResolveDefinition } from '#shared/domain/metrics'
import { QueryError } from '../../components/QueryError'
import { formatInt } from '../../lib/format'
import { useOpenByAge, useTimeToResolve } from './api'

const hours = (h: number | null) =>
  h === null ? '—' : h < 48 ? `${h} h` : `${Math.round((h / 24) * 10) / 10} d`

function CardTitle({ title, definition }: { title: string; definition: string }) {
  return (
    <Group gap={6} mb="sm">
      <Title order={2} fz="lg">
        {title}
      </Title>
      <Tooltip label={definition} multiline maw={360} withArrow>
        <IconInfoCircle
          size={16}
          aria-label={`About ${title}`}
          style={{ color: 'var(--mantine-color-dimmed)' }}
        />
      </Tooltip>
    </Group>
  )
}

/** The two escalation reports over the caller's scope (and the partner filter of the page). */
export function ReportCards({ partnerId }: { partnerId?: number }) {
  const params = { partnerId }
  const ttr = useTimeToResolve(params)
  const age = useOpenByAge(params)
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
      <Paper withBorder p="lg" component="section" aria-label="Time to resolve">
        <CardTitle title="Time to resolve" definition={timeToResolveDefinition} />
        {ttr.isError ? (
          <QueryError error={ttr.error} onRetry={() => ttr.refetch()} />
        ) : (
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Severity</Table.Th>
                <Table.Th className="numeric">Resolved</Table.Th>
                <Table.Th className="numeric">Median</Table.Th>
                <Table.Th className="numeric">p90</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(ttr.data?.rows ?? []).map((r) => (
                <Table.Tr key={r.severity}>
                  <Table.Td>{severityLabel[r.severity]}</Table.Td>
                  <Table.Td className="numeric">{formatInt(r.count)}</Table.Td>
                  <Table.Td className="numeric">{hours(r.medianHours)}</Table.Td>
                  <Table.Td className="numeric">{hours(r.p90Hours)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {ttr.data && (
          <Text fz="xs" c="dimmed" mt="xs">
            Resolved {ttr.data.from} to {ttr.data.to}
          </Text>
        )}
      </Paper>
      <Paper withBorder p="lg" component="section" aria-label="Open by age">
        <CardTitle title="Open by age" definition={openByAgeDefinition} />
        {age.isError ? (
          <QueryError error={age.error} onRetry={() => age.refetch()} />
        ) : (
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Severity</Table.Th>
                {ageBuckets.map((b) => (
                  <Table.Th key={b.key} className="numeric">
                    {b.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {severities.map((s) => {
                const r = age.data?.rows.find((x) => x.severity === s)
                return (
                  <Table.Tr key={s}>
                    <Table.Td>{severityLabel[s]}</Table.Td>
                    {ageBuckets.map((b) => (
                      <Table.Td key={b.key} className="numeric">
                        {r ? formatInt(r[b.key]) : '—'}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </SimpleGrid>
  )
}
