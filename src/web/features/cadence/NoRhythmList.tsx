import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import type { CadencePartner } from '#shared/contracts/cadence'
import { noRhythmDefinition } from '#shared/domain/metrics'
import { formatDate } from '../../lib/format'
import { InfoTip } from '../health/HealthBand'
import { meetingsLink, ReasonBadges } from './PartnerRhythmTable'

/** Partners without a business rhythm in place, each reason named, each linked to its Meetings section. */
export function NoRhythmList({ partners }: { partners: CadencePartner[] }) {
  const missing = partners.filter((p) => p.noRhythm.length > 0)
  return (
    <Paper withBorder p="lg" component="section" aria-label="No business rhythm">
      <Group gap={6} mb="sm">
        <Title order={2} fz="lg">
          No business rhythm
        </Title>
        <InfoTip label="No business rhythm" text={noRhythmDefinition} />
        <Text fz="sm" c="dimmed" ml="auto">
          {missing.length} of {partners.length} partners
        </Text>
      </Group>
      {missing.length === 0 ? (
        <Text fz="sm" c="dimmed">
          Every partner has series, a sponsor and a recent meeting.
        </Text>
      ) : (
        <Stack gap="xs" data-testid="no-rhythm-list">
          {missing.map((p) => (
            <Group key={p.partnerId} gap="sm" justify="space-between" wrap="nowrap">
              <Stack gap={0}>
                <Anchor component={Link} to={meetingsLink(p.partnerId)} fz="sm" fw={500}>
                  {p.name}
                </Anchor>
                <Text fz="xs" c="dimmed">
                  {p.fpmName ?? 'No partner manager'} · last held{' '}
                  {p.lastHeldAt ? formatDate(p.lastHeldAt) : 'never'}
                </Text>
              </Stack>
              <ReasonBadges reasons={p.noRhythm} />
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  )
}
