import {
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { type CreateTaskBody, createTaskBody, type TaskDefinition } from '#shared/contracts/tasks'
import { phaseLabel, phases } from '#shared/domain/portfolio'
import { taskAppliesToLabel, taskAppliesTos } from '#shared/domain/tasks'
import { workloadCatalog } from '#shared/domain/workloads'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { contractValidator, focusFirstError, notifySaved, showServerError } from '../../lib/forms'
import { usePermissions } from '../auth/session'
import { useArchiveTask, useSaveTask, useTaskCatalogue } from './api'

type Values = {
  code: string
  name: string
  description: string
  mandatory: boolean
  appliesTo: string
  expectedBy: string
  phase: string | null
  days: number | string
  workloads: string[]
  sortOrder: number | string
}

const toBody = (v: Values): CreateTaskBody =>
  ({
    code: v.code,
    name: v.name,
    description: v.description,
    mandatory: v.mandatory,
    appliesTo: v.appliesTo,
    expectedBy: v.expectedBy,
    phase: v.expectedBy === 'phase' ? v.phase : null,
    days: v.expectedBy === 'days' && v.days !== '' ? Number(v.days) : null,
    workloads: v.appliesTo === 'engagement' && v.workloads.length ? v.workloads : null,
    sortOrder: v.sortOrder === '' ? 0 : Number(v.sortOrder),
  }) as CreateTaskBody

const valuesOf = (t: TaskDefinition | null): Values => ({
  code: t?.code ?? '',
  name: t?.name ?? '',
  description: t?.description ?? '',
  mandatory: t?.mandatory ?? true,
  appliesTo: t?.appliesTo ?? 'engagement',
  expectedBy: t?.expectedBy ?? 'phase',
  phase: t?.phase ?? 'initiate',
  days: t?.days ?? 30,
  workloads: t?.workloads ?? [],
  sortOrder: t?.sortOrder ?? 0,
})

function TaskModal({
  task,
  opened,
  onClose,
}: {
  task: TaskDefinition | null
  opened: boolean
  onClose: () => void
}) {
  const save = useSaveTask()
  const form = useForm<Values>({
    initialValues: valuesOf(task),
    validate: contractValidator(createTaskBody, toBody),
  })
  const v = form.values
  return (
    <Modal opened={opened} onClose={onClose} title={task ? `Edit ${task.code}` : 'New task'} size="lg">
      <form
        onSubmit={form.onSubmit((values) => {
          const body = toBody(values)
          const { appliesTo: _fixed, ...edit } = body
          save.mutate(
            { id: task?.id ?? null, body: task ? edit : body },
            {
              onSuccess: () => {
                notifySaved(`Task ${body.code} saved`)
                onClose()
              },
              onError: (e) => showServerError(e, form),
            },
          )
        }, focusFirstError)}
      >
        <Stack>
          <Group grow align="flex-start">
            <TextInput label="Code" description="e.g. the FTOP task number" {...form.getInputProps('code')} />
            <NumberInput label="Order" allowDecimal={false} min={0} {...form.getInputProps('sortOrder')} />
          </Group>
          <TextInput label="Name" {...form.getInputProps('name')} />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
          <Switch label="Mandatory" {...form.getInputProps('mandatory', { type: 'checkbox' })} />
          <Select
            label="Applies to"
            disabled={task !== null}
            data={taskAppliesTos.map((a) => ({ value: a, label: taskAppliesToLabel[a] }))}
            {...form.getInputProps('appliesTo')}
            onChange={(a) => {
              form.setFieldValue('appliesTo', a ?? 'engagement')
              if (a === 'partner') form.setFieldValue('expectedBy', 'days')
            }}
          />
          <Group grow align="flex-start">
            <Select
              label="Expected"
              data={[
                {
                  value: 'phase',
                  label: 'By phase reached',
                  disabled: v.appliesTo === 'partner',
                },
                {
                  value: 'days',
                  label:
                    v.appliesTo === 'partner'
                      ? 'Days after onboarding starts'
                      : 'Days after the engagement starts',
                },
              ]}
              {...form.getInputProps('expectedBy')}
            />
            {v.expectedBy === 'phase' ? (
              <Select
                label="Phase"
                data={phases.map((p) => ({ value: p, label: phaseLabel[p] }))}
                {...form.getInputProps('phase')}
              />
            ) : (
              <NumberInput label="Days" allowDecimal={false} min={0} {...form.getInputProps('days')} />
            )}
          </Group>
          {v.appliesTo === 'engagement' && (
            <MultiSelect
              label="Only for workloads"
              description="Leave empty for every workload"
              data={workloadCatalog.map((w) => ({ value: w.code, label: w.name }))}
              {...form.getInputProps('workloads')}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

const expectedText = (t: TaskDefinition) =>
  t.expectedBy === 'phase'
    ? `Reaching ${phaseLabel[t.phase ?? 'initiate']}`
    : `${t.days} days after ${t.appliesTo === 'partner' ? 'onboarding starts' : 'the engagement starts'}`

/** /tasks/catalogue: admins add, edit, retire and restore tasks; everyone reads. */
export function TaskCataloguePage() {
  const { isAdmin } = usePermissions()
  const [showRetired, setShowRetired] = useState(false)
  const [editing, setEditing] = useState<{ task: TaskDefinition | null } | null>(null)
  const catalogue = useTaskCatalogue(showRetired)
  const archive = useArchiveTask()
  return (
    <>
      <PageHeader
        title="Task catalogue"
        crumbs={[{ label: 'Milestones & tasks', to: '/tasks' }]}
        description="Onboarding tasks apply to every live partner; engagement tasks to each customer × workload."
        actions={
          isAdmin && (
            <Button onClick={() => setEditing({ task: null })} data-testid="new-task">
              New task
            </Button>
          )
        }
      />
      <Paper withBorder p="lg">
        <Switch
          mb="sm"
          label="Show retired tasks"
          checked={showRetired}
          onChange={(e) => setShowRetired(e.currentTarget.checked)}
        />
        {catalogue.isError && <QueryError error={catalogue.error} onRetry={() => catalogue.refetch()} />}
        {!catalogue.data && !catalogue.isError && <Skeleton h={200} />}
        {catalogue.data && (
          <Table fz="sm" aria-label="Task catalogue">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Code</Table.Th>
                <Table.Th>Task</Table.Th>
                <Table.Th>Applies to</Table.Th>
                <Table.Th>Expected</Table.Th>
                <Table.Th>Workloads</Table.Th>
                {isAdmin && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {catalogue.data.items.map((t) => (
                <Table.Tr key={t.id} opacity={t.archived ? 0.6 : 1}>
                  <Table.Td>{t.code}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Text fz="sm">{t.name}</Text>
                      {t.mandatory ? (
                        <Badge size="xs" variant="light">
                          Mandatory
                        </Badge>
                      ) : (
                        <Badge size="xs" variant="outline" color="gray">
                          Optional
                        </Badge>
                      )}
                      {t.archived && (
                        <Badge size="xs" color="gray">
                          Retired
                        </Badge>
                      )}
                    </Group>
                    {t.description && (
                      <Text fz="xs" c="dimmed">
                        {t.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t.appliesTo === 'partner' ? 'Partner' : 'Engagement'}</Table.Td>
                  <Table.Td>{expectedText(t)}</Table.Td>
                  <Table.Td>{t.workloads?.join(', ') ?? 'All'}</Table.Td>
                  {isAdmin && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing({ task: t })}>
                          Edit
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="gray"
                          onClick={() =>
                            archive.mutate(
                              { id: t.id, archived: !t.archived },
                              { onError: (e) => showServerError(e, undefined, 'Could not save') },
                            )
                          }
                        >
                          {t.archived ? 'Restore' : 'Retire'}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {editing && (
        <TaskModal
          key={editing.task?.id ?? 'new'}
          task={editing.task}
          opened
          onClose={() => setEditing(null)}
        />
      )}
    </>
  )
}
