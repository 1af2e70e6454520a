import { LineChart } from '@mantine/charts'
import {
  Box,
  Button,
  EmptyState,
  Grid,
  Group,
  Paper,
  Progress,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { IconHeartbeat } from '@tabler/icons-react'
import { useState } from 'react'
import {
  type HealthExplanation,
  type HealthFactor,
  type HealthPoint,
  healthFactorLabel,
  type SubjectHealth,
} from '#shared/contracts/analytics'
import {
  healthBandDefinition,
  healthFactorDefinition,
  healthScoreDefinition,
  partnerHealthDefinition,
} from '#shared/domain/metrics'
import { QueryError } from '../../components/QueryError'
import { formatDate, formatMonth, formatPeriod, plural } from '../../lib/format'
import { useSettingsInForce } from '../settings/api'
import { type HealthSubject, useHealth } from './api'
import { HealthBandBadge, healthBandColor, InfoTip } from './HealthBand'
import { HealthRowsTable } from './HealthRowsTable'

const points1 = (n: number) => (Math.round(n * 10) / 10).toFixed(1).replace(/\.0$/, '')

function FactorRow({ factor }: { factor: HealthFactor }) {
  const label = healthFactorLabel[factor.key]
  return (
    <Stack component="li" gap={4} data-testid={`health-factor-${factor.key}`}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={2} wrap="nowrap">
          <Text fz="sm" fw={600}>
            {label}
          </Text>
          <InfoTip label={label} text={healthFactorDefinition[factor.key]} />
        </Group>
        <Text fz="sm" className="numeric" style={{ whiteSpace: 'nowrap' }}>
          <Text span fw={700}>
            {points1(factor.points)}
          </Text>
          <Text span c="dimmed">
            {' / '}
            {points1(factor.weight)} pts
          </Text>
        </Text>
      </Group>
      <Progress
        value={Math.round(factor.value * 100)}
        size={8}
        color={factor.value >= 0.7 ? 'teal' : factor.value >= 0.4 ? 'yellow' : 'red'}
        aria-label={`${label}: ${Math.round(factor.value * 100)} %`}
      />
      <Text fz="xs" c="dimmed">
        {factor.reason}
      </Text>
    </Stack>
  )
}

function HistoryChart({
  history,
  subject,
  period,
}: {
  history: HealthPoint[]
  subject: HealthSubject
  period: string
}) {
  // The thresholds of the period shown (the settings in force then).
  const inForce = useSettingsInForce(period)
  const bands = inForce.data?.values.health.bands
  const data = history.map((h) => ({ month: formatMonth(h.period), score: Math.round(h.score * 10) / 10 }))
  if (history.length < 2)
    return (
      <Text fz="xs" c="dimmed">
        The history chart appears after a second month is scored.
      </Text>
    )
  return (
    <Stack gap={4}>
      <LineChart
        h={180}
        data={data}
        dataKey="month"
        curveType="monotone"
        withDots={history.length < 16}
        series={[{ name: 'score', label: 'Health score', color: 'trellis.6' }]}
        yAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100] }}
        referenceLines={
          bands
            ? [
                { y: bands.healthy, color: 'green.6', strokeDasharray: '6 4' },
                { y: bands.watch, color: 'yellow.7', strokeDasharray: '6 4' },
              ]
            : []
        }
        valueFormatter={(v) => points1(v)}
        role="img"
        aria-label={`${subject === 'partner' ? 'Partner' : 'Customer'} health score over ${history.length} months`}
      />
      {bands && (
        <Group gap="md" justify="center">
          <BandKey color="green.6" label={`Healthy from ${bands.healthy}`} />
          <BandKey color="yellow.7" label={`Watch from ${bands.watch}`} />
        </Group>
      )}
    </Stack>
  )
}

function BandKey({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Box w={16} h={0} style={{ borderTop: `2px dashed var(--mantine-color-${color.replace('.', '-')})` }} />
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  )
}

