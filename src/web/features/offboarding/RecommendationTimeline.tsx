import { Text, Timeline } from '@mantine/core'
import type { OffboardingRecommendation } from '#shared/contracts/offboarding'
import { recommendationStatusLabel } from '#shared/domain/offboarding'
import { formatDateTime } from '../../lib/format'

/** Every step of a recommendation: who, when, and the comment. */
export function RecommendationTimeline({ rec }: { rec: OffboardingRecommendation }) {
  return (
    <Timeline bulletSize={12} lineWidth={2} active={rec.events.length - 1}>
      {rec.events.map((e) => (
        <Timeline.Item key={`${e.at}-${e.toStatus}`} title={recommendationStatusLabel[e.toStatus]}>
          <Text fz="xs" c="dimmed">
            {e.userName} · {formatDateTime(e.at)}
          </Text>
          {e.comment && <Text fz="sm">{e.comment}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  )
}
