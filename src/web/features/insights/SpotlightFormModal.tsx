import { Button, Checkbox, Group, Modal, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { createSpotlightBody, patchSpotlightBody, type Spotlight } from '#shared/contracts/insights'
import { contractValidator, focusFirstError, notifySaved, showServerError, toId } from '../../lib/forms'
import { PartnerSelect } from '../partners/PartnerSelect'
import { useCreateSpotlight, usePatchSpotlight } from './api'
import { CustomerOfPartnerSelect, workloadOptions } from './fields'

type Values = {
  partnerId: number | null
  customerId: string | null
  workloadCodes: string[]
  title: string
  situation: string
  actions: string
  outcome: string
  submit: boolean
}
const content = (v: Values) => ({
  customerId: toId(v.customerId),
  workloadCodes: v.workloadCodes,
  title: v.title,
  situation: v.situation,
  actions: v.actions,
  outcome: v.outcome,
})
const createBody = (v: Values) => ({ partnerId: v.partnerId ?? undefined, ...content(v), submit: v.submit })

/** Write a spotlight (or edit one): situation, what was done, outcome in Markdown. */
export function SpotlightFormModal({
  opened,
  onClose,
  partner,
  spotlight,
}: {
  opened: boolean
  onClose: () => void
  partner?: { id: number; name: string }
  spotlight?: Spotlight
}) {
  const create = useCreateSpotlight()
  const patch = usePatchSpotlight()
  const editing = spotlight !== undefined
  const form = useForm<Values>({
    initialValues: {
      partnerId: spotlight?.partnerId ?? partner?.id ?? null,
      customerId: spotlight?.customerId ? String(spotlight.customerId) : null,
      workloadCodes: spotlight?.workloadCodes ?? [],
      title: spotlight?.title ?? '',
      situation: spotlight?.situation ?? '',
      actions: spotlight?.actions ?? '',
      outcome: spotlight?.outcome ?? '',
      submit: false,
    },
    validate: editing
      ? contractValidator(patchSpotlightBody, content)
      : contractValidator(createSpotlightBody, createBody),
  })
  const submit = form.onSubmit(async (v) => {
    try {
      if (editing) await patch.mutateAsync({ id: spotlight.id, ...patchSpotlightBody.parse(content(v)) })
      else await create.mutateAsync(createSpotlightBody.parse(createBody(v)))
      notifySaved(editing ? 'Spotlight saved' : 'Spotlight written')
      form.reset()
      onClose()
    } catch (error) {
      showServerError(error, form, 'Could not save the spotlight')
    }
  }, focusFirstError)
  const md = 'Markdown: **bold**, lists with -, links'

  return (
    <Modal opened={opened} onClose={onClose} title={editing ? 'Edit spotlight' : 'New spotlight'} size="xl">
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
          <Group grow align="flex-start">
            <CustomerOfPartnerSelect
              label="Customer"
              partnerId={form.values.partnerId}
              {...form.getInputProps('customerId')}
            />
            <MultiSelect
              label="Workloads"
              searchable
              data={workloadOptions}
              {...form.getInputProps('workloadCodes')}
            />
          </Group>
          <TextInput label="Title" withAsterisk {...form.getInputProps('title')} />
          <Textarea
            label="Situation"
            withAsterisk
            description={md}
            autosize
            minRows={3}
            {...form.getInputProps('situation')}
          />
          <Textarea
            label="What was done"
            withAsterisk
            autosize
            minRows={3}
            {...form.getInputProps('actions')}
          />
          <Textarea label="Outcome" withAsterisk autosize minRows={2} {...form.getInputProps('outcome')} />
          {!editing && (
            <Checkbox
              label="Submit for approval to share now"
              {...form.getInputProps('submit', { type: 'checkbox' })}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || patch.isPending}>
              {editing ? 'Save' : 'Save spotlight'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
