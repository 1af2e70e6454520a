import {
  Button,
  Chip,
  Group,
  Input,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect } from 'react'
import {
  type CreatePartnerBody,
  createPartnerBody,
  type PartnerDetail,
  updatePartnerBody,
} from '#shared/contracts/partners'
import {
  type PartnerStatus,
  type Program,
  partnerStatuses,
  partnerStatusLabel,
  programLabel,
  programs,
} from '#shared/domain/portfolio'
import { type WorkloadCode, workloadCatalog } from '#shared/domain/workloads'
import { useRegions, useUsers } from '../../api/reference'
import { contractValidator, focusFirstError, notifySaved, showServerError } from '../../lib/forms'
import { usePermissions } from '../auth/session'
import { useCreatePartner, useUpdatePartner } from './api'

type Values = {
  programId: string
  name: string
  status: PartnerStatus
  program: Program
  hqCountry: string
  regionId: number | null
  fpmUserId: number | null
  referralReady: boolean
  joinedOn: string
  website: string
  notes: string
  endorsedWorkloads: WorkloadCode[]
  smeUserIds: string[]
}

const toBody = (v: Values): CreatePartnerBody => ({
  ...v,
  joinedOn: v.joinedOn || null,
  smeUserIds: v.smeUserIds.map(Number),
})

function initialValues(partner: PartnerDetail | undefined, defaults: Partial<Values>): Values {
  return {
    programId: partner?.programId ?? '',
    name: partner?.name ?? '',
    status: partner?.status ?? 'onboarding',
    program: partner?.program ?? 'frp',
    hqCountry: partner?.hqCountry ?? '',
    regionId: partner?.regionId ?? defaults.regionId ?? null,
    fpmUserId: partner?.fpmUserId ?? defaults.fpmUserId ?? null,
    referralReady: partner?.referralReady ?? false,
    joinedOn: partner?.joinedOn ?? '',
    website: partner?.website ?? '',
    notes: partner?.notes ?? '',
    endorsedWorkloads: partner?.endorsedWorkloads ?? [],
    smeUserIds: (partner?.smeUserIds ?? []).map(String),
  }
}

type Props = {
  opened: boolean
  onClose: () => void
  /** Edit this partner; without it the form creates one. */
  partner?: PartnerDetail
  onCreated?: (partner: PartnerDetail) => void
}

export function PartnerFormModal({ opened, onClose, partner, onCreated }: Props) {
  const { user } = usePermissions()
  const isEdit = Boolean(partner)
  const regions = useRegions()
  const canAssign = user.role === 'admin' || user.role === 'lead'
  const fpms = useUsers('fpm')
  const smes = useUsers('sme')
  const create = useCreatePartner()
  const update = useUpdatePartner(partner?.id ?? 0)

  const defaults: Partial<Values> = {
    regionId: user.role === 'admin' ? null : user.regionId,
    fpmUserId: user.role === 'fpm' ? user.id : null,
  }
  const form = useForm<Values>({
    initialValues: initialValues(partner, defaults),
    validate: contractValidator(isEdit ? updatePartnerBody : createPartnerBody, toBody),
  })

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens
  useEffect(() => {
    if (opened) {
      form.setInitialValues(initialValues(partner, defaults))
      form.reset()
    }
  }, [opened, partner?.id])

  const submit = form.onSubmit(async (values) => {
    try {
      if (partner) {
        // Send only what changed, so a partner manager never touches fields only a lead may set.
        const before = toBody(form.getInitialValues())
        const after = toBody(values)
        const patch = Object.fromEntries(
          Object.entries(after).filter(
            ([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k as keyof CreatePartnerBody]),
          ),
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
      showServerError(error, form, isEdit ? 'Could not save the partner' : 'Could not create the partner')
    }
  }, focusFirstError)

  const fpmOptions = (fpms.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))
  if (partner?.fpmUserId && partner.fpmName && !fpmOptions.some((o) => o.value === partner.fpmUserId))
    fpmOptions.push({ value: partner.fpmUserId, label: partner.fpmName })
  const regionOptions = (regions.data ?? []).map((r) => ({ value: r.id, label: r.name }))
  const smeOptions = (smes.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={isEdit ? `Edit ${partner?.name}` : 'New partner'}
      size="xl"
      closeOnClickOutside={false}
    >
      <form onSubmit={submit} noValidate aria-label={isEdit ? 'Edit partner' : 'New partner'}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Partner name" withAsterisk data-autofocus {...form.getInputProps('name')} />
            <TextInput
              label="Partner ID"
              description="The program's partner / MPN ID"
              withAsterisk
              {...form.getInputProps('programId')}
            />
            <Select<PartnerStatus>
              label="Status"
              data={partnerStatuses.map((s) => ({ value: s, label: partnerStatusLabel[s] }))}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
            <Select<Program>
              label="Program membership"
              data={programs.map((p) => ({ value: p, label: programLabel[p] }))}
              allowDeselect={false}
              {...form.getInputProps('program')}
            />
            <TextInput label="HQ country" placeholder="e.g. Germany" {...form.getInputProps('hqCountry')} />
            <Select<number>
              label="Region"
              data={regionOptions}
              clearable={user.role === 'admin'}
              disabled={user.role !== 'admin'}
              description={user.role !== 'admin' ? 'Partners stay in your region' : undefined}
              {...form.getInputProps('regionId')}
            />
            <Select<number>
              label="Partner manager"
              data={fpmOptions}
              searchable
              clearable
              disabled={!canAssign}
              description={!canAssign ? 'A lead or admin hands partners to another manager' : undefined}
              nothingFoundMessage="No partner manager matches"
              {...form.getInputProps('fpmUserId')}
            />
            <TextInput label="Joined the program" type="date" {...form.getInputProps('joinedOn')} />
            <TextInput label="Website" placeholder="https://" {...form.getInputProps('website')} />
            <Switch
              mt={{ base: 0, sm: 'lg' }}
              label="Referral ready"
              description="The partner accepts new customer referrals"
              {...form.getInputProps('referralReady', { type: 'checkbox' })}
            />
          </SimpleGrid>
          <Input.Wrapper
            label="Endorsed workloads"
            description="Workloads the partner is endorsed to deliver"
            error={form.errors.endorsedWorkloads}
          >
            <Chip.Group multiple {...form.getInputProps('endorsedWorkloads')}>
              <Group gap={6} mt={6}>
                {workloadCatalog.map((w) => (
                  <Chip key={w.code} value={w.code} size="xs" variant="outline">
                    {w.name}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Input.Wrapper>
          {canAssign && (
            <MultiSelect
              label="Microsoft SMEs helping"
              description="They can read this partner"
              data={smeOptions}
              searchable
              clearable
              nothingFoundMessage="No SME matches"
              {...form.getInputProps('smeUserIds')}
            />
          )}
          <Textarea label="Notes" autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {isEdit ? 'Save changes' : 'Create partner'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
