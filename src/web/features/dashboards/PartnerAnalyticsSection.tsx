import { Grid, Skeleton, Stack } from '@mantine/core'
import { QueryError } from '../../components/QueryError'
import { usePartnerAnalytics } from './api'
import { FunnelCard } from './FunnelCard'
import { StandingsTable } from './StandingsTable'
import { UsageTrendChart } from './UsageTrendChart'

/** The partner page's analytics: usage trend per workload, lifecycle funnel, strengths and weaknesses. */
export function PartnerAnalyticsSection({ partnerId }: { partnerId: number }) {
  const analytics = usePartnerAnalytics(partnerId, null)
  if (analytics.isError) return <QueryError error={analytics.error} />
  const a = analytics.data
  if (!a) return <Skeleton h={320} />
  if (!a.period) return null
  const customers = (extra: string) => `/customers?partnerId=${partnerId}&${extra}`
  return (
    <Stack gap="lg" data-testid="partner-analytics">
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <UsageTrendChart
            title="Active usage by workload"
            trend={a.trend}
            drill={(w) => customers(`workload=${w}`)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <FunnelCard funnel={a.funnel} milestones={a.milestones} drill={(p) => customers(`phase=${p}`)} />
        </Grid.Col>
      </Grid>
      <StandingsTable partnerId={partnerId} analytics={a} />
    </Stack>
  )
}
