import { Badge, Button, Grid, Group, Paper, Stack, Tabs, Text, Textarea, Title } from '@mantine/core'
import { IconCalendarDown, IconCheck, IconClock, IconX } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useParams } from 'react-router'
import type { MeetingPage as Page } from '#shared/contracts/meetings'
import { meetingKindLabel, occurrenceStatusLabel } from '#shared/domain/meetings'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { notifySaved, showServerError } from '../../lib/forms'
import { useUser } from '../auth/session'
import { MbrPackButton } from '../mbr/MbrPackButton'
import { EngagementLogCard } from '../touchpoints/EngagementLogCard'
import { ActionList, AddActionForm } from './ActionItems'
import { useAgendaDraft, useMeetingPage, useMeetingPeople, usePatchMeeting } from './api'
import { Markdown } from './Markdown'
import { formatInstant } from './recurrence'

/** Write Markdown with a preview tab. */
function MarkdownEditor(props: {
  label: string
  value: string
  onChange: (v: string) => void
  onSave: () => void
  saving: boolean
  readOnly: boolean
}) {
  return (
    <Tabs defaultValue={props.readOnly ? 'preview' : 'write'} keepMounted={false}>
      <Tabs.List>
        {!props.readOnly && <Tabs.Tab value="write">Write</Tabs.Tab>}
        <Tabs.Tab value="preview">Preview</Tabs.Tab>
      </Tabs.List>
      {!props.readOnly && (
        <Tabs.Panel value="write" pt="xs">
          <Stack gap="xs">
            <Textarea
              aria-label={props.label}
              autosize
              minRows={6}
              value={props.value}
              onChange={(e) => props.onChange(e.currentTarget.value)}
              className="mono"
            />
            <Group justify="flex-end">
              <Button size="xs" onClick={props.onSave} loading={props.saving}>
                Save {props.label.toLowerCase()}
              </Button>
            </Group>
          </Stack>
        </Tabs.Panel>
      )}
      <Tabs.Panel value="preview" pt="xs" data-testid={`${props.label.toLowerCase()}-preview`}>
        {props.value.trim() ? (
          <Markdown>{props.value}</Markdown>
        ) : (
          <Text c="dimmed">Nothing written yet.</Text>
        )}
      </Tabs.Panel>
    </Tabs>
  )
}

