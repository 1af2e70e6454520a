import { Button, Group, Modal, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { recordNsatBody } from '#shared/contracts/nsat'
import {
  type NsatScale,
  type NsatSource,
  nsatAnswerLabel,
  nsatAnswers,
  nsatScaleLabel,
  nsatSourceLabel,
} from '#shared/domain/nsat'
import { today } from '#shared/domain/periods'
import { contractValidator, notifySaved, showServerError } from '../../lib/forms'
import { useCustomers } from '../customers/api'
import { useRecordNsat } from './api'

type Values = {
  source: NsatSource
  customerId: string | null
  respondentName: string
  respondentEmail: string
  respondedOn: string
  scale: NsatScale
  answer: string | null
  comment: string
}

const toBody = (v: Values) => ({
  source: v.source,
  customerId: v.customerId ? Number(v.customerId) : null,
  respondentName: v.respondentName,
  respondentEmail: v.respondentEmail,
  respondedOn: v.respondedOn,
  scale: v.scale,
  answer: v.answer ?? '',
  comment: v.comment,
})

/** Record one survey answer about the partner; every problem is shown next to its field. */
export function RecordNsatModal({
  partnerId,
  opened,
  onClose,
}: {
  partnerId: number
  opened: boolean
  onClose: () => void
}) {
  const record = useRecordNsat(partnerId)
  const customers = useCustomers({ partnerId, pageSize: 200 }, opened)
  const form = useForm<Values>({
    initialValues: {
      source: 'customer_survey',
      customerId: null,
      respondentName: '',
      respondentEmail: '',
      respondedOn: today(),
      scale: 'msit4',
      answer: null,
      comment: '',
    },
    validate: contractValidator(recordNsatBody, toBody),
  })
  const submit = form.onSubmit(async (v) => {
    try {
      await record.mutateAsync(recordNsatBody.parse(toBody(v)))
      notifySaved('Response recorded')
      form.reset()
      onClose()
    } catch (error) {
      showServerError(error, form, 'Could not record the response')
    }
  })
  return (
    <Modal opened={opened} onClose={onClose} title="Record a survey response" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SegmentedControl
            aria-label="Survey"
            data={(['customer_survey', 'partner_survey'] as const).map((s) => ({
              value: s,
              label: nsatSourceLabel[s],
            }))}
            {...form.getInputProps('source')}
          />
          {form.values.source === 'customer_survey' && (
            <Select
              label="Customer"
              description="The customer whose experience of the partner's delivery this is"
              placeholder="Choose a customer of this partner"
              searchable
              withAsterisk
              data={(customers.data?.items ?? []).map((c) => ({
                value: String(c.id),
                label: `${c.name} (${c.tpid})`,
              }))}
              {...form.getInputProps('customerId')}
            />
          )}
          <Group grow align="flex-start">
            <TextInput label="Respondent name" {...form.getInputProps('respondentName')} />
            <TextInput label="Respondent e-mail" type="email" {...form.getInputProps('respondentEmail')} />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label="Date"
              type="date"
              max={today()}
              withAsterisk
              {...form.getInputProps('respondedOn')}
            />
            <Select
              label="Scale"
              data={(['msit4', 'cpe5'] as const).map((s) => ({ value: s, label: nsatScaleLabel[s] }))}
              allowDeselect={false}
              {...form.getInputProps('scale')}
              onChange={(v) => {
                form.setFieldValue('scale', (v ?? 'msit4') as NsatScale)
                form.setFieldValue('answer', null)
              }}
            />
          </Group>
          <Select
            label="Answer"
            placeholder="Choose the answer"
            withAsterisk
            data={nsatAnswers[form.values.scale].map((a) => ({ value: a, label: nsatAnswerLabel[a] ?? a }))}
            {...form.getInputProps('answer')}
          />
          <Textarea label="Comment" autosize minRows={2} {...form.getInputProps('comment')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={record.isPending}>
              Record response
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
