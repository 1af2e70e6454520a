import {
  Anchor,
  Button,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core'
import { IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react'
import { Link, useSearchParams } from 'react-router'
import { workloadCatalog } from '#shared/domain/workloads'
import { toQueryString } from '../../api/client'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { RegionFpmFilters } from '../../components/RegionFpmFilters'
import { formatMonth } from '../../lib/format'
import { usePermissions } from '../auth/session'
import { RhythmCard } from '../cadence/RhythmCard'
import { useDashboard } from './api'
import { FunnelCard } from './FunnelCard'
import { HealthDistribution } from './HealthDistribution'
import { HeatmapCard } from './HeatmapCard'
import { KpiTiles } from './KpiTiles'
import { MoversCard } from './MoversCard'
import { PartnersHealthTable } from './PartnersHealthTable'
import { UsageTrendChart } from './UsageTrendChart'

type View = 'mine' | 'region' | 'all'

/** Adds the dashboard's filters to a drill-down link so the rows match what the chart counted. */
function withFilters(path: string, extra: Record<string, string | undefined>) {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v)
  const s = q.toString()
  return s ? `${path}?${s}` : path
}

/**
 * "My portfolio" for a partner manager, "Region" for a lead, everything for an admin: one page, the
 * view decides the default filters; every chart drills down to the rows behind it.
 */
export function DashboardPage() {
  const { user } = usePermissions()
  const [search, setSearch] = useSearchParams()
  const defaultView: View = user.role === 'fpm' ? 'mine' : user.regionId ? 'region' : 'all'
  const view = (search.get('view') as View | null) ?? defaultView
  const regionId = search.get('regionId') ?? (view === 'region' && user.regionId ? String(user.regionId) : '')
  const fpmUserId = search.get('fpmUserId') ?? ''
  const workload = search.get('workload') ?? ''
  const period = search.get('period') ?? ''
  const set = (patch: Record<string, string | null>) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev)
        for (const [k, v] of Object.entries(patch)) v ? next.set(k, v) : next.delete(k)
        return next
      },
      { replace: true },
    )
  const dashboard = useDashboard({
    mine: view === 'mine' ? 'true' : undefined,
    regionId: regionId || undefined,
    fpmUserId: fpmUserId || undefined,
    workload: workload || undefined,
    period: period || undefined,
  })
  const d = dashboard.data
  const reportHref = `/api/reports/portfolio.xlsx${toQueryString({
    regionId: regionId || undefined,
    fpmUserId: view === 'mine' ? user.id : fpmUserId || undefined,
    period: period || undefined,
  })}`
  const views = [
    ...(user.role === 'fpm' ? [{ value: 'mine', label: 'My portfolio' }] : []),
    ...(user.regionId ? [{ value: 'region', label: user.role === 'fpm' ? 'Region' : 'My region' }] : []),
    ...(user.role === 'admin' || user.regionId === null ? [{ value: 'all', label: 'All regions' }] : []),
  ]
  const title = view === 'mine' ? 'My portfolio' : view === 'region' ? 'Region' : 'Portfolio'
  // Drill-downs keep the dashboard's filters, so the rows are the ones the chart counted.
  const drillBase = {
    workload: workload || undefined,
    regionId: regionId || undefined,
    fpmUserId: fpmUserId || undefined,
  }

  const rhythm = (
    <RhythmCard
      mine={view === 'mine'}
      regionId={regionId || undefined}
      fpmUserId={view === 'mine' ? String(user.id) : fpmUserId || undefined}
    />
  )

  return (
    <>
      <PageHeader
        title={title}
        description={
          d?.period
            ? `Health, usage and lifecycle of ${d.totals.partners} partners · ${formatMonth(d.period)}`
            : 'Health, usage and lifecycle of your partners'
        }
        actions={
          <Group gap="xs" className="no-print">
            <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
              Print
            </Button>
            <Button component="a" href={reportHref} download leftSection={<IconFileSpreadsheet size={16} />}>
              Health review (.xlsx)
            </Button>
          </Group>
        }
      />
      <Paper withBorder p="sm" mb="lg" className="no-print">
        <Group gap="sm" wrap="wrap">
          {views.length > 1 && (
            <SegmentedControl
              aria-label="View"
              data={views}
              value={view}
              onChange={(v) => set({ view: v, regionId: null, fpmUserId: null })}
            />
          )}
          <RegionFpmFilters regionId={regionId} fpmUserId={fpmUserId} onChange={set} />
          <Select
            aria-label="Workload"
            placeholder="All workloads"
            data={workloadCatalog.map((w) => ({ value: w.code, label: w.name }))}
            value={workload || null}
            onChange={(v) => set({ workload: v })}
            searchable
            clearable
            w={210}
          />
          <Select
            aria-label="Period"
            placeholder="Latest month"
            data={[...(d?.periods ?? [])].reverse().map((p) => ({ value: p, label: formatMonth(p) }))}
            value={period || d?.period || null}
            onChange={(v) => set({ period: v })}
            w={150}
            ml="auto"
          />
        </Group>
      </Paper>
      {dashboard.isError && <QueryError error={dashboard.error} />}
      {!d && !dashboard.isError && <Skeleton h={400} />}
      {d && !d.period && (
        <Paper withBorder p="xl">
          <Text c="dimmed" ta="center">
            No portfolio data yet: health, usage and lifecycle appear here after the first{' '}
            <Anchor component={Link} to="/import">
              import of a portfolio file
            </Anchor>{' '}
            with usage data.
          </Text>
        </Paper>
      )}
      {d && !d.period && <Stack mt="lg">{rhythm}</Stack>}
      {d?.period && (
        <Stack gap="lg" data-testid="dashboard">
          <KpiTiles d={d} />
          <Grid>
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <UsageTrendChart
                trend={d.trend}
                drill={(w) => withFilters('/customers', { ...drillBase, workload: w })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <HealthDistribution
                customers={d.customerBands}
                partners={d.partnerBands}
                drillCustomers={(band) => withFilters('/customers', { band, ...drillBase })}
                drillPartners={(band) =>
                  withFilters('/partners', {
                    band,
                    regionId: drillBase.regionId,
                    fpmUserId: drillBase.fpmUserId,
                  })
                }
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <FunnelCard
                funnel={d.funnel}
                milestones={d.milestones}
                drill={(phase) => withFilters('/customers', { phase, ...drillBase })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <MoversCard movers={d.movers} />
            </Grid.Col>
          </Grid>
          {rhythm}
          <HeatmapCard heatmap={d.heatmap} />
          <PartnersHealthTable partners={d.partners} />
        </Stack>
      )}
    </>
  )
}
