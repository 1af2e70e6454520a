import {
  ActionIcon,
  Badge,
  Button,
  EmptyState,
  Group,
  Modal,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconLock, IconPencil, IconPlus, IconUsers } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { createUserBody, type User, updateUserBody } from '#shared/contracts/users'
import { type Role, roleLabel, roles } from '#shared/domain/roles'
import { api } from '../../api/client'
import { useRegions, useUsers } from '../../api/reference'
import { EmptyRows } from '../../components/EmptyRows'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { TableSkeleton } from '../../components/TableSkeleton'
import { contractValidator, focusFirstError, notifySaved, showServerError } from '../../lib/forms'
import { usePermissions } from '../auth/session'

const roleColor: Record<Role, string> = {
  admin: 'grape',
  lead: 'indigo',
  fpm: 'trellis',
  sme: 'cyan',
  viewer: 'gray',
}

const roleHelp: Record<Role, string> = {
  admin: 'Everything, including users and imports',
  lead: 'Partners of their region; compares partner managers',
  fpm: 'The partners assigned to them',
  sme: 'Reads the partners they help',
  viewer: 'Reads their region (or everything without one)',
}

type Values = {
  email: string
  displayName: string
  role: Role
  regionId: number | null
  password: string
  active: boolean
}

function UserModal({ user, opened, onClose }: { user?: User; opened: boolean; onClose: () => void }) {
  const client = useQueryClient()
  const regions = useRegions()
  const initial = (): Values => ({
    email: user?.email ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? 'fpm',
    regionId: user?.regionId ?? null,
    password: '',
    active: user?.active ?? true,
  })
  const form = useForm<Values>({
    initialValues: initial(),
    validate: user
      ? contractValidator(updateUserBody, ({ email: _, password, ...v }: Values) => ({
          ...v,
          ...(password ? { password } : {}),
        }))
      : contractValidator(createUserBody, ({ active: _, ...v }: Values) => v),
  })
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens
  useEffect(() => {
    if (opened) {
      form.setInitialValues(initial())
      form.reset()
    }
  }, [opened, user?.id])
  const save = useMutation({
    mutationFn: ({ email, password, active, ...v }: Values) =>
      user
        ? api.patch<User>(`/users/${user.id}`, { ...v, active, ...(password ? { password } : {}) })
        : api.post<User>('/users', { ...v, email, password }),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['users'] })
      notifySaved(`${saved.displayName} ${user ? 'saved' : 'created'}`)
      onClose()
    },
    onError: (error) => showServerError(error, form, 'Could not save the user'),
  })

  return (
    <Modal opened={opened} onClose={onClose} title={user ? `Edit ${user.displayName}` : 'New user'} size="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v), focusFirstError)} noValidate aria-label="User">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('displayName')} />
            <TextInput
              label="E-mail"
              type="email"
              withAsterisk={!user}
              disabled={Boolean(user)}
              {...form.getInputProps('email')}
            />
            <Select<Role>
              label="Role"
              data={roles.map((r) => ({ value: r, label: roleLabel[r] }))}
              description={roleHelp[form.values.role]}
              allowDeselect={false}
              {...form.getInputProps('role')}
            />
            <Select<number>
              label="Region"
              placeholder="No region"
              data={(regions.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
              clearable
              {...form.getInputProps('regionId')}
            />
            <PasswordInput
              label={user ? 'New password' : 'Password'}
              description={user ? 'Leave empty to keep the current one' : 'At least 10 characters'}
              withAsterisk={!user}
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
            {user && (
              <Switch
                mt="lg"
                label="Active"
                description="Inactive users cannot sign in"
                {...form.getInputProps('active', { type: 'checkbox' })}
              />
            )}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {user ? 'Save changes' : 'Create user'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

export function UsersPage() {
  const { isAdmin } = usePermissions()
  const users = useUsers()
  const [editing, setEditing] = useState<{ user?: User } | null>(null)

  if (!isAdmin)
    return (
      <EmptyState
        mt={80}
        icon={<IconLock size={24} />}
        withIndicatorBackground
        title="Only admins manage users"
        description="Ask an admin of your Trellis to add or change a user."
      />
    )

  const sorted = [...(users.data ?? [])].sort(
    (a, b) => Number(b.active) - Number(a.active) || a.displayName.localeCompare(b.displayName),
  )
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in, with which role and region"
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({})}>
            New user
          </Button>
        }
      />
      <Paper withBorder p="md">
        {users.isError ? (
          <QueryError error={users.error} onRetry={() => users.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table highlightOnHover aria-label="Users">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>E-mail</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Region</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th w={48} />
                </Table.Tr>
              </Table.Thead>
              {users.isPending ? (
                <TableSkeleton columns={6} rows={6} />
              ) : sorted.length === 0 ? (
                <EmptyRows columns={6} icon={<IconUsers size={22} />} title="No users" />
              ) : (
                <Table.Tbody>
                  {sorted.map((u) => (
                    <Table.Tr key={u.id} opacity={u.active ? 1 : 0.55}>
                      <Table.Td fw={600}>{u.displayName}</Table.Td>
                      <Table.Td>{u.email}</Table.Td>
                      <Table.Td>
                        <Tooltip label={roleHelp[u.role]}>
                          <Badge variant="light" color={roleColor[u.role]}>
                            {roleLabel[u.role]}
                          </Badge>
                        </Tooltip>
                      </Table.Td>
                      <Table.Td>
                        {u.regionName ?? (
                          <Text span c="dimmed" fz="sm">
                            All regions
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="dot" color={u.active ? 'teal' : 'gray'}>
                          {u.active ? 'Active' : 'Inactive'}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Edit ${u.displayName}`}
                          onClick={() => setEditing({ user: u })}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              )}
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <UserModal opened={editing !== null} onClose={() => setEditing(null)} user={editing?.user} />
    </>
  )
}
