import { Alert, Anchor, Group, Paper, Skeleton, Stack, Table, Text } from '@mantine/core'
import { Link, useSearchParams } from 'react-router'
import { offboardingRuleLabel } from '#shared/domain/offboarding'
import { PartnerStatusBadge } from '../../components/badges'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { RegionFpmFilters } from '../../components/RegionFpmFilters'
import { formatDate } from '../../lib/format'
import { useOffboarding } from './api'
import { FlagBadges, RecommendationBadge } from './Flags'
import { ProposeButton } from './ProposeButton'
import { RecommendationActions } from './RecommendationActions'

/**
 * Partners not progressing: what the rules flag today with the evidence, and the recommendations moving
 * through proposed → reviewed → accepted or rejected. Role guide: "recommending offboarding as appropriate".
 */
export function OffboardingPage() {
  const [search, setSearch] = useSearchParams()
  const regionId = search.get('regionId') ?? ''
  const fpmUserId = search.get('fpmUserId') ?? ''
  const focus = Number(search.get('partnerId')) || null
  const q = useOffboarding({ regionId: regionId || undefined, fpmUserId: fpmUserId || undefined })
  const d = q.data
  const set = (change: Record<string, string | null | undefined>) => {
    const next = new URLSearchParams(search)
    for (const [k, v] of Object.entries(change)) {
      if (v) next.set(k, v)
      else next.delete(k)
    }
    setSearch(next, { replace: true })
  }
  return (
    <>
      <PageHeader
        title="Offboarding"
        description="Partners not progressing, flagged by the rules with their evidence, and the offboarding recommendations under review. Nothing here deletes data."
        actions={<RegionFpmFilters regionId={regionId} fpmUserId={fpmUserId} onChange={set} />}
      />
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {!d && !q.isError && <Skeleton h={300} />}
      {d && (
        <Stack gap="md">
          <Text fz="sm" c="dimmed">
            {d.partners.filter((p) => p.flags.length > 0).length} of {d.checked} live partners flagged today ·
            no usage growth over {d.settings.noGrowthMonths} months · from {d.settings.overdueMandatoryTasks}{' '}
            overdue mandatory task(s) · from {d.settings.unansweredReferrals} unanswered referral(s)
          </Text>
          {d.rulesWithoutData.length > 0 && (
            <Alert variant="light" color="gray" title="Rules without data">
              Trellis holds no data yet for:{' '}
              {d.rulesWithoutData.map((r) => offboardingRuleLabel[r]).join(', ')}. These rules flag nobody
              until that data is recorded.
            </Alert>
          )}
          <Paper withBorder>
            <Table highlightOnHover fz="sm" aria-label="Partners not progressing">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Partner</Table.Th>
                  <Table.Th>Partner manager</Table.Th>
                  <Table.Th>Flags today</Table.Th>
                  <Table.Th>Recommendation</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.partners.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Text fz="sm" c="dimmed" ta="center" py="md">
                        No partner is flagged and no recommendation is open.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {d.partners.map((p) => (
                  <Table.Tr
                    key={p.partnerId}
                    data-testid="offboarding-row"
                    bg={focus === p.partnerId ? 'var(--mantine-color-yellow-0)' : undefined}
                  >
                    <Table.Td>
                      <Group gap="xs">
                        <Anchor component={Link} to={`/partners/${p.partnerId}`} fw={500} fz="sm">
                          {p.name}
                        </Anchor>
                        <PartnerStatusBadge status={p.status} />
                      </Group>
                    </Table.Td>
                    <Table.Td>{p.fpmName ?? '—'}</Table.Td>
                    <Table.Td>
                      {p.flags.length ? (
                        <FlagBadges flags={p.flags} />
                      ) : (
                        <Text fz="xs" c="dimmed">
                          none
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {p.recommendation ? (
                        <Group gap={6}>
                          <RecommendationBadge status={p.recommendation.status} />
                          <Text fz="xs" c="dimmed">
                            {p.recommendation.proposedByName}, {formatDate(p.recommendation.proposedAt)}
                          </Text>
                        </Group>
                      ) : (
                        <Text fz="xs" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group justify="flex-end">
                        {p.recommendation?.canMoveTo.length ? (
                          <RecommendationActions rec={p.recommendation} />
                        ) : (
                          p.canPropose && (
                            <ProposeButton partnerId={p.partnerId} partnerName={p.name} flags={p.flags} />
                          )
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      )}
    </>
  )
}
