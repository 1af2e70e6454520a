import { Button, Group, Modal, MultiSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useDisclosure } from '@mantine/hooks'
import { useId } from 'react'
import { createReferralBody, type Referral } from '#shared/contracts/referrals'
import type { ReferralStatus } from '#shared/domain/referrals'
import { formatDateTime } from '../../lib/format'
import { contractValidator, focusFirstError, notifySaved, showServerError, toId } from '../../lib/forms'
import { useCreateReferral, usePartnerReferrals, usePatchReferral } from './api'
import { ReferralStatusBadge } from './badges'
import { CustomerOfPartnerSelect, workloadOptions } from './fields'

/** Referrals sent to the partner: who answers in time (domain.md §3.1 items 3 and 8). */
export function PartnerReferralsCard({
  partner,
  canEdit,
}: {
  partner: { id: number; name: string }
  canEdit: boolean
}) {
  const titleId = useId()
  const list = usePartnerReferrals(partner.id, { pageSize: 8 })
  const patch = usePatchReferral()
  const [recording, { open, close }] = useDisclosure()
  const answer = async (r: Referral, status: ReferralStatus) => {
    try {
      await patch.mutateAsync({ id: r.id, status })
      notifySaved(`Referral ${status}`)
    } catch (error) {
      showServerError(error, undefined, 'Could not record the answer')
    }
  }
  const d = list.data
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="lg" id={titleId}>
          Referrals
        </Title>
        {canEdit && (
          <Button size="xs" variant="light" onClick={open}>
            Record referral
          </Button>
        )}
      </Group>
      {d && (
        <Text fz="sm" c={d.unansweredTotal > 0 ? 'red.7' : 'dimmed'} mb="sm">
          {d.total} received, {d.unansweredTotal} unanswered (pending more than {d.answerWithinDays} days; the
          partner should contact the customer within 2 business days).
        </Text>
      )}
      {d && d.items.length > 0 ? (
        <Table aria-label="Referrals">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Customer</Table.Th>
              <Table.Th>Workloads</Table.Th>
              <Table.Th>Received</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td fz="sm">
                  {r.customerName}
                  {r.customerTpid ? ` (${r.customerTpid})` : ''}
                </Table.Td>
                <Table.Td fz="sm">{r.workloadCodes.join(', ')}</Table.Td>
                <Table.Td fz="sm">{formatDateTime(r.receivedAt)}</Table.Td>
                <Table.Td>
                  <ReferralStatusBadge status={r.status} unanswered={r.unanswered} />
                </Table.Td>
                <Table.Td>
                  {canEdit && r.status === 'pending' && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="light" onClick={() => answer(r, 'accepted')}>
                        Accepted
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="red"
                        onClick={() => answer(r, 'declined')}
                      >
                        Declined
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="gray"
                        onClick={() => answer(r, 'reassigned')}
                      >
                        Reassigned
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text fz="sm" c="dimmed">
          No referral recorded.
        </Text>
      )}
      {recording && <RecordReferralModal partner={partner} onClose={close} />}
    </Paper>
  )
}

type Values = {
  customerId: string | null
  customerTpid: string
  customerName: string
  workloadCodes: string[]
  receivedAt: string
  note: string
}
const localNow = () => {
  const d = new Date()
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset())
  return d.toISOString().slice(0, 16)
}

function RecordReferralModal({
  partner,
  onClose,
}: {
  partner: { id: number; name: string }
  onClose: () => void
}) {
  const create = useCreateReferral()
  const toBody = (v: Values) => ({
    partnerId: partner.id,
    customerId: toId(v.customerId),
    customerTpid: v.customerTpid,
    customerName: v.customerName,
    workloadCodes: v.workloadCodes,
    receivedAt: v.receivedAt ? new Date(v.receivedAt).toISOString() : '',
    note: v.note,
  })
  const form = useForm<Values>({
    initialValues: {
      customerId: null,
      customerTpid: '',
      customerName: '',
      workloadCodes: [],
      receivedAt: localNow(),
      note: '',
    },
    validate: contractValidator(createReferralBody, toBody),
  })
  const submit = form.onSubmit(async (v) => {
    try {
      await create.mutateAsync(createReferralBody.parse(toBody(v)))
      notifySaved('Referral recorded')
      onClose()
    } catch (error) {
      showServerError(error, form, 'Could not record the referral')
    }
  }, focusFirstError)
  return (
    <Modal opened onClose={onClose} title={`Referral to ${partner.name}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <CustomerOfPartnerSelect
            label="Known customer"
            description="Or give the TPID and name the referral carries"
            partnerId={partner.id}
            {...form.getInputProps('customerId')}
          />
          <Group grow align="flex-start">
            <TextInput label="TPID" {...form.getInputProps('customerTpid')} />
            <TextInput label="Customer name" {...form.getInputProps('customerName')} />
          </Group>
          <MultiSelect
            label="Workloads"
            withAsterisk
            searchable
            data={workloadOptions}
            {...form.getInputProps('workloadCodes')}
          />
          <TextInput
            label="Received"
            type="datetime-local"
            withAsterisk
            {...form.getInputProps('receivedAt')}
          />
          <TextInput label="Note" {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Record referral
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
