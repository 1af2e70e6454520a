import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect } from 'react'
import { dismissBody, type OpportunityItem, snoozeBody } from '#shared/contracts/opportunities'
import { addDays, today } from '#shared/domain/periods'
import { contractValidator, focusFirstError, notifySaved, showServerError } from '../../lib/forms'
import { useChangeOpportunity } from './api'

type Props = {
  /** The opportunity and what to do with it; null when closed. */
  target: { opportunity: OpportunityItem; action: 'dismiss' | 'snooze' } | null
  onClose: () => void
}

type Values = { reason: string; until: string }

/** Dismiss or snooze an opportunity with a reason (kept in its history). */
export function OpportunityStateModal({ target, onClose }: Props) {
  const change = useChangeOpportunity()
  const snooze = target?.action === 'snooze'
  const form = useForm<Values>({
    initialValues: { reason: '', until: addDays(today(), 30) },
    validate: (v) => contractValidator(snooze ? snoozeBody : dismissBody, (x: Values) => x)(v),
  })
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens
  useEffect(() => {
    if (target) form.reset()
  }, [target?.opportunity.id, target?.action])

  const submit = form.onSubmit(async (values) => {
    if (!target) return
    try {
      const { id } = target.opportunity
      if (snooze)
        await change.mutateAsync({ id, action: 'snooze', reason: values.reason, until: values.until })
      else await change.mutateAsync({ id, action: 'dismiss', reason: values.reason })
      notifySaved(snooze ? `Snoozed until ${values.until}` : 'Opportunity dismissed')
      onClose()
    } catch (error) {
      showServerError(error, form, snooze ? 'Could not snooze' : 'Could not dismiss')
    }
  }, focusFirstError)

  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={snooze ? 'Snooze opportunity' : 'Dismiss opportunity'}
      size="md"
    >
      <form onSubmit={submit} noValidate aria-label={snooze ? 'Snooze opportunity' : 'Dismiss opportunity'}>
        <Stack>
          <Text fz="sm" c="dimmed">
            {target?.opportunity.reason}
          </Text>
          <Textarea
            label="Reason"
            description="Kept in the opportunity's history"
            withAsterisk
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          {snooze && (
            <TextInput
              label="Snooze until"
              description="It shows as open again on this date"
              type="date"
              withAsterisk
              min={addDays(today(), 1)}
              {...form.getInputProps('until')}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={snooze ? undefined : 'red'} loading={change.isPending}>
              {snooze ? 'Snooze' : 'Dismiss'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
