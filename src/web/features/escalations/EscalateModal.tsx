import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect } from 'react'
import { escalateBody } from '#shared/contracts/escalations'
import { escalationTargetLabel, escalationTargets } from '#shared/domain/escalations'
import { contractValidator, focusFirstError, notifySaved, showServerError } from '../../lib/forms'
import { useEscalate } from './api'

type Props = { escalationId: number; opened: boolean; onClose: () => void }
type Values = { target: string; note: string }

/** One step along the escalation path: to the lead, an SME or the program team, with a note. */
export function EscalateModal({ escalationId, opened, onClose }: Props) {
  const escalate = useEscalate(escalationId)
  const form = useForm<Values>({
    initialValues: { target: 'lead', note: '' },
    validate: contractValidator(escalateBody, (v: Values) => v),
  })
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens
  useEffect(() => {
    if (opened) form.reset()
  }, [opened])
  const submit = form.onSubmit(async (v) => {
    try {
      const body = escalateBody.parse(v)
      await escalate.mutateAsync(body)
      notifySaved(`Escalated to ${escalationTargetLabel[body.target]}`)
      onClose()
    } catch (error) {
      showServerError(error, form, 'Could not escalate')
    }
  }, focusFirstError)
  return (
    <Modal opened={opened} onClose={onClose} title="Escalate" size="md">
      <form onSubmit={submit} noValidate aria-label="Escalate">
        <Stack>
          <div>
            <Text fz="sm" fw={500} mb={4}>
              Escalate to
            </Text>
            <SegmentedControl
              aria-label="Escalate to"
              fullWidth
              data={escalationTargets.map((t) => ({ value: t, label: escalationTargetLabel[t] }))}
              {...form.getInputProps('target')}
            />
          </div>
          <Textarea
            label="Note"
            description="Why, and what you need from them"
            withAsterisk
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="grape" loading={escalate.isPending}>
              Escalate
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
