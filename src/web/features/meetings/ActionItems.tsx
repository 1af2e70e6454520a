import { Anchor, Badge, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { Link } from 'react-router'
import type { ActionItem } from '#shared/contracts/meetings'
import { focusFirstError, notifySaved, showServerError } from '../../lib/forms'
import { type MeetingPeople, useCreateAction, usePatchAction } from './api'
import { meetingPath } from './recurrence'

/** A list of action items: tick to close (done), owner, due date, overdue flag, the meeting it came from. */
export function ActionList({
  items,
  empty,
  showPartner,
}: {
  items: ActionItem[]
  empty: string
  showPartner?: boolean
}) {
  const patch = usePatchAction()
  if (items.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        {empty}
      </Text>
    )
  return (
    <Stack gap={6}>
      {items.map((a) => (
        <Group key={a.id} gap="xs" wrap="nowrap" align="flex-start" data-testid="action-item">
          <Checkbox
            mt={2}
            aria-label={`Done: ${a.title}`}
            checked={a.status === 'done'}
            disabled={!a.canEdit || a.status === 'cancelled'}
            onChange={(e) =>
              patch.mutate(
                { id: a.id, body: { status: e.currentTarget.checked ? 'done' : 'open' } },
                { onError: (err) => showServerError(err) },
              )
            }
          />
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fz="sm" td={a.status === 'done' ? 'line-through' : undefined}>
              {a.title}
            </Text>
            <Text fz="xs" c="dimmed">
              {a.owner.name}
              {a.owner.kind === 'stakeholder' ? ' (stakeholder)' : ''}
              {a.dueOn ? ` · due ${a.dueOn}` : ''}
              {showPartner ? ` · ${a.partnerName}` : ''}
              {a.meeting && (
                <>
                  {' · from '}
                  <Anchor
                    component={Link}
                    to={meetingPath(a.meeting.seriesId, a.meeting.originalStart)}
                    fz="xs"
                  >
                    {a.meeting.title} of {a.meeting.originalStart.slice(0, 10)}
                  </Anchor>
                </>
              )}
            </Text>
          </Stack>
          {a.overdue && (
            <Badge size="xs" color="red" variant="light" style={{ flexShrink: 0 }}>
              overdue
            </Badge>
          )}
        </Group>
      ))}
    </Stack>
  )
}

type Values = { title: string; owner: string; dueOn: string }

/** Inline "add an action item" for a meeting; the owner is a Trellis user or a stakeholder of the partner. */
export function AddActionForm({
  partnerId,
  meeting,
  people,
  defaultOwnerId,
}: {
  partnerId: number
  meeting: { seriesId: number; originalStart: string }
  people: MeetingPeople | undefined
  defaultOwnerId: number
}) {
  const create = useCreateAction()
  const form = useForm<Values>({ initialValues: { title: '', owner: `user:${defaultOwnerId}`, dueOn: '' } })
  const owners = [
    ...(people?.users ?? []).map((u) => ({ value: `user:${u.id}`, label: u.name })),
    ...(people?.stakeholders ?? []).map((s) => ({
      value: `stakeholder:${s.id}`,
      label: `${s.name} (stakeholder)`,
    })),
  ]
  if (!owners.some((o) => o.value === `user:${defaultOwnerId}`))
    owners.unshift({ value: `user:${defaultOwnerId}`, label: 'Me' })
  const submit = form.onSubmit((v) => {
    const [kind, id] = v.owner.split(':')
    create.mutate(
      {
        partnerId,
        title: v.title,
        meeting,
        dueOn: v.dueOn || null,
        ...(kind === 'user' ? { ownerUserId: Number(id) } : { ownerStakeholderId: Number(id) }),
      },
      {
        onSuccess: () => {
          notifySaved('Action item added')
          form.setFieldValue('title', '')
        },
        onError: (e) =>
          showServerError(e, form, 'Could not add the action item', (path) => {
            const f = String(path[0] ?? '')
            return f.startsWith('owner') ? 'owner' : f in form.values ? f : undefined
          }),
      },
    )
  }, focusFirstError)
  return (
    <form onSubmit={submit} noValidate aria-label="Add an action item">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          label="New action item"
          placeholder="What is to be done"
          style={{ flex: 2, minWidth: 200 }}
          {...form.getInputProps('title')}
        />
        <Select
          label="Owner"
          data={owners}
          allowDeselect={false}
          style={{ flex: 1, minWidth: 160 }}
          {...form.getInputProps('owner')}
        />
        <TextInput label="Due" type="date" {...form.getInputProps('dueOn')} />
        <Button type="submit" loading={create.isPending}>
          Add
        </Button>
      </Group>
    </form>
  )
}