function ScoreBlock({
  current,
  history,
  period,
  onPeriod,
  subject,
}: {
  current: HealthExplanation
  history: HealthPoint[]
  period: string | null
  onPeriod: (period: string | null) => void
  subject: HealthSubject
}) {
  const newest = history.at(-1)?.period
  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="nowrap">
        <Text
          fz={56}
          fw={750}
          lh={1}
          className="numeric"
          c={`${healthBandColor[current.band]}.8`}
          data-testid="health-score"
        >
          {Math.round(current.score)}
        </Text>
        <Stack gap={6} pb={4}>
          <HealthBandBadge band={current.band} size="lg" />
          <Text fz="xs" c="dimmed">
            of 100 · as of {formatPeriod(current.period)}
          </Text>
        </Stack>
      </Group>
      <Select
        label="Period"
        size="xs"
        w={200}
        allowDeselect={false}
        value={period ?? current.period}
        onChange={(v) => onPeriod(v === newest ? null : v)}
        data={[...history].reverse().map((h) => ({
          value: h.period,
          label: `${formatPeriod(h.period)} · ${Math.round(h.score)}`,
        }))}
      />
      <HistoryChart history={history} subject={subject} period={current.period} />
      <Text fz="xs" c="dimmed">
        Settings{' '}
        {current.settingsFrom ? `in force from ${formatDate(current.settingsFrom)}` : 'built-in defaults'} ·
        computed {formatDate(current.computedAt)}
      </Text>
    </Stack>
  )
}

function HealthBody({
  health,
  subject,
  period,
  onPeriod,
}: {
  health: SubjectHealth
  subject: HealthSubject
  period: string | null
  onPeriod: (p: string | null) => void
}) {
  const [expanded, setExpanded] = useState(false)
  const { current, history, rows, rowsTotal } = health
  if (!current)
    return (
      <EmptyState
        icon={<IconHeartbeat size={22} />}
        title="No health score yet"
        description="The score appears once the portfolio has engagements: after an import or when a workload is added."
        withIndicatorBackground
        size="sm"
      />
    )
  const shown = expanded ? rows : rows.slice(0, 10)
  const total = current.factors.reduce((s, f) => s + f.points, 0)
  return (
    <Stack gap="lg">
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ScoreBlock
            current={current}
            history={history}
            period={period}
            onPeriod={onPeriod}
            subject={subject}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Stack
              component="ul"
              gap="md"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label="Health factors"
            >
              {current.factors.map((f) => (
                <FactorRow key={f.key} factor={f} />
              ))}
            </Stack>
            <Text fz="xs" c="dimmed" ta="right" className="numeric">
              Total {points1(total)} of 100 points
            </Text>
          </Stack>
        </Grid.Col>
      </Grid>
      <Stack gap="xs">
        <Group justify="space-between" align="baseline">
          <Title order={3} fz="md">
            Rows behind this score
          </Title>
          <Text fz="xs" c="dimmed">
            {subject === 'partner'
              ? 'Lowest-scoring customers first · snapshots up to the end of the period'
              : 'Snapshots up to the end of the period'}
          </Text>
        </Group>
        <HealthRowsTable rows={shown} subject={subject} />
        {(rowsTotal > shown.length || rows.length > shown.length) && (
          <Group justify="space-between">
            <Text fz="xs" c="dimmed">
              Showing {shown.length} of {plural(rowsTotal, 'engagement')}
              {rowsTotal > rows.length ? ` (the first ${rows.length} can be listed here)` : ''}
            </Text>
            {rows.length > shown.length && (
              <Button size="compact-xs" variant="subtle" onClick={() => setExpanded(true)}>
                Show all {rows.length}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Stack>
  )
}

/** A customer's or partner's health score with its factors, history and the rows behind it. */
export function HealthCard({ subject, id }: { subject: HealthSubject; id: number }) {
  const [period, setPeriod] = useState<string | null>(null)
  const health = useHealth(subject, id, period)
  return (
    <Paper withBorder p="lg" aria-labelledby={`health-${subject}-title`} component="section">
      <Group gap={4} mb="md">
        <Title order={2} fz="lg" id={`health-${subject}-title`}>
          Health score
        </Title>
        <InfoTip
          label="the health score"
          text={`${healthScoreDefinition} ${healthBandDefinition}${subject === 'partner' ? ` ${partnerHealthDefinition}` : ''}`}
        />
      </Group>
      {health.isPending ? (
        <Skeleton h={280} />
      ) : health.isError ? (
        <QueryError error={health.error} onRetry={() => health.refetch()} />
      ) : (
        <div style={{ opacity: health.isPlaceholderData ? 0.6 : 1 }}>
          <HealthBody health={health.data} subject={subject} period={period} onPeriod={setPeriod} />
        </div>
      )}
    </Paper>
  )
}
