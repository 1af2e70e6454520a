import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect } from 'react'
import { createStakeholderBody, type Stakeholder } from '#shared/contracts/partners'
import {
  type StakeholderRole,
  type StakeholderSide,
  stakeholderRoleLabel,
  stakeholderRoleSide,
  stakeholderRoles,
} from '#shared/domain/portfolio'
import { contractValidator, focusFirstError, notifySaved, showServerError } from '../../lib/forms'
import { useStakeholderMutations } from './api'

type Values = {
  side: StakeholderSide
  role: StakeholderRole
  name: string
  email: string
  phone: string
  title: string
}

export const rolesForSide = (side: StakeholderSide) =>
  stakeholderRoles.filter((r) => stakeholderRoleSide[r] === side || stakeholderRoleSide[r] === 'any')

function initial(side: StakeholderSide, s?: Stakeholder): Values {
  return {
    side: s?.side ?? side,
    role: s?.role ?? (side === 'partner' ? 'sponsor' : 'atu'),
    name: s?.name ?? '',
    email: s?.email ?? '',
    phone: s?.phone ?? '',
    title: s?.title ?? '',
  }
}

type Props = {
  partnerId: number
  opened: boolean
  onClose: () => void
  side: StakeholderSide
  stakeholder?: Stakeholder
}

export function StakeholderFormModal({ partnerId, opened, onClose, side, stakeholder }: Props) {
  const { create, update } = useStakeholderMutations(partnerId)
  const form = useForm<Values>({
    initialValues: initial(side, stakeholder),
    validate: contractValidator(createStakeholderBody, (v: Values) => v),
  })
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens
  useEffect(() => {
    if (opened) {
      form.setInitialValues(initial(side, stakeholder))
      form.reset()
    }
  }, [opened, stakeholder?.id, side])

  const submit = form.onSubmit(async (values) => {
    try {
      if (stakeholder) await update.mutateAsync({ id: stakeholder.id, body: values })
      else await create.mutateAsync(values)
      notifySaved(`${values.name} saved`)
      onClose()
    } catch (error) {
      showServerError(error, form, 'Could not save the stakeholder')
    }
  }, focusFirstError)

  const sideLabel = form.values.side === 'partner' ? 'partner' : 'Microsoft'
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={stakeholder ? `Edit ${stakeholder.name}` : `Add a ${sideLabel} stakeholder`}
      size="lg"
    >
      <form onSubmit={submit} noValidate aria-label="Stakeholder">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select<StakeholderSide>
              label="Side"
              data={[
                { value: 'partner', label: 'Partner' },
                { value: 'microsoft', label: 'Microsoft' },
              ]}
              allowDeselect={false}
              {...form.getInputProps('side')}
              onChange={(v) => {
                if (!v) return
                form.setFieldValue('side', v)
                if (!rolesForSide(v).includes(form.values.role))
                  form.setFieldValue('role', rolesForSide(v)[0])
              }}
            />
            <Select<StakeholderRole>
              label="Role"
              data={rolesForSide(form.values.side).map((r) => ({ value: r, label: stakeholderRoleLabel[r] }))}
              allowDeselect={false}
              {...form.getInputProps('role')}
            />
            <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
            <TextInput label="Job title" {...form.getInputProps('title')} />
            <TextInput label="E-mail" type="email" {...form.getInputProps('email')} />
            <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {stakeholder ? 'Save changes' : 'Add stakeholder'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
