import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect } from 'react'
import {
  type CreateCustomerBody,
  type CustomerDetail,
  createCustomerBody,
  updateCustomerBody,
} from '#shared/contracts/customers'
import { EligibleBadge } from '../../components/badges'
import { contractValidator, focusFirstError, notifySaved, showServerError } from '../../lib/forms'
import { PartnerSelect } from '../partners/PartnerSelect'
import { useEligibleMinSeats } from '../settings/api'
import { useCreateCustomer, useUpdateCustomer } from './api'

type Values = {
  tpid: string
  name: string
  country: string
  seats: number | string
  primaryPartnerId: number | null
  surveyContactEmail: string
  lastSuccessReviewOn: string
}

const toBody = (v: Values): CreateCustomerBody => ({
  tpid: v.tpid,
  name: v.name,
  country: v.country,
  seats: v.seats === '' ? null : Number(v.seats),
  primaryPartnerId: v.primaryPartnerId ?? 0,
  surveyContactEmail: v.surveyContactEmail,
  lastSuccessReviewOn: v.lastSuccessReviewOn === '' ? null : v.lastSuccessReviewOn,
})

function initial(customer?: CustomerDetail, partner?: { id: number; name: string }): Values {
  return {
    tpid: customer?.tpid ?? '',
    name: customer?.name ?? '',
    country: customer?.country ?? '',
    seats: customer?.seats ?? '',
    primaryPartnerId: customer?.primaryPartnerId ?? partner?.id ?? null,
    surveyContactEmail: customer?.surveyContactEmail ?? '',
    lastSuccessReviewOn: customer?.lastSuccessReviewOn ?? '',
  }
}

type Props = {
  opened: boolean
  onClose: () => void
  customer?: CustomerDetail
  /** Preset primary partner for a new customer. */
  partner?: { id: number; name: string }
  onCreated?: (customer: CustomerDetail) => void
}

export function CustomerFormModal({ opened, onClose, customer, partner, onCreated }: Props) {
  const minSeats = useEligibleMinSeats()
  const create = useCreateCustomer()
  const update = useUpdateCustomer(customer?.id ?? 0)
  const form = useForm<Values>({
    initialValues: initial(customer, partner),
    validate: contractValidator(customer ? updateCustomerBody : createCustomerBody, toBody),
  })
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens
  useEffect(() => {
    if (opened) {
      form.setInitialValues(initial(customer, partner))
      form.reset()
    }
  }, [opened, customer?.id])

  const submit = form.onSubmit(async (values) => {
    try {
      if (customer) {
        const before = toBody(form.getInitialValues())
        const after = toBody(values)
        const patch = Object.fromEntries(
          Object.entries(after).filter(([k, v]) => v !== before[k as keyof CreateCustomerBody]),
        )
        if (Object.keys(patch).length) await update.mutateAsync(patch)
        notifySaved(`${values.name} saved`)
        onClose()
      } else {
        const created = await create.mutateAsync(toBody(values))
        notifySaved(`${created.name} created`)
        onClose()
        onCreated?.(created)
      }
    } catch (error) {
      showServerError(error, form, 'Could not save the customer')
    }
  }, focusFirstError)

  const seats = form.values.seats === '' ? null : Number(form.values.seats)
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={customer ? `Edit ${customer.name}` : 'New customer'}
      size="lg"
    >
      <form onSubmit={submit} noValidate aria-label={customer ? 'Edit customer' : 'New customer'}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Customer name" withAsterisk data-autofocus {...form.getInputProps('name')} />
            <TextInput
              label="TPID"
              description="Top parent ID of the organisation"
              withAsterisk
              {...form.getInputProps('tpid')}
            />
            <TextInput label="Country" {...form.getInputProps('country')} />
            <NumberInput
              label="Seats"
              description={
                <Group gap={6} component="span">
                  <Text span fz="xs">
                    FastTrack needs {minSeats}+
                  </Text>
                  {seats !== null && <EligibleBadge eligible={seats >= minSeats} size="xs" />}
                </Group>
              }
              min={0}
              allowDecimal={false}
              thousandSeparator=","
              {...form.getInputProps('seats')}
            />
            <TextInput
              label="Survey contact"
              description="Email of who answers the satisfaction survey"
              type="email"
              {...form.getInputProps('surveyContactEmail')}
            />
            <TextInput
              label="Last success review"
              description="Date of the last success review"
              type="date"
              {...form.getInputProps('lastSuccessReviewOn')}
            />
          </SimpleGrid>
          <PartnerSelect
            label="Primary partner"
            withAsterisk
            initialLabel={customer?.primaryPartnerName ?? partner?.name}
            value={form.values.primaryPartnerId}
            onChange={(id) => form.setFieldValue('primaryPartnerId', id)}
            error={form.errors.primaryPartnerId}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {customer ? 'Save changes' : 'Create customer'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
