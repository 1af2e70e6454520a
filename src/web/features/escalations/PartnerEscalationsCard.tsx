import { Anchor, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconPlus } from '@tabler/icons-react'
import { useId } from 'react'
import { Link } from 'react-router'
import { useEscalations } from './api'
import { EscalationStatusBadge } from './badges'
import { EscalationLine } from './EscalationLine'
import { RaiseEscalationModal } from './RaiseEscalationModal'

type Props = { partner: { id: number; name: string }; canRaise: boolean }

/** The partner's open escalations, most urgent first, with a button to raise one. */
export function PartnerEscalationsCard({ partner, canRaise }: Props) {
  const titleId = useId()
  const [raising, { open, close }] = useDisclosure()
  const list = useEscalations({ partnerId: partner.id, status: 'active', pageSize: 5 })
  const total = list.data?.total ?? 0
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id={titleId}>
          Escalations
        </Title>
        <Group gap="sm">
          <Anchor component={Link} to={`/escalations?partnerId=${partner.id}&status=all`} fz="sm">
            All escalations
          </Anchor>
          {canRaise && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={open}>
              Raise escalation
            </Button>
          )}
        </Group>
      </Group>
      {list.isPending ? (
        <Stack gap="xs">
          <Skeleton h={18} />
          <Skeleton h={18} />
        </Stack>
      ) : total === 0 ? (
        <Text fz="sm" c="dimmed">
          No open escalation.
        </Text>
      ) : (
        <Stack gap="xs">
          {list.data?.items.map((e) => (
            <EscalationLine key={e.id} escalation={e} detail={<EscalationStatusBadge status={e.status} />} />
          ))}
          {total > 5 && (
            <Anchor component={Link} to={`/escalations?partnerId=${partner.id}`} fz="sm">
              All {total} open
            </Anchor>
          )}
        </Stack>
      )}
      <RaiseEscalationModal opened={raising} onClose={close} partner={partner} />
    </Paper>
  )
}
