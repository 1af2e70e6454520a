import { Sparkline } from '@mantine/charts'
import {
  Badge,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import type { Scorecard, ScorecardGroup, ScorecardMetricInfo } from '#shared/contracts/scorecard'
import { quarterOf } from '#shared/domain/cadence'
import { today } from '#shared/domain/periods'
import {
  type ScorecardFactor,
  type ScorecardMetric,
  scorecardFactorLabel,
  scorecardFactors,
} from '#shared/domain/scorecard'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { RegionFpmFilters } from '../../components/RegionFpmFilters'
import { usePermissions } from '../auth/session'
import { periodChoices, periodLabel } from '../cadence/RhythmCard'
import { InfoTip } from '../health/HealthBand'
import { useScorecard } from './api'
import { DrilldownDrawer } from './DrilldownDrawer'
import { formatMetric, MetricCell, statusColor, targetText } from './MetricValue'

type Drill = { metric: ScorecardMetric; fpmUserId: number | null; who: string }

/**
 * The role scorecard: the four success factors of the role profile with their metrics — the user's own (an
 * FPM) or everyone's in view (a lead, an admin) — and, for more than one FPM, the table a lead compares
 * them in. Every number opens the partners behind it.
 */
export function ScorecardPage() {
  const { user } = usePermissions()
  const [search, setSearch] = useSearchParams()
  const period = search.get('period') ?? quarterOf(today())
  const regionId = search.get('regionId') ?? ''
  const fpmUserId = search.get('fpmUserId') ?? ''
  const params = { period, regionId: regionId || undefined, fpmUserId: fpmUserId || undefined }
  const s = useScorecard(params)
  const [drill, setDrill] = useState<Drill | null>(null)
  const set = (change: Record<string, string | null | undefined>) => {
    const next = new URLSearchParams(search)
    for (const [k, v] of Object.entries(change)) {
      if (v) next.set(k, v)
      else next.delete(k)
    }
    setSearch(next, { replace: true })
  }
  const open = (metric: ScorecardMetric, fpmUserId: number | null, who: string) =>
    setDrill({ metric, fpmUserId, who })
  const data = s.data
  return (
    <>
      <PageHeader
        title="Role scorecard"
        description={
          user.role === 'fpm'
            ? 'Your success metrics from the role profile, computed from your partners’ data.'
            : 'The success metrics of the role profile per partner manager, and for everyone in view.'
        }
        actions={
          <Group gap="sm">
            <RegionFpmFilters regionId={regionId} fpmUserId={fpmUserId} onChange={set} />
            <Select
              aria-label="Scorecard period"
              data={periodChoices(today())}
              value={period}
              onChange={(v) => v && set({ period: v })}
              allowDeselect={false}
              w={170}
            />
          </Group>
        }
      />
      {s.isError && <QueryError error={s.error} onRetry={() => s.refetch()} />}
      {!data && !s.isError && <Skeleton h={400} />}
      {data && (
        <Stack gap="lg">
          <FactorCards s={data} onOpen={(m) => open(m, data.total.fpmUserId, data.total.name)} />
          {data.fpms.length > 1 && <CompareTable s={data} onOpen={open} />}
        </Stack>
      )}
      <DrilldownDrawer
        metric={drill?.metric ?? null}
        who={drill?.who ?? ''}
        params={{ ...params, fpmUserId: drill?.fpmUserId ? String(drill.fpmUserId) : params.fpmUserId }}
        onClose={() => setDrill(null)}
      />
    </>
  )
}

const metricsOf = (s: Scorecard, f: ScorecardFactor) => s.metrics.filter((m) => m.factor === f)

/** One card per success factor, one tile per metric: value, target, trend and the role guide's words. */
function FactorCards({ s, onOpen }: { s: Scorecard; onOpen: (m: ScorecardMetric) => void }) {
  const g = s.fpms.length === 1 ? s.fpms[0]! : s.total
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      {scorecardFactors.map((f) => (
        <Paper key={f} withBorder p="lg" component="section" aria-label={scorecardFactorLabel[f]}>
          <Title order={2} fz="lg" mb="sm">
            {scorecardFactorLabel[f]}
          </Title>
          <Stack gap="xs">
            {metricsOf(s, f).map((m) => (
              <MetricTile key={m.code} info={m} g={g} onOpen={() => onOpen(m.code)} />
            ))}
          </Stack>
          <Text fz="xs" c="dimmed" mt="sm">
            {periodLabel(s.period.key)} · {g.partners} partners
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  )
}

function MetricTile({
  info,
  g,
  onOpen,
}: {
  info: ScorecardMetricInfo
  g: ScorecardGroup
  onOpen: () => void
}) {
  const m = g.metrics[info.code]!
  const v = m.current
  // Periods with nothing to count are left out of the line rather than drawn as 0.
  const trend = m.trend.flatMap((p) =>
    p.value === null ? [] : [info.unit === 'nsat' ? p.value : p.value * 100],
  )
  const tracked = v.status !== 'not_tracked'
  return (
    <UnstyledButton
      onClick={tracked ? onOpen : undefined}
      disabled={!tracked}
      aria-label={`${info.name}: ${tracked ? formatMetric(info, v.value) : 'not tracked'}`}
      data-testid="scorecard-metric"
      style={{ borderRadius: 8 }}
      p="xs"
      className="scorecard-tile"
    >
      <Group justify="space-between" wrap="nowrap" align="center">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={4} wrap="nowrap">
            <Text fz="sm" fw={500}>
              {info.name}
            </Text>
            <InfoTip label={info.name} text={`${info.definition} Role guide: “${info.roleGuide}”`} />
          </Group>
          <Text fz="xs" c="dimmed">
            {!tracked
              ? (info.notTracked ?? 'Not tracked')
              : `${info.basis === 'now' ? 'today' : periodLabelShort(g, info)} · ${targetText(info)}`}
          </Text>
        </Stack>
        <Group gap="md" wrap="nowrap" style={{ flexShrink: 0 }}>
          {trend.length > 1 && (
            <Sparkline
              w={90}
              h={32}
              data={trend}
              curveType="linear"
              color="blue.5"
              fillOpacity={0.15}
              strokeWidth={1.5}
            />
          )}
          {tracked ? (
            <Stack gap={0} align="flex-end" miw={72}>
              <Text fz={22} fw={700} c={statusColor(v)} lh={1.1}>
                {formatMetric(info, v.value)}
              </Text>
              <Text fz="xs" c="dimmed">
                {v.status === 'no_data'
                  ? 'no data'
                  : info.unit === 'nsat'
                    ? `n = ${v.denominator}`
                    : `${v.numerator} of ${v.denominator}`}
              </Text>
            </Stack>
          ) : (
            <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
              not tracked
            </Badge>
          )}
        </Group>
      </Group>
    </UnstyledButton>
  )
}

const periodLabelShort = (_g: ScorecardGroup, info: ScorecardMetricInfo) =>
  info.basis === 'period' ? 'in the period, trend over 4 periods' : 'today'

/** A lead compares FPMs: one row per FPM, metrics grouped by factor; a cell opens that FPM's partners. */
function CompareTable({
  s,
  onOpen,
}: {
  s: Scorecard
  onOpen: (m: ScorecardMetric, fpmUserId: number | null, who: string) => void
}) {
  const tracked = s.metrics.filter((m) => !m.notTracked)
  const factors = scorecardFactors.filter((f) => tracked.some((m) => m.factor === f))
  const row = (g: ScorecardGroup, total: boolean) => (
    <Table.Tr
      key={g.fpmUserId ?? 'total'}
      fw={total ? 600 : undefined}
      data-testid={total ? 'scorecard-total' : 'scorecard-fpm-row'}
    >
      <Table.Td fw={total ? 700 : 500}>{g.name}</Table.Td>
      <Table.Td ta="right">{g.partners}</Table.Td>
      {tracked.map((m) => (
        <Table.Td key={m.code} ta="right">
          <UnstyledButton
            onClick={() => onOpen(m.code, total ? null : g.fpmUserId, g.name)}
            aria-label={`${m.name} of ${g.name}`}
          >
            <MetricCell info={m} v={g.metrics[m.code]!.current} />
          </UnstyledButton>
        </Table.Td>
      ))}
    </Table.Tr>
  )
  return (
    <Paper withBorder p="lg" component="section" aria-label="Partner managers compared">
      <Title order={2} fz="lg" mb="sm">
        Partner managers compared
      </Title>
      <Table.ScrollContainer minWidth={900}>
        <Table fz="sm" highlightOnHover withColumnBorders aria-label="Scorecard by partner manager">
          <Table.Thead>
            <Table.Tr>
              <Table.Th rowSpan={2}>Partner manager</Table.Th>
              <Table.Th rowSpan={2} ta="right">
                Partners
              </Table.Th>
              {factors.map((f) => (
                <Table.Th key={f} colSpan={tracked.filter((m) => m.factor === f).length} ta="center">
                  {scorecardFactorLabel[f]}
                </Table.Th>
              ))}
            </Table.Tr>
            <Table.Tr>
              {tracked.map((m) => (
                <Table.Th
                  key={m.code}
                  ta="right"
                  fz="xs"
                  fw={500}
                  style={{ whiteSpace: 'normal', minWidth: 110 }}
                >
                  {m.name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.fpms.map((g) => row(g, false))}
            {row(s.total, true)}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text fz="xs" c="dimmed" mt="xs">
        Totals add up each partner manager’s counts before dividing. Metrics Trellis does not track yet are
        left out of the table.
      </Text>
    </Paper>
  )
}
