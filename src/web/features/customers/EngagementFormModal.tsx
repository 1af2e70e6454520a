import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect } from 'react'
import { type Engagement, engagementBody } from '#shared/contracts/customers'
import {
  type IntentStatus,
  intentStatuses,
  intentStatusLabel,
  type Phase,
  phaseLabel,
  phases,
} from '#shared/domain/portfolio'
import { type WorkloadCode, workloadCatalog, workloadName } from '#shared/domain/workloads'
import { contractValidator, focusFirstError, notifySaved, showServerError } from '../../lib/forms'
import { PartnerSelect } from '../partners/PartnerSelect'
import { useAddEngagement, useUpdateEngagement } from './api'

type Values = {
  partnerId: number | null
  workloadCode: WorkloadCode | null
  intentStatus: IntentStatus
  phase: Phase
  claimed: boolean
}

const toBody = (v: Values) => ({
  ...v,
  partnerId: v.partnerId ?? 0,
  workloadCode: v.workloadCode ?? undefined,
})

function initial(e?: Engagement, partner?: { id: number; name: string } | null): Values {
  return {
    partnerId: e?.partnerId ?? partner?.id ?? null,
    workloadCode: e?.workloadCode ?? null,
    intentStatus: e?.intentStatus ?? 'unknown',
    phase: e?.phase ?? 'initiate',
    claimed: e?.claimed ?? false,
  }
}

type Props = {
  customerId: number
  opened: boolean
  onClose: () => void
  engagement?: Engagement
  /** The customer's primary partner, preset for a new engagement. */
  defaultPartner?: { id: number; name: string } | null
  /** Workloads the customer already has with this partner. */
  taken?: string[]
}

export function EngagementFormModal({
  customerId,
  opened,
  onClose,
  engagement,
  defaultPartner,
  taken = [],
}: Props) {
  const add = useAddEngagement(customerId)
  const update = useUpdateEngagement()
  const form = useForm<Values>({
    initialValues: initial(engagement, defaultPartner),
    validate: (values) => {
      const errors = contractValidator(engagementBody, toBody)(values)
      if (!values.workloadCode) errors.workloadCode = 'Choose the workload'
      return errors
    },
  })
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens
  useEffect(() => {
    if (opened) {
      form.setInitialValues(initial(engagement, defaultPartner))
      form.reset()
    }
  }, [opened, engagement?.id])

  const submit = form.onSubmit(async (values) => {
    try {
      if (engagement) {
        const { intentStatus, phase, claimed } = values
        await update.mutateAsync({ id: engagement.id, body: { intentStatus, phase, claimed } })
      } else {
        await add.mutateAsync({ ...values, partnerId: values.partnerId!, workloadCode: values.workloadCode! })
      }
      notifySaved(`${workloadName(values.workloadCode ?? '')} saved`)
      onClose()
    } catch (error) {
      showServerError(error, form, 'Could not save the engagement')
    }
  }, focusFirstError)

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        engagement ? `${workloadName(engagement.workloadCode)} · ${engagement.partnerName}` : 'Add a workload'
      }
      size="lg"
    >
      <form onSubmit={submit} noValidate aria-label="Engagement">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select<WorkloadCode>
              label="Workload"
              withAsterisk
              disabled={Boolean(engagement)}
              data={workloadCatalog.map((w) => ({
                value: w.code,
                label: w.name,
                disabled: !engagement && taken.includes(w.code),
              }))}
              searchable
              data-autofocus
              {...form.getInputProps('workloadCode')}
            />
            {engagement ? (
              <Select
                label="Partner"
                disabled
                data={[engagement.partnerName]}
                value={engagement.partnerName}
              />
            ) : (
              <PartnerSelect
                label="Delivering partner"
                withAsterisk
                initialLabel={defaultPartner?.name}
                value={form.values.partnerId}
                onChange={(id) => form.setFieldValue('partnerId', id)}
                error={form.errors.partnerId}
              />
            )}
            <Select<IntentStatus>
              label="Intent status"
              data={intentStatuses.map((s) => ({ value: s, label: intentStatusLabel[s] }))}
              allowDeselect={false}
              {...form.getInputProps('intentStatus')}
            />
            <Select<Phase>
              label="Lifecycle phase"
              data={phases.map((p, i) => ({ value: p, label: `${i + 1}. ${phaseLabel[p]}` }))}
              allowDeselect={false}
              {...form.getInputProps('phase')}
            />
          </SimpleGrid>
          <Switch
            label="Claimed (CPOR)"
            description="The partner has claimed this workload for the customer in Partner Center"
            {...form.getInputProps('claimed', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending || update.isPending}>
              {engagement ? 'Save changes' : 'Add workload'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
