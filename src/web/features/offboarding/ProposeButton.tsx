import { Button, Group, Modal, Stack, Textarea } from '@mantine/core'
import { useState } from 'react'
import type { OffboardingFlag } from '#shared/contracts/offboarding'
import { AppError } from '#shared/errors'
import { notifySaved, showServerError } from '../../lib/forms'
import { usePropose } from './api'
import { FlagList } from './Flags'

/** "Recommend offboarding": the FPM's reason, with the flags of today kept alongside. */
export function ProposeButton({
  partnerId,
  partnerName,
  flags,
}: {
  partnerId: number
  partnerName: string
  flags: OffboardingFlag[]
}) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const propose = usePropose(partnerId)
  const submit = () =>
    propose.mutate(
      { reason },
      {
        onSuccess: () => {
          notifySaved(`Offboarding of ${partnerName} proposed for review`)
          setOpen(false)
          setReason('')
        },
        onError: (e) => {
          const issue = e instanceof AppError ? e.issues?.find((i) => i.path?.[0] === 'reason') : undefined
          if (issue) setError(issue.message)
          else showServerError(e)
        },
      },
    )
  return (
    <>
      <Button size="compact-sm" variant="light" color="red" onClick={() => setOpen(true)}>
        Recommend offboarding
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={`Recommend offboarding ${partnerName}`}
        size="lg"
      >
        <Stack>
          <FlagList flags={flags} />
          <Textarea
            label="Why"
            description="Your reason goes to your lead for review, with the evidence above. Nothing is deleted."
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value)
              setError(null)
            }}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button color="red" onClick={submit} loading={propose.isPending}>
              Propose
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
