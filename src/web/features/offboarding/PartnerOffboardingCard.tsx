import { Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core'
import { offboardingRuleLabel } from '#shared/domain/offboarding'
import { QueryError } from '../../components/QueryError'
import { usePartnerOffboarding } from './api'
import { FlagList, RecommendationBadge } from './Flags'
import { ProposeButton } from './ProposeButton'
import { RecommendationActions } from './RecommendationActions'
import { RecommendationTimeline } from './RecommendationTimeline'

/** The partner page's "Progress and offboarding": today's flags, the recommendations and their steps. */
export function PartnerOffboardingCard({
  partnerId,
  partnerName,
}: {
  partnerId: number
  partnerName: string
}) {
  const q = usePartnerOffboarding(partnerId)
  const d = q.data
  const current = d?.recommendations[0]
  return (
    <Paper withBorder p="lg" component="section" aria-label="Progress and offboarding">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg">
          Progress and offboarding
        </Title>
        {d?.canPropose && <ProposeButton partnerId={partnerId} partnerName={partnerName} flags={d.flags} />}
      </Group>
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {!d && !q.isError && <Skeleton h={80} />}
      {d && (
        <Stack gap="sm">
          <FlagList flags={d.flags} />
          {d.rulesWithoutData.length > 0 && (
            <Text fz="xs" c="dimmed">
              Not checked, no data in Trellis:{' '}
              {d.rulesWithoutData.map((r) => offboardingRuleLabel[r]).join(', ')}.
            </Text>
          )}
          {current && (
            <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
              <Group justify="space-between" mb="xs">
                <Group gap="xs">
                  <Text fw={600} fz="sm">
                    Recommendation
                  </Text>
                  <RecommendationBadge status={current.status} />
                </Group>
                <RecommendationActions rec={current} />
              </Group>
              <Text fz="sm" mb="xs">
                {current.reason}
              </Text>
              <RecommendationTimeline rec={current} />
              {d.recommendations.length > 1 && (
                <Text fz="xs" c="dimmed" mt="xs">
                  {d.recommendations.length - 1} earlier recommendation(s) kept on record.
                </Text>
              )}
            </Paper>
          )}
        </Stack>
      )}
    </Paper>
  )
}
