import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertCircle } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router'
import { type LoginBody, loginBody, type SessionUser } from '#shared/contracts/auth'
import { api } from '../../api/client'
import { contractValidator, focusFirstError } from '../../lib/forms'
import { AuthLayout } from './AuthLayout'
import { sessionKey, useSession } from './session'

/** Only same-app paths are followed after sign-in. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/dashboard'
}

export function LoginPage() {
  const [params] = useSearchParams()
  const next = safeNext(params.get('next'))
  const navigate = useNavigate()
  const client = useQueryClient()
  const session = useSession()
  const setup = useQuery({
    queryKey: ['setup'],
    queryFn: () => api.get<{ needed: boolean }>('/setup'),
    staleTime: 60_000,
  })
  const form = useForm<LoginBody>({
    initialValues: { email: '', password: '' },
    validate: contractValidator(loginBody, (v: LoginBody) => v),
  })
  const login = useMutation({
    mutationFn: (body: LoginBody) => api.post<{ user: SessionUser }>('/auth/login', body),
    onSuccess: ({ user }) => {
      client.setQueryData(sessionKey, user)
      navigate(next, { replace: true })
    },
  })

  useEffect(() => {
    if (setup.data?.needed) navigate('/setup', { replace: true })
  }, [setup.data, navigate])

  if (session.data) return <Navigate to={next} replace />

  return (
    <AuthLayout title="Sign in" subtitle="Welcome back. Sign in to your portfolio.">
      <form onSubmit={form.onSubmit((values) => login.mutate(values), focusFirstError)} noValidate>
        <Stack>
          {login.error && (
            <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
              {login.error.message}
            </Alert>
          )}
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="username"
            placeholder="you@company.com"
            data-autofocus
            autoFocus
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={login.isPending} fullWidth mt="xs">
            Sign in
          </Button>
          {setup.data?.needed && (
            <Text fz="sm" c="dimmed" ta="center">
              No users yet?{' '}
              <Anchor component={Link} to="/setup">
                Create the first admin
              </Anchor>
            </Text>
          )}
        </Stack>
      </form>
    </AuthLayout>
  )
}
