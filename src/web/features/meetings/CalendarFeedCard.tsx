import { Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { showServerError } from '../../lib/forms'
import { useCalendarFeed, useNewCalendarFeed, useRevokeCalendarFeed } from './api'
import { formatInstant } from './recurrence'

/** The user's secret calendar feed: the URL is shown once, when made; a new one revokes the old. */
export function CalendarFeedCard() {
  const feed = useCalendarFeed()
  const create = useNewCalendarFeed()
  const revoke = useRevokeCalendarFeed()
  const [url, setUrl] = useState<string | null>(null)
  return (
    <Paper withBorder p="lg" component="section" aria-label="Calendar feed">
      <Title order={2} fz="lg" mb="xs">
        Calendar feed
      </Title>
      <Stack gap="xs">
        <Text fz="sm" c="dimmed">
          Subscribe to your meetings from Outlook or Google Calendar with a secret address. Anyone with the
          address can read your meetings: keep it private, and make a new one if it leaks (the old one stops
          working).
        </Text>
        {url && (
          <Stack gap={4}>
            <Text fz="sm" fw={600}>
              Your feed address (shown only now):
            </Text>
            <Code block data-testid="feed-url">
              {url}
            </Code>
          </Stack>
        )}
        {feed.data?.active && !url && (
          <Text fz="sm">A feed is active since {formatInstant(feed.data.createdAt!)}.</Text>
        )}
        <Group gap="xs">
          <Button
            size="xs"
            onClick={() =>
              create.mutate(undefined, {
                onSuccess: (r) => setUrl(r.url),
                onError: (e) => showServerError(e),
              })
            }
            loading={create.isPending}
          >
            {feed.data?.active ? 'Make a new address' : 'Make my feed address'}
          </Button>
          {feed.data?.active && (
            <Button
              size="xs"
              variant="default"
              color="red"
              onClick={() =>
                revoke.mutate(undefined, {
                  onSuccess: () => setUrl(null),
                  onError: (e) => showServerError(e),
                })
              }
            >
              Revoke
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  )
}
