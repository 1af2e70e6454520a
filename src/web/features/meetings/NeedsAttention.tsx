import { Alert, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import type { MyWeek } from '#shared/contracts/meetings'
import { needsAttentionDefinition } from '#shared/domain/metrics'
import { EscalationLine } from '../escalations/EscalationLine'

function Tile({ label, count, color }: { label: string; count: number; color: string }) {
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      style={count ? { borderColor: `var(--mantine-color-${color}-5)` } : undefined}
      aria-label={`${label}: ${count}`}
    >
      <Text fz={28} fw={700} lh={1.1} c={count ? `${color}.7` : 'dimmed'}>
        {count}
      </Text>
      <Text fz="sm" c={count ? undefined : 'dimmed'}>
        {label}
      </Text>
    </Paper>
  )
}

/** The top of My week: counts of what is overdue or breaching, and the escalations behind them. */
export function NeedsAttention({ week }: { week: MyWeek }) {
  const breached = week.escalations.filter((e) => e.sla.state === 'breached')
  const atRisk = week.escalations.filter((e) => e.sla.state === 'at_risk')
  const urgent = week.overdue.length + breached.length + atRisk.length
  return (
    <Paper withBorder p="lg" mb="lg" component="section" aria-label="Needs attention">
      <Group gap={6} mb="sm">
        <Title order={2} fz="lg">
          Needs attention
        </Title>
        <Tooltip label={needsAttentionDefinition} multiline maw={380} withArrow>
          <IconInfoCircle
            size={16}
            aria-label="About Needs attention"
            style={{ color: 'var(--mantine-color-dimmed)' }}
          />
        </Tooltip>
      </Group>
      {urgent === 0 && (
        <Alert color="teal" variant="light" mb="sm" p="xs">
          Nothing overdue and no SLA at risk.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Tile label="Overdue actions" count={week.overdue.length} color="red" />
        <Tile label="SLA breached" count={breached.length} color="red" />
        <Tile label="SLA breach soon" count={atRisk.length} color="orange" />
        <Tile label="Due this week" count={week.due.length} color="blue" />
      </SimpleGrid>
      {breached.length + atRisk.length > 0 && (
        <Stack gap="xs" mt="md">
          {[...breached, ...atRisk].map((e) => (
            <EscalationLine key={e.id} escalation={e} detail={e.partnerName} />
          ))}
        </Stack>
      )}
    </Paper>
  )
}
