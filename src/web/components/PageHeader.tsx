import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'
import type { ReactNode } from 'react'
import { Link } from 'react-router'

type Crumb = { label: string; to: string }

type Props = {
  title: ReactNode
  description?: ReactNode
  crumbs?: Crumb[]
  /** Badges or small facts next to the title. */
  meta?: ReactNode
  actions?: ReactNode
}

export function PageHeader({ title, description, crumbs, meta, actions }: Props) {
  useDocumentTitle(typeof title === 'string' ? `${title} · Trellis` : 'Trellis')
  return (
    <Stack gap={6} mb="lg">
      {crumbs && (
        <Breadcrumbs separatorMargin={6} fz="sm">
          {crumbs.map((c) => (
            <Anchor key={c.to} component={Link} to={c.to} fz="sm" c="dimmed">
              {c.label}
            </Anchor>
          ))}
        </Breadcrumbs>
      )}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={4}>
          <Group gap="sm" align="center">
            <Title order={1} fz={26}>
              {title}
            </Title>
            {meta}
          </Group>
          {description && (
            <Text c="dimmed" fz="sm">
              {description}
            </Text>
          )}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  )
}
