import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Menu,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconDots } from '@tabler/icons-react'
import { useState } from 'react'
import { Link } from 'react-router'
import { addPlusOneBody, type Insight } from '#shared/contracts/insights'
import {
  insightStatuses,
  insightStatusLabel,
  insightTransitions,
  insightTypeLabel,
  insightTypes,
} from '#shared/domain/insights'
import { workloadName } from '#shared/domain/workloads'
import { ListFooter } from '../../components/ListFooter'
import { QueryError } from '../../components/QueryError'
import { formatDate } from '../../lib/format'
import { contractValidator, focusFirstError, notifySaved, showServerError, toId } from '../../lib/forms'
import { useAddPlusOne, useInsights, usePatchInsight } from './api'
import { InsightStatusBadge } from './badges'
import { CustomerOfPartnerSelect, ExportButtons, PartnerAndWorkloadFilters } from './fields'
import { InsightFormModal } from './InsightFormModal'

type Filters = {
  partnerId: string
  type: string
  status: string
  workloadCode: string
  regionId: string
  fpmUserId: string
}

export function InsightsTab({
  filters,
  set,
  page,
  pageSize,
  canWrite,
}: {
  filters: Filters
  set: (patch: Record<string, string | number | null>) => void
  page: number
  pageSize: number
  canWrite: boolean
}) {
  const list = useInsights({ ...filters, page, pageSize })
  const patch = usePatchInsight()
  const [editing, setEditing] = useState<Insight | null>(null)
  const [plusOne, setPlusOne] = useState<Insight | null>(null)
  const move = async (i: Insight, status: (typeof insightStatuses)[number]) => {
    try {
      await patch.mutateAsync({ id: i.id, status })
      notifySaved(`Insight ${insightStatusLabel[status].toLowerCase()}`)
    } catch (error) {
      showServerError(error, undefined, 'Could not change the status')
    }
  }
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        <PartnerAndWorkloadFilters filters={filters} set={set}>
          <Select
            aria-label="Type"
            placeholder="Any type"
            data={insightTypes.map((t) => ({ value: t, label: insightTypeLabel[t] }))}
            value={filters.type || null}
            onChange={(v) => set({ type: v })}
            clearable
            w={130}
          />
          <Select
            aria-label="Status"
            placeholder="Any status"
            data={insightStatuses.map((s) => ({ value: s, label: insightStatusLabel[s] }))}
            value={filters.status || null}
            onChange={(v) => set({ status: v })}
            clearable
            w={150}
          />
        </PartnerAndWorkloadFilters>
        <ExportButtons register="insights" filters={filters} />
      </Group>
      {list.isError ? (
        <QueryError error={list.error} />
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped highlightOnHover aria-label="Insights">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Title</Table.Th>
                <Table.Th>Partner</Table.Th>
                <Table.Th>Customer</Table.Th>
                <Table.Th>Workload</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">+1</Table.Th>
                <Table.Th>Submitted</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td maw={320}>
                    <Text fz="sm" fw={500} lineClamp={1} title={i.title}>
                      {i.title}
                    </Text>
                    <Text fz="xs" c="dimmed" lineClamp={1} title={i.description}>
                      {i.description}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/partners/${i.partnerId}`} fz="sm">
                      {i.partnerName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td fz="sm">{i.customerName ?? '—'}</Table.Td>
                  <Table.Td fz="sm">{i.workloadCode ? workloadName(i.workloadCode) : '—'}</Table.Td>
                  <Table.Td fz="sm">{insightTypeLabel[i.type]}</Table.Td>
                  <Table.Td>
                    <InsightStatusBadge status={i.status} />
                  </Table.Td>
                  <Table.Td ta="right" fz="sm">
                    {i.plusOnes}
                  </Table.Td>
                  <Table.Td fz="sm">{formatDate(i.submittedAt)}</Table.Td>
                  <Table.Td>
                    {canWrite && (
                      <Menu position="bottom-end">
                        <Menu.Target>
                          <ActionIcon variant="subtle" aria-label={`Actions on ${i.title}`}>
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {insightTransitions[i.status].map((s) => (
                            <Menu.Item key={s} onClick={() => move(i, s)}>
                              Mark {insightStatusLabel[s].toLowerCase()}
                            </Menu.Item>
                          ))}
                          <Menu.Item onClick={() => setPlusOne(i)}>Add a customer’s +1</Menu.Item>
                          <Menu.Item onClick={() => setEditing(i)}>Edit</Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.data && list.data.total === 0 && (
        <Text c="dimmed" fz="sm">
          No insight matches these filters.
        </Text>
      )}
      {list.data && (
        <ListFooter
          total={list.data.total}
          page={page}
          pageSize={pageSize}
          onPage={(p) => set({ page: p })}
          onPageSize={(s) => set({ pageSize: s, page: 1 })}
          noun="insights"
        />
      )}
      {editing && <InsightFormModal opened onClose={() => setEditing(null)} insight={editing} />}
      {plusOne && <PlusOneModal insight={plusOne} onClose={() => setPlusOne(null)} />}
    </Stack>
  )
}

function PlusOneModal({ insight, onClose }: { insight: Insight; onClose: () => void }) {
  const add = useAddPlusOne()
  type V = { customerId: string | null; note: string }
  const toBody = (v: V) => ({ customerId: toId(v.customerId) ?? undefined, note: v.note })
  const form = useForm<V>({
    initialValues: { customerId: null, note: '' },
    validate: contractValidator(addPlusOneBody, toBody),
  })
  const submit = form.onSubmit(async (v) => {
    try {
      const r = await add.mutateAsync({ id: insight.id, ...addPlusOneBody.parse(toBody(v)) })
      notifySaved(`+1 added: ${r.plusOnes} customers`)
      onClose()
    } catch (error) {
      showServerError(error, form, 'Could not add the +1')
    }
  }, focusFirstError)
  return (
    <Modal opened onClose={onClose} title={`+1 on “${insight.title}”`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <CustomerOfPartnerSelect
            label="Customer with the same need"
            withAsterisk
            partnerId={null}
            anyVisible
            {...form.getInputProps('customerId')}
          />
          <TextInput label="Note" {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add +1
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
