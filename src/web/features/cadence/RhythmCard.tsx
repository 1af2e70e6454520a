import { Button, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { Fragment, useState } from 'react'
import type { CadenceOverview, CadenceRollup, CadenceTally } from '#shared/contracts/cadence'
import { monthsEnding, quarterOf } from '#shared/domain/cadence'
import { cadenceComplianceDefinition, cadenceTouchpointsDefinition } from '#shared/domain/metrics'
import { addMonths, today } from '#shared/domain/periods'
import { QueryError } from '../../components/QueryError'
import { formatInt, formatPeriod } from '../../lib/format'
import { InfoTip } from '../health/HealthBand'
import { useCadence } from './api'
import { ComplianceValue } from './Compliance'
import { NoRhythmList } from './NoRhythmList'
import { PartnerRhythmTable } from './PartnerRhythmTable'

/** "2026 Q4" for a quarter, "October 2026" for a month. */
export const periodLabel = (key: string) =>
  key.includes('Q') ? key.replace('-', ' ') : formatPeriod(`${key}-01`)

/** This quarter and the three before it, then this month and the five before it. */
export function periodChoices(day: string) {
  const quarters = [0, 3, 6, 9].map((back) => quarterOf(addMonths(day, -back)))
  const months = monthsEnding(day.slice(0, 7), 6).reverse()
  return [
    ...quarters.map((q) => ({ value: q, label: periodLabel(q) })),
    ...months.map((m) => ({ value: m, label: periodLabel(m) })),
  ]
}

function Tile({ label, t, target }: { label: string; t: CadenceTally; target: number }) {
  return (
    <Paper withBorder p="md">
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <ComplianceValue t={t} target={target} size="26px" />
    </Paper>
  )
}

type Props = {
  /** My portfolio: my partners' rows and the no-rhythm list; otherwise the FPM table with a drill-down. */
  mine: boolean
  regionId?: string
  fpmUserId?: string
}

/** The dashboards' "Business rhythm": compliance of ROBs and MBRs and the partners without a rhythm. */
export function RhythmCard({ mine, regionId, fpmUserId }: Props) {
  const [period, setPeriod] = useState(() => quarterOf(today()))
  const cadence = useCadence({ period, regionId, fpmUserId })
  const c = cadence.data
  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" component="section" aria-label="Business rhythm" data-testid="rhythm-card">
        <Group gap={6} mb="md">
          <Title order={2} fz="lg">
            Business rhythm
          </Title>
          <InfoTip label="Cadence compliance" text={cadenceComplianceDefinition} />
          <Select
            aria-label="Rhythm period"
            data={periodChoices(today())}
            value={period}
            onChange={(v) => v && setPeriod(v)}
            allowDeselect={false}
            w={170}
            ml="auto"
            size="xs"
          />
        </Group>
        {cadence.isError && <QueryError error={cadence.error} onRetry={() => cadence.refetch()} />}
        {!c && !cadence.isError && <Skeleton h={160} />}
        {c && <RhythmBody c={c} mine={mine} />}
      </Paper>
      {mine && c && <NoRhythmList partners={c.partners} />}
    </Stack>
  )
}

function RhythmBody({ c, mine }: { c: CadenceOverview; mine: boolean }) {
  const target = c.settings.complianceTarget
  const t = c.totals
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <Tile label="ROB compliance" t={t.meetings.rob} target={target} />
        <Tile label="MBR compliance" t={t.meetings.mbr} target={target} />
        <Tile label="Combined" t={t.meetings.all} target={target} />
        <Paper withBorder p="md">
          <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
            No business rhythm
          </Text>
          <Group gap={6} align="baseline">
            <Text fz={26} fw={700} c={t.noRhythm > 0 ? 'red.7' : undefined}>
              {formatInt(t.noRhythm)}
            </Text>
            <Text fz="xs" c="dimmed">
              of {formatInt(t.partners)} partners
            </Text>
          </Group>
        </Paper>
        <Paper withBorder p="md">
          <Group gap={4}>
            <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
              Touchpoints
            </Text>
            <InfoTip label="Touchpoints" text={cadenceTouchpointsDefinition} />
          </Group>
          <Text fz={26} fw={700}>
            {formatInt(t.touchpoints)}
          </Text>
        </Paper>
      </SimpleGrid>
      <Text fz="xs" c="dimmed">
        Meetings already due in {periodLabel(c.period.key)} · target {Math.round(target * 100)} % · no rhythm
        after {c.settings.silentWeeks} weeks without a held meeting
      </Text>
      {mine ? (
        <PartnerRhythmTable partners={c.partners} target={target} label="Business rhythm by partner" />
      ) : (
        <FpmTable c={c} />
      )}
    </Stack>
  )
}

/** One row per partner manager; "Partners" opens the partner rows behind the row's numbers. */
function FpmTable({ c }: { c: CadenceOverview }) {
  const [open, setOpen] = useState<number | null | undefined>(undefined)
  const target = c.settings.complianceTarget
  const cell = (r: CadenceRollup) => (
    <>
      <Table.Td ta="right">{formatInt(r.partners)}</Table.Td>
      <Table.Td ta="right">{formatInt(r.meetings.all.scheduled)}</Table.Td>
      <Table.Td ta="right">{formatInt(r.meetings.all.held)}</Table.Td>
      <Table.Td ta="right">
        <ComplianceValue t={r.meetings.rob} target={target} />
      </Table.Td>
      <Table.Td ta="right">
        <ComplianceValue t={r.meetings.mbr} target={target} />
      </Table.Td>
      <Table.Td ta="right">
        <ComplianceValue t={r.meetings.all} target={target} />
      </Table.Td>
      <Table.Td ta="right" c={r.noRhythm > 0 ? 'red.7' : undefined}>
        {formatInt(r.noRhythm)}
      </Table.Td>
    </>
  )
  return (
    <Table highlightOnHover aria-label="Business rhythm by partner manager" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Partner manager</Table.Th>
          <Table.Th ta="right">Partners</Table.Th>
          <Table.Th ta="right">Scheduled</Table.Th>
          <Table.Th ta="right">Held</Table.Th>
          <Table.Th ta="right">ROB</Table.Th>
          <Table.Th ta="right">MBR</Table.Th>
          <Table.Th ta="right">Compliance</Table.Th>
          <Table.Th ta="right">Without rhythm</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {c.byFpm.map((r) => (
          <Fragment key={r.id ?? 'none'}>
            <Table.Tr data-testid="rhythm-fpm-row">
              <Table.Td fw={500}>{r.name}</Table.Td>
              {cell(r)}
              <Table.Td ta="right">
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-expanded={open === r.id}
                  aria-label={`Partners of ${r.name}`}
                  onClick={() => setOpen(open === r.id ? undefined : r.id)}
                >
                  {open === r.id ? 'Hide' : 'Partners'}
                </Button>
              </Table.Td>
            </Table.Tr>
            {open === r.id && (
              <Table.Tr>
                <Table.Td colSpan={9} bg="var(--mantine-color-gray-0)">
                  <PartnerRhythmTable
                    partners={c.partners.filter((p) => p.fpmUserId === r.id)}
                    target={target}
                    label={`Business rhythm of ${r.name}'s partners`}
                  />
                </Table.Td>
              </Table.Tr>
            )}
          </Fragment>
        ))}
        {c.byFpm.length > 1 && (
          <Table.Tr fw={600}>
            <Table.Td>{c.byRegion.length === 1 ? c.byRegion[0]!.name : 'All'}</Table.Td>
            {cell(c.totals)}
            <Table.Td />
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  )
}
