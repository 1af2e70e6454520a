import { Badge, type BadgeProps, Tooltip } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import { type HealthBand, healthBandLabel } from '#shared/contracts/analytics'
import {
  type IntentStatus,
  intentStatusLabel,
  type PartnerStatus,
  type Phase,
  partnerStatusLabel,
  phaseLabel,
  phases,
} from '#shared/domain/portfolio'
import { useEligibleMinSeats } from '../features/settings/api'

export const partnerStatusColor: Record<PartnerStatus, string> = {
  invited: 'gray',
  onboarding: 'blue',
  active: 'green',
  referrals_paused: 'yellow',
  at_risk: 'orange',
  offboarding_recommended: 'red',
  departed: 'dark',
}

export function PartnerStatusBadge({ status, ...props }: { status: PartnerStatus } & BadgeProps) {
  return (
    <Badge variant="light" color={partnerStatusColor[status]} {...props}>
      {partnerStatusLabel[status]}
    </Badge>
  )
}

const intentColor: Record<IntentStatus, string> = {
  unknown: 'gray',
  in_progress: 'blue',
  blocked: 'red',
  no_intent: 'orange',
  duplicate: 'gray',
}

export function IntentBadge({ status, ...props }: { status: IntentStatus } & BadgeProps) {
  return (
    <Badge variant={status === 'duplicate' ? 'outline' : 'light'} color={intentColor[status]} {...props}>
      {intentStatusLabel[status]}
    </Badge>
  )
}

export function PhaseBadge({ phase, ...props }: { phase: Phase } & BadgeProps) {
  const step = phases.indexOf(phase) + 1
  return (
    <Tooltip label={`Lifecycle phase ${step} of ${phases.length}`}>
      <Badge variant="dot" color={step >= 6 ? 'teal' : 'violet'} {...props}>
        {phaseLabel[phase]}
      </Badge>
    </Tooltip>
  )
}

export function EligibleBadge({ eligible, ...props }: { eligible: boolean } & BadgeProps) {
  const minSeats = useEligibleMinSeats()
  return eligible ? (
    <Badge variant="light" color="teal" leftSection={<IconCircleCheck size={12} />} {...props}>
      Eligible
    </Badge>
  ) : (
    <Badge variant="light" color="gray" {...props}>
      Below {minSeats} seats
    </Badge>
  )
}

export function ArchivedBadge(props: BadgeProps) {
  return (
    <Badge variant="outline" color="gray" {...props}>
      Archived
    </Badge>
  )
}

export const healthColor: Record<HealthBand, string> = { healthy: 'teal', watch: 'yellow', at_risk: 'red' }

/** A health score with its band's colour: "72 Healthy"; a dash before the first score. */
export function HealthBadge({
  score,
  band,
  ...props
}: { score: number | null; band: HealthBand | null } & BadgeProps) {
  if (score === null || band === null)
    return (
      <Badge variant="outline" color="gray" {...props}>
        No score
      </Badge>
    )
  return (
    <Tooltip label={`Health ${score.toFixed(1)} of 100: ${healthBandLabel[band].toLowerCase()}`}>
      <Badge variant="light" color={healthColor[band]} {...props}>
        {Math.round(score)} · {healthBandLabel[band]}
      </Badge>
    </Tooltip>
  )
}
