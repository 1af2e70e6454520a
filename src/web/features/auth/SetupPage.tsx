import { Alert, Button, Loader, PasswordInput, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconInfoCircle } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Navigate, useNavigate } from 'react-router'
import type { z } from 'zod'
import { type SessionUser, setupBody } from '#shared/contracts/auth'
import { api } from '../../api/client'
import { contractValidator, focusFirstError, showServerError } from '../../lib/forms'
import { AuthLayout } from './AuthLayout'
import { sessionKey } from './session'

type Values = z.input<typeof setupBody> & { confirm: string }

export function SetupPage() {
  const navigate = useNavigate()
  const client = useQueryClient()
  const setup = useQuery({ queryKey: ['setup'], queryFn: () => api.get<{ needed: boolean }>('/setup') })
  const validateBody = contractValidator(setupBody, ({ confirm: _, ...body }: Values) => body)
  const form = useForm<Values>({
    initialValues: { email: '', displayName: '', password: '', confirm: '' },
    validate: (values) => ({
      ...validateBody(values),
      ...(values.confirm !== values.password ? { confirm: 'The passwords do not match' } : {}),
    }),
  })
  const create = useMutation({
    mutationFn: ({ confirm: _, ...body }: Values) => api.post<{ user: SessionUser }>('/setup', body),
    onSuccess: ({ user }) => {
      client.setQueryData(sessionKey, user)
      client.setQueryData(['setup'], { needed: false })
      navigate('/dashboard', { replace: true })
    },
    onError: (error) => showServerError(error, form, 'Could not create the admin'),
  })

  if (setup.isPending) return <Loader m="xl" aria-label="Loading" />
  if (setup.data && !setup.data.needed) return <Navigate to="/login" replace />

  return (
    <AuthLayout
      title="Set up Trellis"
      subtitle="Create the first admin account. You can invite everyone else after."
    >
      <form onSubmit={form.onSubmit((values) => create.mutate(values), focusFirstError)} noValidate>
        <Stack>
          <Alert color="trellis" variant="light" icon={<IconInfoCircle size={18} />}>
            This page is available only until the first user exists.
          </Alert>
          <TextInput label="Your name" autoComplete="name" autoFocus {...form.getInputProps('displayName')} />
          <TextInput label="E-mail" type="email" autoComplete="username" {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            description="At least 10 characters"
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label="Repeat the password"
            autoComplete="new-password"
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" loading={create.isPending} fullWidth mt="xs">
            Create admin and sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  )
}
