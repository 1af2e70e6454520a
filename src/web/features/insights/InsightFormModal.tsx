import { Button, Checkbox, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { createInsightBody, type Insight, patchInsightBody } from '#shared/contracts/insights'
import { insightTypeLabel, insightTypes } from '#shared/domain/insights'
import { contractValidator, focusFirstError, notifySaved, showServerError, toId } from '../../lib/forms'
import { PartnerSelect } from '../partners/PartnerSelect'
import { useCreateInsight, usePatchInsight } from './api'
import { CustomerOfPartnerSelect, workloadOptions } from './fields'

type Values = {
  partnerId: number | null
  customerId: string | null
  workloadCode: string | null
  type: string | null
  title: string
  description: string
  submit: boolean
}

const createBody = (v: Values) => ({
  partnerId: v.partnerId ?? undefined,
  customerId: toId(v.customerId),
  workloadCode: v.workloadCode,
  type: v.type ?? undefined,
  title: v.title,
  description: v.description,
  submit: v.submit,
})
const editBody = (v: Values) => ({
  workloadCode: v.workloadCode,
  type: v.type ?? undefined,
  title: v.title,
  description: v.description,
})

/** Raise an insight (or edit one): validation next to each field, from the shared contract. */
export function InsightFormModal({
  opened,
  onClose,
  partner,
  insight,
}: {
  opened: boolean
  onClose: () => void
  /** Fixed partner (from the partner page). */
  partner?: { id: number; name: string }
  insight?: Insight
}) {
  const create = useCreateInsight()
  const patch = usePatchInsight()
  const editing = insight !== undefined
  const form = useForm<Values>({
    initialValues: {
      partnerId: insight?.partnerId ?? partner?.id ?? null,
      customerId: insight?.customerId ? String(insight.customerId) : null,
      workloadCode: insight?.workloadCode ?? null,
      type: insight?.type ?? null,
      title: insight?.title ?? '',
      description: insight?.description ?? '',
      submit: true,
    },
    validate: editing
      ? contractValidator(patchInsightBody, editBody)
      : contractValidator(createInsightBody, createBody),
  })
  const submit = form.onSubmit(async (v) => {
    try {
      if (editing) await patch.mutateAsync({ id: insight.id, ...patchInsightBody.parse(editBody(v)) })
      else await create.mutateAsync(createInsightBody.parse(createBody(v)))
      notifySaved(editing ? 'Insight saved' : 'Insight raised')
      form.reset()
      onClose()
    } catch (error) {
      showServerError(error, form, 'Could not save the insight')
    }
  }, focusFirstError)

  return (
    <Modal opened={opened} onClose={onClose} title={editing ? 'Edit insight' : 'New insight'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {!editing && !partner && (
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
          {!editing && (
            <CustomerOfPartnerSelect
              label="Customer"
              description="Optional: the customer (tenant) who raised it counts as its first +1"
              partnerId={form.values.partnerId}
              {...form.getInputProps('customerId')}
            />
          )}
          <Group grow align="flex-start">
            <Select
              label="Type"
              withAsterisk
              data={insightTypes.map((t) => ({ value: t, label: insightTypeLabel[t] }))}
              {...form.getInputProps('type')}
            />
            <Select
              label="Workload"
              searchable
              clearable
              data={workloadOptions}
              {...form.getInputProps('workloadCode')}
            />
          </Group>
          <TextInput label="Title" withAsterisk {...form.getInputProps('title')} />
          <Textarea
            label="Description"
            withAsterisk
            description="What is asked for, why it matters, the impact"
            autosize
            minRows={4}
            {...form.getInputProps('description')}
          />
          {!editing && (
            <Checkbox
              label="Submit now (otherwise it stays New until you submit it)"
              {...form.getInputProps('submit', { type: 'checkbox' })}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || patch.isPending}>
              {editing ? 'Save' : 'Raise insight'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
