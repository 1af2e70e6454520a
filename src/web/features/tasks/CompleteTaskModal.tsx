import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { type CompleteTaskBody, completeTaskBody, type TaskInstance } from '#shared/contracts/tasks'
import { today } from '#shared/domain/periods'
import { workloadName } from '#shared/domain/workloads'
import { contractValidator, focusFirstError, notifySaved, showServerError } from '../../lib/forms'
import { useCompleteTask } from './api'

type Values = { completedOn: string; evidence: string; evidenceLink: string }

/** Complete one task instance: the date (today by default), and what shows it is done. */
export function CompleteTaskModal({
  instance,
  onClose,
}: {
  instance: TaskInstance | null
  onClose: () => void
}) {
  const complete = useCompleteTask()
  const toBody = (v: Values): CompleteTaskBody => ({
    taskId: instance?.taskId ?? 0,
    partnerId: instance?.partnerId ?? 0,
    engagementId: instance?.engagementId ?? null,
    completedOn: v.completedOn || undefined,
    evidence: v.evidence,
    evidenceLink: v.evidenceLink,
  })
  const form = useForm<Values>({
    initialValues: { completedOn: today(), evidence: '', evidenceLink: '' },
    validate: contractValidator(completeTaskBody, toBody),
  })
  const close = () => {
    form.reset()
    onClose()
  }
  return (
    <Modal opened={instance !== null} onClose={close} title="Complete task">
      {instance && (
        <form
          onSubmit={form.onSubmit(
            (v) =>
              complete.mutate(toBody(v), {
                onSuccess: () => {
                  notifySaved(`${instance.code} ${instance.name} completed`)
                  close()
                },
                onError: (e) => showServerError(e, form),
              }),
            focusFirstError,
          )}
        >
          <Stack>
            <Text fz="sm">
              <b>
                {instance.code} {instance.name}
              </b>
              {instance.customerName &&
                ` · ${instance.customerName} · ${workloadName(instance.workloadCode ?? '')}`}
            </Text>
            <TextInput
              label="Completed on"
              type="date"
              max={today()}
              {...form.getInputProps('completedOn')}
            />
            <Textarea
              label="Evidence"
              description="What shows it is done (or give a link below)"
              autosize
              minRows={2}
              {...form.getInputProps('evidence')}
            />
            <TextInput label="Link" placeholder="https://…" {...form.getInputProps('evidenceLink')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={complete.isPending}>
                Complete
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  )
}
