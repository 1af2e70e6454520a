import { Button, Group, Modal, Select, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { type EscalationDetail, updateEscalationBody } from '#shared/contracts/escalations'
import { contractValidator, focusFirstError, notifySaved, showServerError, toId } from '../../lib/forms'
import { useMeetingPeople } from '../meetings/api'
import { useEditEscalation } from './api'
import { EscalationFields, type EscalationFieldValues } from './EscalationFields'

type Values = EscalationFieldValues & { ownerUserId: string | null }

const toBody = (v: Values) => ({
  title: v.title,
  description: v.description,
  severity: v.severity ?? undefined,
  category: v.category ?? undefined,
  customerId: toId(v.customerId) ?? null,
  workloadCode: v.workloadCode,
  ownerUserId: toId(v.ownerUserId) ?? undefined,
})

/**
 * Edit an escalation or hand it to someone else: the owner is one of the people who work on the partner
 * (its FPM, the region's lead, its SMEs, admins). The timeline records the edit; a new severity moves the
 * SLA due time.
 */
export function EditEscalationModal({
  escalation: e,
  opened,
  onClose,
}: {
  escalation: EscalationDetail
  opened: boolean
  onClose: () => void
}) {
  const edit = useEditEscalation(e.id)
  const people = useMeetingPeople(e.partnerId, opened)
  const form = useForm<Values>({
    initialValues: {
      title: e.title,
      description: e.description ?? '',
      severity: e.severity,
      category: e.category,
      customerId: e.customerId ? String(e.customerId) : null,
      workloadCode: e.workloadCode,
      ownerUserId: String(e.ownerUserId),
    },
    validate: contractValidator(updateEscalationBody, toBody),
  })
  // The current owner stays choosable even when no longer one of the partner's people.
  const candidates: { id: number; name: string }[] = people.data?.users ?? []
  const owners = candidates.some((u) => u.id === e.ownerUserId)
    ? candidates
    : [{ id: e.ownerUserId, name: e.ownerName }, ...candidates]

  const submit = form.onSubmit(async (values) => {
    try {
      await edit.mutateAsync(updateEscalationBody.parse(toBody(values)))
      notifySaved(
        values.ownerUserId !== String(e.ownerUserId) ? 'Escalation handed over' : 'Escalation saved',
      )
      onClose()
    } catch (error) {
      showServerError(error, form, 'Could not save the escalation')
    }
  }, focusFirstError)

  return (
    <Modal opened={opened} onClose={onClose} title="Edit escalation" size="lg">
      <form onSubmit={submit} noValidate aria-label="Edit escalation">
        <Stack>
          <EscalationFields form={form} partnerId={e.partnerId} />
          <Select
            label="Owner"
            description="Who drives it to closure"
            allowDeselect={false}
            searchable
            data={owners.map((u) => ({ value: String(u.id), label: u.name }))}
            {...form.getInputProps('ownerUserId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={edit.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
