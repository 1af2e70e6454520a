import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Collapse,
  Divider,
  Group,
  Menu,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import {
  IconArchive,
  IconChevronRight,
  IconDots,
  IconMail,
  IconPencil,
  IconPhone,
  IconPlus,
  IconRestore,
  IconUserOff,
} from '@tabler/icons-react'
import { useState } from 'react'
import type { Stakeholder } from '#shared/contracts/partners'
import { type StakeholderSide, stakeholderRoleLabel, stakeholderRoles } from '#shared/domain/portfolio'
import { notifySaved, showServerError } from '../../lib/forms'
import { useStakeholderMutations } from './api'
import { StakeholderFormModal } from './StakeholderFormModal'

type Editing = { side: StakeholderSide; stakeholder?: Stakeholder } | null

const roleOrder = (s: Stakeholder) => stakeholderRoles.indexOf(s.role)

function Person({
  s,
  canEdit,
  onEdit,
  onArchive,
}: {
  s: Stakeholder
  canEdit: boolean
  onEdit: () => void
  onArchive: () => void
}) {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" py={8} opacity={s.archived ? 0.6 : 1}>
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap={6}>
          <Text fw={600} fz="sm">
            {s.name}
          </Text>
          <Badge size="xs" variant="light" color={s.side === 'microsoft' ? 'blue' : 'trellis'}>
            {stakeholderRoleLabel[s.role]}
          </Badge>
        </Group>
        {s.title && (
          <Text fz="xs" c="dimmed">
            {s.title}
          </Text>
        )}
        <Group gap="md">
          {s.email && (
            <Anchor href={`mailto:${s.email}`} fz="xs">
              <Group gap={4} component="span" display="inline-flex">
                <IconMail size={13} aria-hidden />
                {s.email}
              </Group>
            </Anchor>
          )}
          {s.phone && (
            <Anchor href={`tel:${s.phone}`} fz="xs" c="dimmed">
              <Group gap={4} component="span" display="inline-flex">
                <IconPhone size={13} aria-hidden />
                {s.phone}
              </Group>
            </Anchor>
          )}
        </Group>
      </Stack>
      {canEdit && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${s.name}`}>
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {!s.archived && (
              <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
                Edit
              </Menu.Item>
            )}
            <Menu.Item
              leftSection={s.archived ? <IconRestore size={14} /> : <IconArchive size={14} />}
              color={s.archived ? undefined : 'red'}
              onClick={onArchive}
            >
              {s.archived ? 'Restore' : 'Archive'}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  )
}

function Side({
  side,
  people,
  canEdit,
  onAdd,
  onEdit,
  onArchive,
}: {
  side: StakeholderSide
  people: Stakeholder[]
  canEdit: boolean
  onAdd: () => void
  onEdit: (s: Stakeholder) => void
  onArchive: (s: Stakeholder) => void
}) {
  const [showArchived, { toggle }] = useDisclosure(false)
  const active = people.filter((p) => !p.archived).sort((a, b) => roleOrder(a) - roleOrder(b))
  const archived = people.filter((p) => p.archived)
  const title = side === 'partner' ? 'Partner side' : 'Microsoft side'
  return (
    <Stack gap={0} aria-label={title} component="section">
      <Group justify="space-between" mb={4}>
        <Text fw={600} fz="sm" c="dimmed" tt="uppercase" style={{ letterSpacing: 0.4 }}>
          {title}
        </Text>
        {canEdit && (
          <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={onAdd}>
            Add
          </Button>
        )}
      </Group>
      {active.length === 0 ? (
        <Group gap="xs" py="md" c="dimmed">
          <IconUserOff size={18} aria-hidden />
          <Text fz="sm">
            {side === 'partner'
              ? 'No sponsor, delivery lead or program admin yet'
              : 'No ATU, STU or CSU contact yet'}
          </Text>
        </Group>
      ) : (
        active.map((s, i) => (
          <div key={s.id}>
            {i > 0 && <Divider />}
            <Person s={s} canEdit={canEdit} onEdit={() => onEdit(s)} onArchive={() => onArchive(s)} />
          </div>
        ))
      )}
      {archived.length > 0 && (
        <>
          <UnstyledButton onClick={toggle} mt="xs" aria-expanded={showArchived}>
            <Group gap={4} c="dimmed" fz="xs">
              <IconChevronRight
                size={14}
                style={{
                  transform: showArchived ? 'rotate(90deg)' : undefined,
                  transition: 'transform 150ms',
                }}
              />
              {archived.length} archived
            </Group>
          </UnstyledButton>
          <Collapse expanded={showArchived}>
            {archived.map((s) => (
              <Person
                key={s.id}
                s={s}
                canEdit={canEdit}
                onEdit={() => onEdit(s)}
                onArchive={() => onArchive(s)}
              />
            ))}
          </Collapse>
        </>
      )}
    </Stack>
  )
}

export function StakeholdersCard({
  partnerId,
  stakeholders,
  canEdit,
}: {
  partnerId: number
  stakeholders: Stakeholder[]
  canEdit: boolean
}) {
  const [editing, setEditing] = useState<Editing>(null)
  const { archive } = useStakeholderMutations(partnerId)
  const toggleArchive = (s: Stakeholder) =>
    archive.mutate(
      { id: s.id, archived: !s.archived },
      {
        onSuccess: () => notifySaved(`${s.name} ${s.archived ? 'restored' : 'archived'}`),
        onError: (e) => showServerError(e),
      },
    )
  const common = {
    canEdit,
    onEdit: (s: Stakeholder) => setEditing({ side: s.side, stakeholder: s }),
    onArchive: toggleArchive,
  }
  return (
    <Paper withBorder p="lg">
      <Title order={2} fz="lg" mb="md">
        Stakeholders
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Side
          side="partner"
          people={stakeholders.filter((s) => s.side === 'partner')}
          onAdd={() => setEditing({ side: 'partner' })}
          {...common}
        />
        <Side
          side="microsoft"
          people={stakeholders.filter((s) => s.side === 'microsoft')}
          onAdd={() => setEditing({ side: 'microsoft' })}
          {...common}
        />
      </SimpleGrid>
      {canEdit && (
        <StakeholderFormModal
          partnerId={partnerId}
          opened={editing !== null}
          onClose={() => setEditing(null)}
          side={editing?.side ?? 'partner'}
          stakeholder={editing?.stakeholder}
        />
      )}
    </Paper>
  )
}
