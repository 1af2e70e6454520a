import { Badge } from '@mantine/core'
import {
  type InsightStatus,
  insightStatusLabel,
  type SpotlightStatus,
  spotlightStatusLabel,
} from '#shared/domain/insights'
import { type ReferralStatus, referralStatusLabel } from '#shared/domain/referrals'

const insightColor: Record<InsightStatus, string> = {
  new: 'gray',
  submitted: 'blue',
  acknowledged: 'indigo',
  addressed: 'teal',
  declined: 'red',
}
const spotlightColor: Record<SpotlightStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  approved_internal: 'teal',
  approved_public: 'green',
  rejected: 'red',
}
const referralColor: Record<ReferralStatus, string> = {
  pending: 'yellow',
  accepted: 'teal',
  declined: 'red',
  reassigned: 'gray',
}

export const InsightStatusBadge = ({ status }: { status: InsightStatus }) => (
  <Badge variant="light" color={insightColor[status]}>
    {insightStatusLabel[status]}
  </Badge>
)
export const SpotlightStatusBadge = ({ status }: { status: SpotlightStatus }) => (
  <Badge variant="light" color={spotlightColor[status]}>
    {spotlightStatusLabel[status]}
  </Badge>
)
export const ReferralStatusBadge = ({
  status,
  unanswered,
}: {
  status: ReferralStatus
  unanswered: boolean
}) => (
  <Badge variant="light" color={unanswered ? 'red' : referralColor[status]}>
    {unanswered && status === 'pending' ? 'Unanswered' : referralStatusLabel[status]}
  </Badge>
)
