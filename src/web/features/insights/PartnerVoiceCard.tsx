import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useId, useState } from 'react'
import { Link } from 'react-router'
import { addDays, today } from '#shared/domain/periods'
import { formatDate, plural } from '../../lib/format'
import { useInsights, useSpotlights, useVoiceCounts } from './api'
import { InsightStatusBadge, SpotlightStatusBadge } from './badges'
import { InsightFormModal } from './InsightFormModal'
import { SpotlightFormModal } from './SpotlightFormModal'
import { SpotlightModal } from './SpotlightsTab'

/** The partner's voice: counts in the last 90 days, the newest insights and spotlights, quick add. */
export function PartnerVoiceCard({
  partner,
  canAdd,
}: {
  partner: { id: number; name: string }
  canAdd: boolean
}) {
  const titleId = useId()
  const insights = useInsights({ partnerId: partner.id, pageSize: 5 })
  const spotlights = useSpotlights({ partnerId: partner.id, pageSize: 5 })
  const to = addDays(today(), 1)
  const counts = useVoiceCounts({ partnerId: partner.id, from: addDays(to, -90), to })
  const c = counts.data?.partners[0]
  const [newInsight, insightModal] = useDisclosure()
  const [newSpotlight, spotlightModal] = useDisclosure()
  const [open, setOpen] = useState<number | null>(null)
  const shown = spotlights.data?.items.find((s) => s.id === open)
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="lg" id={titleId}>
          Insights & Spotlights
        </Title>
        {canAdd && (
          <Group gap={4}>
            <Button size="xs" variant="light" onClick={insightModal.open}>
              New insight
            </Button>
            <Button size="xs" variant="light" onClick={spotlightModal.open}>
              New spotlight
            </Button>
          </Group>
        )}
      </Group>
      <Text fz="sm" c={c && c.insights + c.spotlights === 0 ? 'orange.8' : 'dimmed'} mb="sm">
        Last 90 days: {plural(c?.insights ?? 0, 'insight')}, {plural(c?.spotlights ?? 0, 'spotlight')}{' '}
        submitted
        {c && c.insights + c.spotlights === 0
          ? ' — nothing submitted: drive this partner to share feedback.'
          : '.'}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap={6}>
          <Text fw={600} fz="sm">
            Insights ({insights.data?.total ?? 0})
          </Text>
          {insights.data?.items.length === 0 && (
            <Text fz="sm" c="dimmed">
              No insight raised yet.
            </Text>
          )}
          {insights.data?.items.map((i) => (
            <Group key={i.id} gap="xs" wrap="nowrap" justify="space-between">
              <Text fz="sm" lineClamp={1} title={i.title}>
                {i.title}
              </Text>
              <Group gap={6} wrap="nowrap">
                {i.plusOnes > 0 && (
                  <Text fz="xs" c="dimmed" title="Customers with this need">
                    +1 × {i.plusOnes}
                  </Text>
                )}
                <InsightStatusBadge status={i.status} />
              </Group>
            </Group>
          ))}
        </Stack>
        <Stack gap={6}>
          <Text fw={600} fz="sm">
            Spotlights ({spotlights.data?.total ?? 0})
          </Text>
          {spotlights.data?.items.length === 0 && (
            <Text fz="sm" c="dimmed">
              No spotlight written yet.
            </Text>
          )}
          {spotlights.data?.items.map((s) => (
            <Group key={s.id} gap="xs" wrap="nowrap" justify="space-between">
              <Anchor component="button" type="button" fz="sm" lineClamp={1} onClick={() => setOpen(s.id)}>
                {s.title}
              </Anchor>
              <Group gap={6} wrap="nowrap">
                <Text fz="xs" c="dimmed">
                  {formatDate(s.submittedAt ?? s.createdAt)}
                </Text>
                <SpotlightStatusBadge status={s.status} />
              </Group>
            </Group>
          ))}
        </Stack>
      </SimpleGrid>
      <Anchor
        component={Link}
        to={`/insights?partnerId=${partner.id}`}
        fz="sm"
        mt="sm"
        display="inline-block"
      >
        All insights and spotlights of {partner.name}
      </Anchor>
      {newInsight && <InsightFormModal opened onClose={insightModal.close} partner={partner} />}
      {newSpotlight && <SpotlightFormModal opened onClose={spotlightModal.close} partner={partner} />}
      {shown && <SpotlightModal spotlight={shown} onClose={() => setOpen(null)} />}
    </Paper>
  )
}
