import { Badge, Button, Group, Paper, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useId } from 'react'
import { createTouchpointBody } from '#shared/contracts/touchpoints'
import { meetingOccurrenceRef } from '#shared/domain/meetings'
import { today } from '#shared/domain/periods'
import { type TouchpointKind, touchpointKindLabel, touchpointKinds } from '#shared/domain/touchpoints'
import { formatDate } from '../../lib/format'
import { contractValidator, focusFirstError, notifySaved, showServerError } from '../../lib/forms'
import { useLogTouchpoint, useTouchpoints } from './api'

type Props = {
  /** The partners a touchpoint can be logged against (one on a partner page; the customer's on a customer page). */
  partners: { id: number; name: string }[]
  customerId?: number
  canLog: boolean
  /** On a meeting page: the touchpoints logged from this meeting, and the quick-add records it. */
  meeting?: { seriesId: number; originalStart: string; date: string; title: string }
}

type Values = { partnerId: string | null; kind: string; occurredOn: string; summary: string }

const toBody = (v: Values, customerId?: number, meeting?: Props['meeting']) => ({
  partnerId: v.partnerId ? Number(v.partnerId) : undefined,
  customerId: customerId ?? null,
  kind: v.kind,
  occurredOn: v.occurredOn,
  summary: v.summary,
  meeting: meeting ? { seriesId: meeting.seriesId, originalStart: meeting.originalStart } : null,
})

/** The engagement log: a one-line quick-add (today, a call, by default) and the newest touchpoints. */
export function EngagementLogCard({ partners, customerId, canLog, meeting }: Props) {
  const titleId = useId()
  const log = useLogTouchpoint()
  const scope = meeting
    ? { meetingRef: meetingOccurrenceRef(meeting.seriesId, meeting.originalStart) }
    : customerId
      ? { customerId }
      : { partnerId: partners[0]?.id }
  const list = useTouchpoints({ ...scope, pageSize: 8 })
  // A touchpoint is logged once it happened: a meeting still ahead offers no quick-add yet.
  const canLogHere = canLog && (!meeting || meeting.date <= today())
  const form = useForm<Values>({
    initialValues: {
      partnerId: partners[0] ? String(partners[0].id) : null,
      kind: meeting ? 'meeting' : 'call',
      occurredOn: meeting?.date ?? today(),
      summary: '',
    },
    validate: contractValidator(createTouchpointBody, (v: Values) => toBody(v, customerId, meeting)),
  })
  const submit = form.onSubmit(async (v) => {
    try {
      await log.mutateAsync(createTouchpointBody.parse(toBody(v, customerId, meeting)))
      notifySaved(`${touchpointKindLabel[v.kind as TouchpointKind]} logged`)
      form.setFieldValue('summary', '')
    } catch (error) {
      showServerError(error, form, 'Could not log the touchpoint')
    }
  }, focusFirstError)

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={titleId}>
      <Title order={2} fz="lg" id={titleId} mb="sm">
        Engagement log
      </Title>
      {meeting && (
        <Text fz="sm" c="dimmed" mb="xs">
          Calls, e-mails and workshops around this meeting, counted in the partner's engagement log.
        </Text>
      )}
      {canLogHere && (
        <form onSubmit={submit} noValidate aria-label="Log a touchpoint">
          <Group gap="xs" align="flex-start" mb="md" wrap="wrap">
            {partners.length > 1 && (
              <Select
                aria-label="Partner"
                data={partners.map((p) => ({ value: String(p.id), label: p.name }))}
                allowDeselect={false}
                w={180}
                {...form.getInputProps('partnerId')}
              />
            )}
            <Select
              aria-label="Kind"
              data={touchpointKinds.map((k) => ({ value: k, label: touchpointKindLabel[k] }))}
              allowDeselect={false}
              w={120}
              {...form.getInputProps('kind')}
            />
            <TextInput
              aria-label="Date"
              type="date"
              max={today()}
              w={150}
              {...form.getInputProps('occurredOn')}
            />
            <TextInput
              aria-label="Summary"
              placeholder="What was it about?"
              style={{ flex: 1, minWidth: 220 }}
              {...form.getInputProps('summary')}
            />
            <Button type="submit" loading={log.isPending}>
              Log
            </Button>
          </Group>
        </form>
      )}
      {list.isPending ? (
        <Stack gap="xs">
          <Skeleton h={18} />
          <Skeleton h={18} />
        </Stack>
      ) : (list.data?.items.length ?? 0) === 0 ? (
        <Text fz="sm" c="dimmed">
          {meeting ? 'No touchpoint logged from this meeting yet.' : 'No touchpoint logged yet.'}
        </Text>
      ) : (
        <Stack gap={6} aria-label="Touchpoints">
          {list.data?.items.map((t) => (
            <Group key={t.id} gap="sm" wrap="nowrap">
              <Text fz="sm" c="dimmed" w={90} style={{ flexShrink: 0 }}>
                {formatDate(t.occurredOn)}
              </Text>
              <Badge variant="light" size="sm" w={84} style={{ flexShrink: 0 }}>
                {touchpointKindLabel[t.kind]}
              </Badge>
              <Text fz="sm" truncate>
                {t.summary}
                {!customerId && t.customerName ? ` · ${t.customerName}` : ''}
                {customerId && partners.length > 1 ? ` · ${t.partnerName}` : ''}
              </Text>
              <Text fz="xs" c="dimmed" ml="auto" style={{ flexShrink: 0 }}>
                {t.loggedByName}
              </Text>
            </Group>
          ))}
          {(list.data?.total ?? 0) > 8 && (
            <Text fz="xs" c="dimmed">
              The newest 8 of {list.data?.total}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  )
}
