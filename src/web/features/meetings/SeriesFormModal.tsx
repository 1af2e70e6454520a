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
import { meetingKindLabel, meetingKinds } from '#shared/domain/meetings'
import { focusFirstError, notifySaved, showServerError } from '../../lib/forms'
import { useCreateSeries, useMeetingPeople } from './api'
import {
  browserZone,
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

/** New meeting series: kind, title, first meeting, zone, length, friendly recurrence (or an RRULE), people. */
export function SeriesFormModal({
  partnerId,
  opened,
  onClose,
}: {
  partnerId: number
  opened: boolean
  onClose: () => void
}) {
  const people = useMeetingPeople(partnerId, opened)
  const create = useCreateSeries(partnerId)
  const firstStart = nextWeekday()
  const form = useForm<Values>({
    initialValues: {
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
    },
  })
  const v = form.values
  const startDay = v.start.slice(0, 10)
  const rule = ruleOfChoice(v)

  const submit = form.onSubmit(
    (values) =>
      create.mutate(
        {
          kind: values.kind as 'rob',
          title: values.title,
          rrule: ruleOfChoice(values),
          startLocal: values.start,
          timeZone: values.timeZone,
          durationMinutes: values.durationMinutes,
          attendeeUserIds: values.userIds.map(Number),
          attendeeStakeholderIds: values.stakeholderIds.map(Number),
        },
        {
          onSuccess: (s) => {
            notifySaved(`${s.title} scheduled`)
            form.reset()
            onClose()
          },
          onError: (e) =>
            showServerError(e, form, 'Could not create the series', (path) => {
              const f = String(path[0] ?? '')
              if (f === 'rrule') return v.pattern === 'advanced' ? 'advanced' : 'pattern'
              if (f === 'startLocal') return 'start'
              if (f === 'attendeeUserIds') return 'userIds'
              if (f === 'attendeeStakeholderIds') return 'stakeholderIds'
              return f in form.values ? f : undefined
            }),
        },
      ),
    focusFirstError,
  )

  return (
    <Modal opened={opened} onClose={onClose} title="New meeting series" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Kind"
              data={meetingKinds.map((k) => ({ value: k, label: meetingKindLabel[k] }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
            <TextInput label="Title" required {...form.getInputProps('title')} />
            <TextInput
              label="First meeting (local time)"
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
            <Button type="submit" loading={create.isPending}>
              Create series
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
