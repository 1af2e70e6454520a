import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import type { MeetingSeries } from '#shared/contracts/meetings'
import { meetingKindLabel, meetingKinds } from '#shared/domain/meetings'
import { focusFirstError, notifySaved, showServerError } from '../../lib/forms'
import { useCreateSeries, useMeetingPeople, useUpdateSeries } from './api'
import {
  browserZone,
  choiceOfRule,
  describeRule,
  ORDINALS,
  type RecurrenceChoice,
  ruleOfChoice,
  WEEKDAYS,
} from './recurrence'

type Values = RecurrenceChoice & {
  kind: string
  title: string
  start: string
  timeZone: string
  durationMinutes: number
  userIds: string[]
  stakeholderIds: string[]
}

const weekdayOf = (date: string) =>
  (['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const)[new Date(`${date}T12:00:00Z`).getUTCDay()]

function nextWeekday(): string {
  const d = new Date()
  d.setDate(d.getDate() + 1)
  while (d.getDay() === 0 || d.getDay() === 6) d.setDate(d.getDate() + 1)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}T09:00`
}

function initialValues(series?: MeetingSeries): Values {
  if (series) {
    const wd = weekdayOf(series.startLocal.slice(0, 10))
    return {
      kind: series.kind,
      title: series.title,
      start: series.startLocal,
      timeZone: series.timeZone,
      durationMinutes: series.durationMinutes,
      ...choiceOfRule(series.rrule, series.timeZone, wd === 'SU' || wd === 'SA' ? 'MO' : wd),
      userIds: series.attendees.filter((a) => a.kind === 'user').map((a) => String(a.id)),
      stakeholderIds: series.attendees.filter((a) => a.kind === 'stakeholder').map((a) => String(a.id)),
    }
  }
  const firstStart = nextWeekday()
  return {
    kind: 'rob',
    title: 'Rhythm of business',
    start: firstStart,
    timeZone: browserZone(),
    durationMinutes: 30,
    pattern: 'biweekly',
    weekday: weekdayOf(firstStart.slice(0, 10)) as RecurrenceChoice['weekday'],
    nth: '1',
    day: '1',
    until: '',
    advanced: '',
    userIds: [],
    stakeholderIds: [],
  }
}

/**
 * A meeting series: kind, title, first meeting, zone, length, friendly recurrence (or an RRULE), people.
 * With `series` it edits that series: a change of timing starts a new version from now (the server keeps
 * past meetings, their minutes and decisions where they were; decision 008).
 */
export function SeriesFormModal({
  partnerId,
  opened,
  onClose,
  series,
}: {
  partnerId: number
  opened: boolean
  onClose: () => void
  series?: MeetingSeries
}) {
  const people = useMeetingPeople(partnerId, opened)
  const create = useCreateSeries(partnerId)
  const update = useUpdateSeries()
  const form = useForm<Values>({ initialValues: initialValues(series) })
  const v = form.values
  const startDay = v.start.slice(0, 10)
  const rule = ruleOfChoice(v)

  const onError = (e: unknown) =>
    showServerError(e, form, series ? 'Could not save the series' : 'Could not create the series', (path) => {
      const f = String(path[0] ?? '')
      if (f === 'rrule') return v.pattern === 'advanced' ? 'advanced' : 'pattern'
      if (f === 'startLocal') return 'start'
      if (f === 'attendeeUserIds') return 'userIds'
      if (f === 'attendeeStakeholderIds') return 'stakeholderIds'
      return f in form.values ? f : undefined
    })
  const submit = form.onSubmit((values) => {
    const body = {
      kind: values.kind as 'rob',
      title: values.title,
      rrule: ruleOfChoice(values),
      startLocal: values.start,
      timeZone: values.timeZone,
      durationMinutes: values.durationMinutes,
      attendeeUserIds: values.userIds.map(Number),
      attendeeStakeholderIds: values.stakeholderIds.map(Number),
    }
    if (series)
      update.mutate(
        { id: series.id, body },
        {
          onSuccess: (s) => {
            notifySaved(`${s.title} saved`)
            onClose()
          },
          onError,
        },
      )
    else
      create.mutate(body, {
        onSuccess: (s) => {
          notifySaved(`${s.title} scheduled`)
          form.reset()
          onClose()
        },
        onError,
      })
  }, focusFirstError)

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={series ? 'Edit meeting series' : 'New meeting series'}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {series && (
            <Text fz="sm" c="dimmed">
              A new time or rule applies from now on: past meetings keep their minutes, decisions and actions.
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Kind"
              data={meetingKinds.map((k) => ({ value: k, label: meetingKindLabel[k] }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
            <TextInput label="Title" required {...form.getInputProps('title')} />
            <TextInput
              label={series ? 'Meets from (local time)' : 'First meeting (local time)'}
              type="datetime-local"
              required
              {...form.getInputProps('start')}
              onChange={(e) => {
                form.setFieldValue('start', e.currentTarget.value)
                const wd = weekdayOf(e.currentTarget.value.slice(0, 10))
                if (wd && wd !== 'SU' && wd !== 'SA') form.setFieldValue('weekday', wd)
              }}
            />
            <TextInput
              label="Time zone"
              description="IANA name, e.g. Europe/Berlin"
              {...form.getInputProps('timeZone')}
            />
            <NumberInput
              label="Length (minutes)"
              min={5}
              max={480}
              step={15}
              {...form.getInputProps('durationMinutes')}
            />
            <Select
              label="Repeats"
              allowDeselect={false}
              data={[
                { value: 'weekly', label: 'Every week' },
                { value: 'biweekly', label: 'Every 2 weeks' },
                { value: 'monthly-nth', label: 'Monthly on a weekday (e.g. first Tuesday)' },
                { value: 'monthly-day', label: 'Monthly on a day (e.g. day 15)' },
                { value: 'advanced', label: 'Advanced (RRULE)' },
              ]}
              {...form.getInputProps('pattern')}
            />
            {v.pattern === 'monthly-nth' && (
              <Select
                label="Which"
                allowDeselect={false}
                data={ORDINALS.map(([value, label]) => ({ value, label }))}
                {...form.getInputProps('nth')}
              />
            )}
            {(v.pattern === 'weekly' || v.pattern === 'biweekly' || v.pattern === 'monthly-nth') && (
              <Select
                label="Weekday"
                allowDeselect={false}
                data={WEEKDAYS.map(([value, label]) => ({ value, label }))}
                {...form.getInputProps('weekday')}
              />
            )}
            {v.pattern === 'monthly-day' && (
              <Select
                label="Day of the month"
                allowDeselect={false}
                data={[
                  ...Array.from({ length: 31 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
                  { value: '-1', label: 'Last day' },
                ]}
                {...form.getInputProps('day')}
              />
            )}
            {v.pattern === 'advanced' ? (
              <TextInput
                label="RRULE"
                placeholder="FREQ=MONTHLY;BYDAY=1TU;COUNT=12"
                className="mono"
                {...form.getInputProps('advanced')}
              />
            ) : (
              <TextInput
                label="Until (optional)"
                type="date"
                min={startDay}
                {...form.getInputProps('until')}
              />
            )}
          </SimpleGrid>
          <Text fz="sm" c="dimmed" data-testid="rule-preview">
            {describeRule(rule)} at {v.start.slice(11)} ({v.timeZone}) · <span className="mono">{rule}</span>
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label="Trellis attendees"
              data={(people.data?.users ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
              searchable
              {...form.getInputProps('userIds')}
            />
            <MultiSelect
              label="Stakeholders"
              data={(people.data?.stakeholders ?? []).map((s) => ({
                value: String(s.id),
                label: `${s.name} (${s.side === 'microsoft' ? 'Microsoft' : 'partner'})`,
              }))}
              searchable
              {...form.getInputProps('stakeholderIds')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {series ? 'Save series' : 'Create series'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
