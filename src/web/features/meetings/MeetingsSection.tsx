import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconPlus } from '@tabler/icons-react'
import { useEffect, useId, useMemo, useState } from 'react'
import { Link, useLocation } from 'react-router'
import type { MeetingSeries } from '#shared/contracts/meetings'
import { meetingKindLabel, occurrenceStatusLabel } from '#shared/domain/meetings'
import { notifySaved, showServerError } from '../../lib/forms'
import { useEndSeries, useOccurrences, usePartnerSeries } from './api'
import { describeRule, formatInstant, meetingPath } from './recurrence'
import { SeriesFormModal } from './SeriesFormModal'

/** The partner page's "Meetings": the series, the next meetings, and "New series". */
export function MeetingsSection({ partnerId, canEdit }: { partnerId: number; canEdit: boolean }) {
  const titleId = useId()
  const [opened, { open, close }] = useDisclosure()
  const [editing, setEditing] = useState<MeetingSeries | null>(null)
  const series = usePartnerSeries(partnerId)
  const window = useMemo(() => {
    const from = new Date(Date.now() - 14 * 86_400_000)
    return { from: from.toISOString(), to: new Date(Date.now() + 70 * 86_400_000).toISOString() }
  }, [])
  const occurrences = useOccurrences({ ...window, partnerId })
  const end = useEndSeries()
  const { hash } = useLocation()
  // A link to #meetings (the dashboards' business rhythm) lands here once the series are shown.
  useEffect(() => {
    if (hash === '#meetings' && !series.isPending) document.getElementById('meetings')?.scrollIntoView()
  }, [hash, series.isPending])
  const now = Date.now()
  const upcoming = (occurrences.data?.items ?? []).filter((o) => Date.parse(o.end) > now).slice(0, 6)
  const recent = (occurrences.data?.items ?? []).filter((o) => Date.parse(o.end) <= now).slice(-2)

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={titleId} id="meetings">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id={titleId}>
          Meetings
        </Title>
        {canEdit && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={open}>
            New series
          </Button>
        )}
      </Group>
      {series.isPending ? (
        <Skeleton h={60} />
      ) : (series.data?.items ?? []).length === 0 ? (
        <Text fz="sm" c="dimmed">
          No recurring meeting yet. Plan the rhythm of business (ROB) and the monthly business review (MBR)
          here.
        </Text>
      ) : (
        <Stack gap="md">
          <Table verticalSpacing={6} aria-label="Meeting series">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Series</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Attendees</Table.Th>
                {canEdit && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {series.data!.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Text fz="sm" fw={500}>
                      {s.title}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {meetingKindLabel[s.kind]}
                    </Text>
                  </Table.Td>
                  <Table.Td fz="sm">
                    {describeRule(s.rrule)} at {s.startLocal.slice(11)} ({s.timeZone}), {s.durationMinutes}{' '}
                    min
                    {s.endsAt && (
                      <Badge ml={6} size="xs" color="gray">
                        ended {s.endsAt.slice(0, 10)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td fz="sm">{s.owner.name}</Table.Td>
                  <Table.Td fz="sm">{s.attendees.map((a) => a.name).join(', ') || '—'}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      {s.canEdit && !s.endsAt && (
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(s)}>
                          Edit
                        </Button>
                      )}
                      {s.canEdit && !s.endsAt && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() =>
                            end.mutate(s.id, {
                              onSuccess: () => notifySaved(`${s.title} ended`),
                              onError: (e) => showServerError(e),
                            })
                          }
                        >
                          End
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Stack gap={4}>
            <Text fz="sm" fw={600}>
              Next meetings
            </Text>
            {occurrences.isPending ? (
              <Skeleton h={18} />
            ) : (
              [...recent, ...upcoming].map((o) => (
                <Group key={`${o.seriesId}-${o.originalStart}`} gap="xs">
                  <Anchor component={Link} to={meetingPath(o.seriesId, o.originalStart)} fz="sm">
                    {formatInstant(o.start)} — {o.title}
                  </Anchor>
                  {o.status !== 'scheduled' && (
                    <Badge size="xs" variant="light" color={o.status === 'held' ? 'teal' : 'gray'}>
                      {occurrenceStatusLabel[o.status]}
                    </Badge>
                  )}
                  {o.moved && (
                    <Badge size="xs" variant="light" color="orange">
                      moved
                    </Badge>
                  )}
                </Group>
              ))
            )}
          </Stack>
        </Stack>
      )}
      {canEdit && <SeriesFormModal partnerId={partnerId} opened={opened} onClose={close} />}
      {editing && (
        <SeriesFormModal
          key={editing.id}
          partnerId={partnerId}
          series={editing}
          opened
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  )
}
