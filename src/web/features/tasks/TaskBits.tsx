import { Anchor, Badge, Button, Group, Text, Tooltip } from '@mantine/core'
import type { TaskInstance } from '#shared/contracts/tasks'
import type { TaskState } from '#shared/domain/tasks'
import { formatDate, formatShare } from '../../lib/format'
import { showServerError } from '../../lib/forms'
import { useUndoCompletion } from './api'

const stateColor: Record<TaskState, string> = { done: 'teal', overdue: 'red', open: 'gray' }
const stateLabel: Record<TaskState, string> = { done: 'Done', overdue: 'Overdue', open: 'Open' }

export function TaskStateBadge({ state }: { state: TaskState }) {
  return (
    <Badge color={stateColor[state]} variant={state === 'open' ? 'outline' : 'light'} size="sm">
      {stateLabel[state]}
    </Badge>
  )
}

/** "12 of 20 · 60 %", or "—" when nothing applies. */
export function Share({ done, of }: { done: number; of: number }) {
  return (
    <Text span fz="sm">
      {of === 0 ? '—' : `${done} of ${of} · ${formatShare(done / of, 0)}`}
    </Text>
  )
}

/** The completion of an instance (date, by, evidence) with Undo, or a Complete button. */
export function CompletionCell({
  instance,
  canEdit,
  onComplete,
}: {
  instance: TaskInstance
  canEdit: boolean
  onComplete: (i: TaskInstance) => void
}) {
  const undo = useUndoCompletion()
  const c = instance.completion
  if (!c)
    return canEdit ? (
      <Button size="compact-xs" variant="light" onClick={() => onComplete(instance)}>
        Complete
      </Button>
    ) : null
  return (
    <Group gap={6} wrap="nowrap">
      <Tooltip
        label={c.evidence ?? c.evidenceLink ?? ''}
        disabled={!c.evidence && !c.evidenceLink}
        multiline
        w={300}
      >
        <Text fz="xs" c="dimmed">
          {formatDate(c.completedOn)} · {c.completedByName}
          {!c.onTime && ' · late'}
        </Text>
      </Tooltip>
      {c.evidenceLink && (
        <Anchor href={c.evidenceLink} target="_blank" rel="noreferrer" fz="xs">
          evidence
        </Anchor>
      )}
      {canEdit && (
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          loading={undo.isPending}
          onClick={() =>
            undo.mutate(c.id, { onError: (e) => showServerError(e, undefined, 'Could not undo') })
          }
        >
          Undo
        </Button>
      )}
    </Group>
  )
}
