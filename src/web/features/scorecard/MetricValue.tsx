import { Text, Tooltip } from '@mantine/core'
import type { ScorecardMetricInfo, MetricValue as Value } from '#shared/contracts/scorecard'
import { healthColor } from '../../components/badges'

/** A metric's value as people read it: "72 %" or an NSAT "146". */
export const formatMetric = (info: Pick<ScorecardMetricInfo, 'unit'>, value: number | null) =>
  value === null ? '—' : info.unit === 'nsat' ? String(Math.round(value)) : `${Math.round(value * 100)} %`

export const statusColor = (v: Value) =>
  v.status === 'on_target'
    ? `${healthColor.healthy}.7`
    : v.status === 'below_target'
      ? `${healthColor.at_risk}.7`
      : 'dimmed'

export const targetText = (info: ScorecardMetricInfo) =>
  info.target === null ? 'no target' : `target ${formatMetric(info, info.target)}`

/** The value in the status colour, with its numerator and denominator on hover. */
export function MetricCell({ info, v, size = 'sm' }: { info: ScorecardMetricInfo; v: Value; size?: string }) {
  if (v.status === 'not_tracked')
    return (
      <Text fz="xs" c="dimmed" span>
        not tracked
      </Text>
    )
  const counts =
    info.unit === 'nsat' ? `${v.denominator} valid responses` : `${v.numerator} of ${v.denominator}`
  return (
    <Tooltip
      label={v.status === 'no_data' ? 'Nothing to count in this period' : `${counts} · ${targetText(info)}`}
    >
      <Text fz={size} fw={600} c={statusColor(v)} span>
        {formatMetric(info, v.value)}
        {v.lowN && (
          <Text span fz="xs" c="dimmed">
            {' '}
            (low n)
          </Text>
        )}
      </Text>
    </Tooltip>
  )
}
