import { Button, Group, Modal, Stack, Textarea } from '@mantine/core'
import { useState } from 'react'
import type { OffboardingRecommendation } from '#shared/contracts/offboarding'
import { commentRequired, type RecommendationStatus } from '#shared/domain/offboarding'
import { AppError } from '#shared/errors'
import { notifySaved, showServerError } from '../../lib/forms'
import { useTransition } from './api'

const done: Record<RecommendationStatus, string> = {
  proposed: 'proposed again',
  reviewed: 'marked reviewed',
  accepted: 'accepted',
  rejected: 'rejected',
  reversed: 'reversed',
}

const verb: Record<RecommendationStatus, string> = {
  proposed: 'Propose again',
  reviewed: 'Mark reviewed',
  accepted: 'Accept',
  rejected: 'Reject',
  reversed: 'Reverse',
}

/** The steps the user may take on a recommendation now; each asks for a comment (required where needed). */
export function RecommendationActions({ rec }: { rec: OffboardingRecommendation }) {
  const [to, setTo] = useState<RecommendationStatus | null>(null)
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)
  const move = useTransition()
  if (rec.canMoveTo.length === 0) return null
  const submit = () => {
    if (!to) return
    move.mutate(
      { id: rec.id, to, ...(comment.trim() ? { comment } : {}) },
      {
        onSuccess: () => {
          notifySaved(`Offboarding recommendation for ${rec.partnerName} ${done[to]}`)
          setTo(null)
          setComment('')
          setError(null)
        },
        onError: (e) => {
          const issue = e instanceof AppError ? e.issues?.find((i) => i.path?.[0] === 'comment') : undefined
          if (issue) setError(issue.message)
          else showServerError(e)
        },
      },
    )
  }
  return (
    <>
      <Group gap={6}>
        {rec.canMoveTo.map((s) => (
          <Button
            key={s}
            size="compact-sm"
            variant={s === 'accepted' ? 'filled' : 'default'}
            color={s === 'accepted' ? 'red' : undefined}
            onClick={() => setTo(s)}
          >
            {verb[s]}
          </Button>
        ))}
      </Group>
      <Modal
        opened={to !== null}
        onClose={() => setTo(null)}
        title={to ? `${verb[to]} · ${rec.partnerName}` : ''}
      >
        <Stack>
          <Textarea
            label="Comment"
            description={
              to && commentRequired(to)
                ? 'Required: the reason stays on record'
                : 'Optional: kept with the step'
            }
            autosize
            minRows={3}
            value={comment}
            onChange={(e) => {
              setComment(e.currentTarget.value)
              setError(null)
            }}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setTo(null)}>
              Cancel
            </Button>
            <Button onClick={submit} loading={move.isPending}>
              {to ? verb[to] : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
