import { Anchor, Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import { occurrenceStatusLabel } from '#shared/domain/meetings'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { DigestCard } from '../digest/DigestCard'
import { EscalationLine } from '../escalations/EscalationLine'
import { ActionList } from './ActionItems'
import { useMyWeek } from './api'
import { CalendarFeedCard } from './CalendarFeedCard'
import { NeedsAttention } from './NeedsAttention'
import { formatInstant, meetingPath } from './recurrence'

/** "My week": what needs attention, my meetings (owner or attendee), my due and overdue action items, my open escalations. */
export function MyWeekPage() {
  const week = useMyWeek()
  return (
    <>
      <PageHeader
        title="My week"
        description="What needs attention, your meetings this week, the action items you owe and the escalations on you."
      />
      {week.data && <NeedsAttention week={week.data} />}
      {week.isError ? (
        <QueryError error={week.error} onRetry={() => week.refetch()} />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Paper withBorder p="lg" component="section" aria-label="My meetings">
              <Title order={2} fz="lg" mb="xs">
                Meetings this week
              </Title>
              {week.isPending ? (
                <Text c="dimmed">Loading…</Text>
              ) : week.data.meetings.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  No meeting this week.
                </Text>
              ) : (
                <Stack gap={6}>
                  {week.data.meetings.map((m) => (
                    <Group key={`${m.seriesId}-${m.originalStart}`} gap="xs">
                      <Anchor component={Link} to={meetingPath(m.seriesId, m.originalStart)} fz="sm">
                        {formatInstant(m.start)} — {m.title}
                      </Anchor>
                      <Text fz="xs" c="dimmed">
                        {m.partnerName}
                      </Text>
                      {m.status !== 'scheduled' && (
                        <Badge size="xs" variant="light">
                          {occurrenceStatusLabel[m.status]}
                        </Badge>
                      )}
                    </Group>
                  ))}
                </Stack>
              )}
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <Paper withBorder p="lg" component="section" aria-label="My action items">
                <Title order={2} fz="lg" mb="xs">
                  My action items
                </Title>
                {week.data && (
                  <Stack gap="sm">
                    <Text fz="sm" fw={600} c="red">
                      Overdue
                    </Text>
                    <ActionList items={week.data.overdue} empty="Nothing overdue." showPartner />
                    <Text fz="sm" fw={600}>
                      Due this week
                    </Text>
                    <ActionList items={week.data.due} empty="Nothing due this week." showPartner />
                    {week.data.later.length > 0 && (
                      <>
                        <Text fz="sm" fw={600}>
                          Later
                        </Text>
                        <ActionList items={week.data.later} empty="" showPartner />
                      </>
                    )}
                  </Stack>
                )}
              </Paper>
              <Paper withBorder p="lg" component="section" aria-label="My open escalations">
                <Title order={2} fz="lg" mb="xs">
                  My escalations
                </Title>
                {week.data &&
                  (week.data.escalations.length === 0 ? (
                    <Text fz="sm" c="dimmed">
                      No open escalation of yours or escalated to you.
                    </Text>
                  ) : (
                    <Stack gap="xs">
                      {week.data.escalations.map((e) => (
                        <EscalationLine key={e.id} escalation={e} detail={e.partnerName} />
                      ))}
                    </Stack>
                  ))}
              </Paper>
              <CalendarFeedCard />
              <DigestCard />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </>
  )
}
