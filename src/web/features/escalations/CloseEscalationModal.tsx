import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect } from 'react'
import { closureIssues } from '#shared/domain/escalations'
import { focusFirstError, notifySaved, showServerError } from '../../lib/forms'
import { useTransition } from './api'

type Props = { escalationId: number; opened: boolean; onClose: () => void }
type Values = { evidence: string; link: string; note: string }

/** Closing needs evidence of what was done and a link to it (the same rule the server applies). */
export function CloseEscalationModal({ escalationId, opened, onClose }: Props) {
  const transition = useTransition(escalationId)
  const form = useForm<Values>({
    initialValues: { evidence: '', link: '', note: '' },
    validate: (v) => Object.fromEntries(closureIssues(v).map((i) => [i.path[0], i.message])),
  })
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens
  useEffect(() => {
    if (opened) form.reset()
  }, [opened])
  const submit = form.onSubmit(async (v) => {
    try {
      await transition.mutateAsync({ status: 'closed', evidence: v.evidence, link: v.link, note: v.note })
      notifySaved('Escalation closed')
      onClose()
    } catch (error) {
      showServerError(error, form, 'Could not close')
    }
  }, focusFirstError)
  return (
    <Modal opened={opened} onClose={onClose} title="Close escalation" size="md">
      <form onSubmit={submit} noValidate aria-label="Close escalation">
        <Stack>
          <Textarea
            label="Evidence of closure"
            description="What was done to resolve it"
            withAsterisk
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('evidence')}
          />
          <TextInput
            label="Link to the evidence"
            description="A ticket, e-mail thread or document (http:// or https://)"
            placeholder="https://"
            withAsterisk
            {...form.getInputProps('link')}
          />
          <Textarea label="Note" autosize minRows={1} {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="teal" loading={transition.isPending}>
              Close escalation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
