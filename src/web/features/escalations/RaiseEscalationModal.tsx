import { Button, Group, Modal, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect } from 'react'
import { useNavigate } from 'react-router'
import { createEscalationBody } from '#shared/contracts/escalations'
import { contractValidator, focusFirstError, notifySaved, showServerError, toId } from '../../lib/forms'
import { PartnerSelect } from '../partners/PartnerSelect'
import { useRaiseEscalation } from './api'
import { EscalationFields, type EscalationFieldValues } from './EscalationFields'

type Props = {
  opened: boolean
  onClose: () => void
  /** Raise on this partner (the partner page); otherwise the form asks for one. */
  partner?: { id: number; name: string }
  /** Open the new escalation after raising it. */
  openAfter?: boolean
}

type Values = EscalationFieldValues & { partnerId: number | null }

const toBody = (v: Values) => ({
  title: v.title,
  description: v.description,
  severity: v.severity ?? undefined,
  category: v.category ?? undefined,
  partnerId: v.partnerId ?? undefined,
  customerId: toId(v.customerId),
  workloadCode: v.workloadCode,
})

/** Raise an escalation or blocker: a title, severity and category are enough; the rest is optional. */
export function RaiseEscalationModal({ opened, onClose, partner, openAfter = true }: Props) {
  const raise = useRaiseEscalation()
  const navigate = useNavigate()
  const form = useForm<Values>({
    initialValues: {
      title: '',
      description: '',
      severity: 'medium',
      category: null,
      partnerId: partner?.id ?? null,
      customerId: null,
      workloadCode: null,
    },
    validate: contractValidator(createEscalationBody, toBody),
  })
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens
  useEffect(() => {
    if (opened) form.reset()
  }, [opened])
  const partnerId = form.values.partnerId

  const submit = form.onSubmit(async (values) => {
    try {
      const created = await raise.mutateAsync(createEscalationBody.parse(toBody(values)))
      notifySaved('Escalation raised')
      onClose()
      if (openAfter) navigate(`/escalations/${created.id}`)
    } catch (error) {
      showServerError(error, form, 'Could not raise the escalation')
    }
  }, focusFirstError)

  return (
    <Modal opened={opened} onClose={onClose} title="Raise escalation" size="lg">
      <form onSubmit={submit} noValidate aria-label="Raise escalation">
        <Stack>
          {!partner && (
            <PartnerSelect
              label="Partner"
              withAsterisk
              value={form.values.partnerId}
              onChange={(id) => {
                form.setFieldValue('partnerId', id)
                form.setFieldValue('customerId', null)
              }}
              error={form.errors.partnerId}
            />
          )}
          <EscalationFields form={form} partnerId={partnerId} autoFocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={raise.isPending}>
              Raise escalation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
