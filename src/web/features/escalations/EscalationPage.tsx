import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core'
import { IconAlertTriangle, IconArrowUpRight, IconCheck, IconEdit, IconFlag } from '@tabler/icons-react'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import type { EscalationDetail, EscalationEvent } from '#shared/contracts/escalations'
import {
  type EscalationStatus,
  escalationCategoryLabel,
  escalationStatusLabel,
  escalationTargetLabel,
  escalationTransitions,
  transitionLabel,
} from '#shared/domain/escalations'
import { slaStateDefinition } from '#shared/domain/metrics'
import { workloadName } from '#shared/domain/workloads'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { formatDateTime } from '../../lib/format'
import { notifySaved, showServerError } from '../../lib/forms'
import { useEscalation, useTransition } from './api'
import { EscalationStatusBadge, SeverityBadge, SlaBadge } from './badges'
import { CloseEscalationModal } from './CloseEscalationModal'
import { EditEscalationModal } from './EditEscalationModal'
import { EscalateModal } from './EscalateModal'

function eventText(v: EscalationEvent): { title: string; icon: React.ReactNode } {
  switch (v.kind) {
    case 'raised':
      return { title: 'Raised', icon: <IconFlag size={12} /> }
    case 'escalated':
      return {
        title: `Escalated to ${v.target ? escalationTargetLabel[v.target] : '?'}`,
        icon: <IconArrowUpRight size={12} />,
      }
    case 'edited':
      return { title: 'Edited', icon: <IconEdit size={12} /> }
    default:
      return {
        title: `${v.fromStatus ? escalationStatusLabel[v.fromStatus] : ''} → ${v.toStatus ? escalationStatusLabel[v.toStatus] : ''}`,
        icon: <IconCheck size={12} />,
      }
  }
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text fz="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <div>{children}</div>
    </Group>
  )
}

function Actions({ e }: { e: EscalationDetail }) {
  const transition = useTransition(e.id)
  const [closing, setClosing] = useState(false)
  const [escalating, setEscalating] = useState(false)
  const [editing, setEditing] = useState(false)
  if (!e.canEdit) return null
  const go = (status: EscalationStatus) =>
    transition.mutate(
      { status },
      {
        onSuccess: () => notifySaved(`Now ${escalationStatusLabel[status].toLowerCase()}`),
        onError: (error) => showServerError(error, undefined, 'Could not change the status'),
      },
    )
  const active = e.status === 'open' || e.status === 'in_progress'
  return (
    <Group gap="xs">
      {escalationTransitions[e.status]
        .filter((s) => s !== 'closed')
        .map((s) => (
          <Button key={s} variant="default" size="sm" onClick={() => go(s)} loading={transition.isPending}>
            {transitionLabel(e.status, s)}
          </Button>
        ))}
      {active && (
        <Button variant="light" color="grape" size="sm" onClick={() => setEscalating(true)}>
          Escalate to…
        </Button>
      )}
      <Button
        variant="default"
        size="sm"
        leftSection={<IconEdit size={14} />}
        onClick={() => setEditing(true)}
      >
        Edit
      </Button>
      {e.status !== 'closed' && (
        <Button color="teal" size="sm" onClick={() => setClosing(true)}>
          Close…
        </Button>
      )}
      <CloseEscalationModal escalationId={e.id} opened={closing} onClose={() => setClosing(false)} />
      <EscalateModal escalationId={e.id} opened={escalating} onClose={() => setEscalating(false)} />
      {editing && <EditEscalationModal escalation={e} opened onClose={() => setEditing(false)} />}
    </Group>
  )
}

export function EscalationPage() {
  const id = Number(useParams().id)
  const q = useEscalation(id)
  if (q.isError) return <QueryError error={q.error} onRetry={() => q.refetch()} />
  const e = q.data
  return (
    <>
      <PageHeader
        title={e?.title ?? 'Escalation'}
        crumbs={[{ label: 'Escalations', to: '/escalations' }]}
        meta={
          e && (
            <Group gap="xs">
              <SeverityBadge severity={e.severity} />
              <EscalationStatusBadge status={e.status} />
              <SlaBadge escalation={e} />
              {e.escalatedTo && (
                <Badge variant="outline" color="grape" size="sm">
                  Escalated to {escalationTargetLabel[e.escalatedTo]}
                </Badge>
              )}
            </Group>
          )
        }
        actions={e && <Actions e={e} />}
      />
      {e && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Paper withBorder p="lg" component="section" aria-label="Details">
              <Stack gap="xs">
                <Fact label="Partner">
                  <Anchor component={Link} to={`/partners/${e.partnerId}`} fz="sm">
                    {e.partnerName}
                  </Anchor>
                </Fact>
                {e.customerId && (
                  <Fact label="Customer">
                    <Anchor component={Link} to={`/customers/${e.customerId}`} fz="sm">
                      {e.customerName}
                    </Anchor>
                  </Fact>
                )}
                {e.workloadCode && (
                  <Fact label="Workload">
                    <Text fz="sm">{workloadName(e.workloadCode)}</Text>
                  </Fact>
                )}
                <Fact label="Category">
                  <Text fz="sm">{escalationCategoryLabel[e.category]}</Text>
                </Fact>
                <Fact label="Owner">
                  <Text fz="sm">{e.ownerName}</Text>
                </Fact>
                <Fact label="Raised">
                  <Text fz="sm">
                    {formatDateTime(e.raisedAt)} by {e.raisedByName}
                  </Text>
                </Fact>
                <Fact label="SLA">
                  <Text fz="sm" title={slaStateDefinition}>
                    {e.sla.hours} h · due {formatDateTime(e.sla.dueAt)} ·{' '}
                    {Math.round(e.sla.elapsedShare * 100)} % elapsed
                  </Text>
                </Fact>
                {e.description && (
                  <Text fz="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {e.description}
                  </Text>
                )}
                {e.closureEvidence && (
                  <Paper
                    withBorder
                    p="sm"
                    mt="sm"
                    bg="teal.0"
                    component="section"
                    aria-label="Closure evidence"
                  >
                    <Text fz="sm" fw={600}>
                      Closure evidence
                    </Text>
                    <Text fz="sm">{e.closureEvidence}</Text>
                    {e.closureLink && (
                      <Anchor href={e.closureLink} target="_blank" rel="noopener noreferrer" fz="sm">
                        {e.closureLink}
                      </Anchor>
                    )}
                  </Paper>
                )}
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Paper withBorder p="lg" component="section" aria-label="Timeline">
              <Title order={2} fz="lg" mb="md">
                Timeline
              </Title>
              <Timeline bulletSize={22} lineWidth={2} active={e.timeline.length}>
                {e.timeline.map((v) => {
                  const { title, icon } = eventText(v)
                  return (
                    <Timeline.Item key={v.id} title={title} bullet={icon} data-testid="timeline-item">
                      {v.note && <Text fz="sm">{v.note}</Text>}
                      {v.evidence && <Text fz="sm">Evidence: {v.evidence}</Text>}
                      {v.link && (
                        <Anchor href={v.link} target="_blank" rel="noopener noreferrer" fz="sm">
                          {v.link}
                        </Anchor>
                      )}
                      <Text fz="xs" c="dimmed">
                        {formatDateTime(v.createdAt)} · {v.userName ?? 'someone'}
                      </Text>
                    </Timeline.Item>
                  )
                })}
              </Timeline>
            </Paper>
          </Grid.Col>
        </Grid>
      )}
      {!e && (
        <Group>
          <IconAlertTriangle size={16} />
          <Text c="dimmed">Loading…</Text>
        </Group>
      )}
    </>
  )
}