function toLocalInput(iso: string) {
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`
}

function Body({ page, seriesId, originalStart }: { page: Page; seriesId: number; originalStart: string }) {
  const o = page.occurrence
  const user = useUser()
  const patch = usePatchMeeting(seriesId, originalStart)
  const draft = useAgendaDraft(seriesId, originalStart, o.agendaFrozenAt === null)
  const people = useMeetingPeople(o.partnerId, o.canEdit)
  const [agenda, setAgenda] = useState(o.agenda ?? '')
  const [minutes, setMinutes] = useState(o.minutes ?? '')
  const [decisions, setDecisions] = useState(o.decisions.join('\n'))
  const [moveTo, setMoveTo] = useState<string | null>(null)
  // The proposed agenda fills the editor until one is saved (frozen).
  useEffect(() => {
    if (o.agendaFrozenAt === null && draft.data && !agenda) setAgenda(draft.data.markdown)
  }, [draft.data, o.agendaFrozenAt, agenda])
  const save = (body: Parameters<typeof patch.mutate>[0], message: string) =>
    patch.mutate(body, { onSuccess: () => notifySaved(message), onError: (e) => showServerError(e) })
  const started = Date.parse(o.start) <= Date.now()

  return (
    <>
      <PageHeader
        crumbs={[
          { label: 'Partners', to: '/partners' },
          { label: o.partnerName, to: `/partners/${o.partnerId}` },
        ]}
        title={`${o.title} · ${formatInstant(o.start)}`}
        meta={
          <Group gap={6}>
            <Badge
              variant="light"
              color={o.status === 'held' ? 'teal' : o.status === 'cancelled' ? 'gray' : 'blue'}
            >
              {occurrenceStatusLabel[o.status]}
            </Badge>
            {o.moved && (
              <Badge variant="light" color="orange">
                moved from {formatInstant(o.originalStart)}
              </Badge>
            )}
          </Group>
        }
        description={
          <>
            {meetingKindLabel[page.series.kind]} · {formatInstant(o.start)} – {formatInstant(o.end).slice(-5)}{' '}
            your time
            {` · ${formatInstant(o.start, o.timeZone)} in ${o.timeZone}`} · owner {page.series.owner.name}
          </>
        }
        actions={
          <Group gap="xs">
            {page.series.kind === 'mbr' && (
              <MbrPackButton partnerId={o.partnerId} defaultMonth={monthBefore(o.start)} />
            )}
            <Button
              component="a"
              variant="default"
              leftSection={<IconCalendarDown size={16} />}
              href={`/api/meeting-series/${seriesId}/occurrences/${encodeURIComponent(originalStart)}/ics`}
            >
              .ics
            </Button>
            {o.canEdit && o.status !== 'held' && (
              <Button
                leftSection={<IconCheck size={16} />}
                disabled={!started}
                title={started ? undefined : 'A meeting can be marked held once it has started'}
                onClick={() => save({ status: 'held' }, 'Marked held')}
              >
                Mark held
              </Button>
            )}
            {o.canEdit && o.status === 'scheduled' && (
              <Button
                variant="default"
                color="red"
                leftSection={<IconX size={16} />}
                onClick={() => save({ status: 'cancelled' }, 'Meeting cancelled')}
              >
                Cancel meeting
              </Button>
            )}
            {o.canEdit && o.status !== 'scheduled' && (
              <Button variant="subtle" onClick={() => save({ status: 'scheduled' }, 'Back to scheduled')}>
                Reopen
              </Button>
            )}
            {o.canEdit && (
              <Button
                variant="default"
                leftSection={<IconClock size={16} />}
                onClick={() => setMoveTo(toLocalInput(o.start))}
              >
                Move
              </Button>
            )}
          </Group>
        }
      />
      {moveTo !== null && (
        <Paper withBorder p="sm" mb="md">
          <Group align="flex-end" gap="xs">
            <label>
              <Text fz="sm">New start (your time)</Text>
              <input
                type="datetime-local"
                value={moveTo}
                onChange={(e) => setMoveTo(e.currentTarget.value)}
                aria-label="New start"
              />
            </label>
            <Button
              size="xs"
              onClick={() => {
                save({ start: new Date(moveTo).toISOString() }, 'Meeting moved')
                setMoveTo(null)
              }}
            >
              Move
            </Button>
            {o.moved && (
              <Button
                size="xs"
                variant="subtle"
                onClick={() => {
                  save({ start: null }, 'Back at its usual time')
                  setMoveTo(null)
                }}
              >
                Back to the usual time
              </Button>
            )}
            <Button size="xs" variant="default" onClick={() => setMoveTo(null)}>
              Close
            </Button>
          </Group>
        </Paper>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="lg" component="section" aria-label="Agenda">
              <Group justify="space-between" mb="xs">
                <Title order={2} fz="lg">
                  Agenda
                </Title>
                <Text fz="xs" c="dimmed">
                  {o.agendaFrozenAt
                    ? `Saved ${formatInstant(o.agendaFrozenAt)}`
                    : 'Proposed from live data — save to keep it'}
                </Text>
              </Group>
              <MarkdownEditor
                label="Agenda"
                value={agenda}
                onChange={setAgenda}
                onSave={() => save({ agenda }, 'Agenda saved')}
                saving={patch.isPending}
                readOnly={!o.canEdit}
              />
            </Paper>
            <Paper withBorder p="lg" component="section" aria-label="Minutes">
              <Title order={2} fz="lg" mb="xs">
                Minutes
              </Title>
              <MarkdownEditor
                label="Minutes"
                value={minutes}
                onChange={setMinutes}
                onSave={() => save({ minutes }, 'Minutes saved')}
                saving={patch.isPending}
                readOnly={!o.canEdit}
              />
            </Paper>
            <Paper withBorder p="lg" component="section" aria-label="Decisions">
              <Title order={2} fz="lg" mb="xs">
                Decisions
              </Title>
              {o.canEdit ? (
                <Stack gap="xs">
                  <Textarea
                    aria-label="Decisions, one a line"
                    autosize
                    minRows={2}
                    value={decisions}
                    onChange={(e) => setDecisions(e.currentTarget.value)}
                  />
                  <Group justify="flex-end">
                    <Button
                      size="xs"
                      onClick={() =>
                        save(
                          {
                            decisions: decisions
                              .split('\n')
                              .map((d) => d.trim())
                              .filter(Boolean),
                          },
                          'Decisions saved',
                        )
                      }
                    >
                      Save decisions
                    </Button>
                  </Group>
                </Stack>
              ) : o.decisions.length ? (
                <Stack gap={2}>
                  {o.decisions.map((d) => (
                    <Text key={d} fz="sm">
                      • {d}
                    </Text>
                  ))}
                </Stack>
              ) : (
                <Text c="dimmed" fz="sm">
                  None recorded.
                </Text>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Paper withBorder p="lg" component="section" aria-label="Action items of this meeting">
              <Title order={2} fz="lg" mb="xs">
                Action items of this meeting
              </Title>
              <ActionList items={page.actions} empty="None yet." />
              {o.canEdit && (
                <Stack mt="sm">
                  <AddActionForm
                    partnerId={o.partnerId}
                    meeting={{ seriesId, originalStart }}
                    people={people.data}
                    defaultOwnerId={user.id}
                  />
                </Stack>
              )}
            </Paper>
            <Paper withBorder p="lg" component="section" aria-label="Open items carried over">
              <Title order={2} fz="lg" mb="xs">
                Open items carried over
              </Title>
              <ActionList items={page.carriedOver} empty="Nothing open from earlier meetings." />
            </Paper>
            <Paper withBorder p="lg">
              <Title order={2} fz="lg" mb="xs">
                Attendees
              </Title>
              <Text fz="sm">
                {[page.series.owner.name, ...page.series.attendees.map((a) => a.name)].join(', ')}
              </Text>
            </Paper>
            <EngagementLogCard
              partners={[{ id: o.partnerId, name: o.partnerName }]}
              canLog={o.canEdit}
              meeting={{ seriesId, originalStart, date: o.start.slice(0, 10), title: o.title }}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  )
}

export function MeetingPage() {
  const params = useParams()
  const seriesId = Number(params.seriesId)
  const originalStart = decodeURIComponent(params.originalStart ?? '')
  const page = useMeetingPage(seriesId, originalStart)
  if (page.isPending) return <Text c="dimmed">Loading the meeting…</Text>
  if (page.isError) return <QueryError error={page.error} onRetry={() => page.refetch()} />
  // Keyed by the occurrence so the editors start from its saved text.
  return (
    <Body
      key={`${seriesId}-${originalStart}`}
      page={page.data}
      seriesId={seriesId}
      originalStart={originalStart}
    />
  )
}

/** The month an MBR held on this date reviews: the one before it (YYYY-MM). */
function monthBefore(iso: string) {
  const d = new Date(iso)
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() - 1)
  return d.toISOString().slice(0, 7)
}
