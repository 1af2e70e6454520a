import { ActionIcon, Badge, type BadgeProps, Tooltip } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { type HealthBand, healthBandLabel } from '#shared/contracts/analytics'

export const healthBandColor: Record<HealthBand, string> = {
  healthy: 'green',
  watch: 'yellow',
  at_risk: 'red',
}

export function HealthBandBadge({ band, ...props }: { band: HealthBand } & BadgeProps) {
  return (
    <Badge variant="light" color={healthBandColor[band]} {...props}>
      {healthBandLabel[band]}
    </Badge>
  )
}

/** An info icon that shows a metric's definition (docs/metrics.md) on hover, focus or tap. */
export function InfoTip({ label, text }: { label: string; text: string }) {
  return (
    <Tooltip label={text} multiline w={340} events={{ hover: true, focus: true, touch: true }}>
      <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`About ${label}`}>
        <IconInfoCircle size={16} aria-hidden />
      </ActionIcon>
    </Tooltip>
  )
}
