import { Anchor, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { Link } from 'react-router'
import type { NsatPartnerRow, NsatRollup } from '#shared/contracts/nsat'
import { monthsEnding, quarterOf } from '#shared/domain/cadence'
import { nsatDefinition } from '#shared/domain/metrics'
import { fiscalYearOf } from '#shared/domain/nsat'
import { addMonths, today } from '#shared/domain/periods'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { formatInt, formatPeriod } from '../../lib/format'
import { InfoTip } from '../health/HealthBand'
import { useNsat } from './api'
import { NsatTrendChart } from './NsatTrendChart'
import { NsatValue } from './NsatValue'

const periodLabel = (key: string) =>
  key.startsWith('FY')
    ? `Fiscal year ${key.slice(2)}`
    : key.includes('Q')
      ? key.replace('-', ' ')
      : formatPeriod(`${key}-01`)

/** This fiscal year and the one before, the last four quarters, the last six months. */
function periodChoices(day: string) {
  const fy = fiscalYearOf(day)
  const years = [fy, `FY${Number(fy.slice(2)) - 1}`]
  const quarters = [0, 3, 6, 9].map((back) => quarterOf(addMonths(day, -back)))
  const months = monthsEnding(day.slice(0, 7), 6).reverse()
  return [...years, ...quarters, ...months].map((v) => ({ value: v, label: periodLabel(v) }))
}

function GroupTable({ title, rows, totals }: { title: string; rows: NsatRollup[]; totals?: NsatRollup }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Title order={2} fz="lg" mb="sm">
        {title}
      </Title>
      <Table fz="sm" aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th ta="right">Partners</Table.Th>
            <Table.Th ta="right">Partner NSAT</Table.Th>
            <Table.Th ta="right">Customer NSAT</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...rows, ...(totals ? [totals] : [])].map((g) => (
            <Table.Tr key={`${g.id}-${g.name}`} fw={g === totals ? 700 : undefined}>
              <Table.Td>{g.name}</Table.Td>
              <Table.Td ta="right">{formatInt(g.partners)}</Table.Td>
              <Table.Td ta="right">
                <NsatValue s={g.partner} />
              </Table.Td>
              <Table.Td ta="right">
                <NsatValue s={g.customer} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

function PartnerTable({ rows }: { rows: NsatPartnerRow[] }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label="NSAT per partner">
      <Title order={2} fz="lg" mb="sm">
        Partners
      </Title>
      <Table fz="sm" aria-label="NSAT per partner">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Partner</Table.Th>
            <Table.Th>Partner manager</Table.Th>
            <Table.Th>Region</Table.Th>
            <Table.Th ta="right">Partner NSAT</Table.Th>
            <Table.Th ta="right">Customer NSAT</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr key={p.partnerId}>
              <Table.Td>
                <Anchor component={Link} to={`/partners/${p.partnerId}`} fz="sm">
                  {p.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{p.fpmName ?? '—'}</Table.Td>
              <Table.Td>{p.regionName ?? '—'}</Table.Td>
              <Table.Td ta="right">
                <NsatValue s={p.partner} />
              </Table.Td>
              <Table.Td ta="right">
                <NsatValue s={p.customer} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

/** /nsat: NSAT of a period per FPM, region and partner, with the quarterly trend. */
export function NsatPage() {
  const [period, setPeriod] = useState(() => fiscalYearOf(today()))
  const nsat = useNsat({ period })
  const o = nsat.data
  return (
    <Stack gap="lg">
      <PageHeader title="NSAT" />
      <Group gap="sm">
        <Select
          aria-label="Period"
          data={periodChoices(today())}
          value={period}
          onChange={(v) => v && setPeriod(v)}
          allowDeselect={false}
          w={200}
        />
        <InfoTip label="NSAT" text={nsatDefinition} />
        {o && (
          <Text fz="sm" c="dimmed">
            Target {o.settings.target} · low n below {o.settings.minResponses} valid responses
          </Text>
        )}
      </Group>
      {nsat.isError && <QueryError error={nsat.error} onRetry={() => nsat.refetch()} />}
      {!o && !nsat.isError && <Skeleton h={300} />}
      {o && (
        <>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Paper withBorder p="md">
              <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
                Partner NSAT
              </Text>
              <NsatValue s={o.totals.partner} size="26px" />
            </Paper>
            <Paper withBorder p="md">
              <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
                Customer NSAT
              </Text>
              <NsatValue s={o.totals.customer} size="26px" />
            </Paper>
            <Paper withBorder p="md">
              <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
                Partners under target
              </Text>
              <Text fz="26px" fw={600}>
                {formatInt(
                  o.partners.filter((p) => p.partner.onTarget === false || p.customer.onTarget === false)
                    .length,
                )}
              </Text>
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="lg" component="section" aria-label="NSAT trend per quarter">
            <Title order={2} fz="lg" mb="sm">
              Trend per quarter
            </Title>
            <NsatTrendChart trend={o.trend} target={o.settings.target} />
          </Paper>
          <GroupTable title="Per partner manager" rows={o.byFpm} totals={o.totals} />
          <GroupTable title="Per region" rows={o.byRegion} totals={o.totals} />
          <PartnerTable rows={o.partners} />
        </>
      )}
    </Stack>
  )
}
