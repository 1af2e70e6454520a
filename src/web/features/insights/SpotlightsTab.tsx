import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { Link } from 'react-router'
import type { Spotlight } from '#shared/contracts/insights'
import {
  type SpotlightStatus,
  spotlightDecisions,
  spotlightStatuses,
  spotlightStatusLabel,
  spotlightTransitions,
} from '#shared/domain/insights'
import { workloadName } from '#shared/domain/workloads'
import { ListFooter } from '../../components/ListFooter'
import { QueryError } from '../../components/QueryError'
import { formatDate, formatDateTime } from '../../lib/format'
import { notifySaved, showServerError } from '../../lib/forms'
import { usePermissions } from '../auth/session'
import { Markdown } from '../meetings/Markdown'
import { usePatchSpotlight, useSpotlights } from './api'
import { SpotlightStatusBadge } from './badges'
import { ExportButtons, PartnerAndWorkloadFilters } from './fields'
import { SpotlightFormModal } from './SpotlightFormModal'

type Filters = {
  partnerId: string
  status: string
  workloadCode: string
  regionId: string
  fpmUserId: string
}

export function SpotlightsTab({
  filters,
  set,
  page,
  pageSize,
}: {
  filters: Filters
  set: (patch: Record<string, string | number | null>) => void
  page: number
  pageSize: number
}) {
  const list = useSpotlights({ ...filters, page, pageSize })
  const [open, setOpen] = useState<number | null>(null)
  const shown = list.data?.items.find((s) => s.id === open)
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        <PartnerAndWorkloadFilters filters={filters} set={set}>
          <Select
            aria-label="Status"
            placeholder="Any status"
            data={spotlightStatuses.map((s) => ({ value: s, label: spotlightStatusLabel[s] }))}
            value={filters.status || null}
            onChange={(v) => set({ status: v })}
            clearable
            w={230}
          />
        </PartnerAndWorkloadFilters>
        <ExportButtons register="spotlights" filters={filters} />
      </Group>
      {list.isError ? (
        <QueryError error={list.error} />
      ) : (
        <Table striped highlightOnHover aria-label="Spotlights">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Title</Table.Th>
              <Table.Th>Partner</Table.Th>
              <Table.Th>Customer</Table.Th>
              <Table.Th>Workloads</Table.Th>
              <Table.Th>Approval to share</Table.Th>
              <Table.Th>Submitted</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component="button" type="button" fz="sm" fw={500} onClick={() => setOpen(s.id)}>
                    {s.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/partners/${s.partnerId}`} fz="sm">
                    {s.partnerName}
                  </Anchor>
                </Table.Td>
                <Table.Td fz="sm">{s.customerName ?? '—'}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {s.workloadCodes.map((w) => (
                      <Badge key={w} size="xs" variant="outline" title={workloadName(w)}>
                        {w}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <SpotlightStatusBadge status={s.status} />
                </Table.Td>
                <Table.Td fz="sm">{formatDate(s.submittedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.data && list.data.total === 0 && (
        <Text c="dimmed" fz="sm">
          No spotlight matches these filters.
        </Text>
      )}
      {list.data && (
        <ListFooter
          total={list.data.total}
          page={page}
          pageSize={pageSize}
          onPage={(p) => set({ page: p })}
          onPageSize={(n) => set({ pageSize: n, page: 1 })}
          noun="spotlights"
        />
      )}
      {shown && <SpotlightModal spotlight={shown} onClose={() => setOpen(null)} />}
    </Stack>
  )
}

/** One story, rendered from Markdown without raw HTML; submit, approve to share or reject. */
export function SpotlightModal({ spotlight: s, onClose }: { spotlight: Spotlight; onClose: () => void }) {
  const { user, canWrite } = usePermissions()
  const patch = usePatchSpotlight()
  const [note, setNote] = useState('')
  const [editing, setEditing] = useState(false)
  const approver = user.role === 'lead' || user.role === 'admin'
  const next = spotlightTransitions[s.status].filter((t) => approver || !spotlightDecisions.includes(t))
  const move = async (status: SpotlightStatus) => {
    try {
      await patch.mutateAsync({ id: s.id, status, ...(note ? { decisionNote: note } : {}) })
      notifySaved(spotlightStatusLabel[status])
    } catch (error) {
      showServerError(error, undefined, 'Could not change the approval')
    }
  }
  const action: Record<SpotlightStatus, string> = {
    draft: 'Back to draft',
    submitted: 'Submit for approval',
    approved_internal: 'Approve internally',
    approved_public: 'Approve publicly',
    rejected: 'Reject',
  }
  return (
    <Modal opened onClose={onClose} title={s.title} size="xl">
      <Stack gap="sm">
        <Group gap="xs">
          <SpotlightStatusBadge status={s.status} />
          <Text fz="sm" c="dimmed">
            {s.partnerName}
            {s.customerName ? ` · ${s.customerName}` : ''} · written by {s.createdByName}
            {s.decidedByName ? ` · decided by ${s.decidedByName} on ${formatDateTime(s.decidedAt)}` : ''}
          </Text>
        </Group>
        {s.decisionNote && (
          <Text fz="sm" fs="italic">
            {s.decisionNote}
          </Text>
        )}
        <Title order={3} fz="md">
          Situation
        </Title>
        <Markdown>{s.situation}</Markdown>
        <Title order={3} fz="md">
          What was done
        </Title>
        <Markdown>{s.actions}</Markdown>
        <Title order={3} fz="md">
          Outcome
        </Title>
        <Markdown>{s.outcome}</Markdown>
        {canWrite && next.length > 0 && (
          <>
            {approver && next.some((t) => spotlightDecisions.includes(t)) && (
              <Textarea
                label="Decision note"
                description="e.g. the customer’s consent to share publicly"
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
              />
            )}
            <Group justify="flex-end">
              {['draft', 'submitted', 'rejected'].includes(s.status) && (
                <Button variant="default" onClick={() => setEditing(true)}>
                  Edit
                </Button>
              )}
              {next.map((t) => (
                <Button
                  key={t}
                  color={t === 'rejected' ? 'red' : undefined}
                  variant={t === 'rejected' || t === 'draft' ? 'light' : 'filled'}
                  loading={patch.isPending && patch.variables?.status === t}
                  onClick={() => move(t)}
                >
                  {action[t]}
                </Button>
              ))}
            </Group>
          </>
        )}
      </Stack>
      {editing && <SpotlightFormModal opened onClose={() => setEditing(false)} spotlight={s} />}
    </Modal>
  )
}
