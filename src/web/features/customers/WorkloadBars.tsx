import { Group, Paper, Progress, Stack, Text, Title, Tooltip } from '@mantine/core'
import type { Engagement } from '#shared/contracts/customers'
import { workloadName } from '#shared/domain/workloads'
import { PctDelta, pctColor } from '../../components/ActivePct'
import { formatInt, formatPct } from '../../lib/format'

/** Active % per workload at the latest snapshot, with the 15% and 40% milestones. */
export function WorkloadBars({ engagements }: { engagements: Engagement[] }) {
  const seen = new Set<string>()
  const rows = engagements.filter((e) => {
    if (e.archived || seen.has(e.workloadCode)) return false
    seen.add(e.workloadCode)
    return true
  })
  rows.sort((a, b) => (b.activePct ?? -1) - (a.activePct ?? -1))
  return (
    <Paper withBorder p="lg" h="100%">
      <Title order={2} fz="lg" mb={2}>
        Active % by workload
      </Title>
      <Text fz="xs" c="dimmed" mb="md">
        Milestones: 15% onboarding, 40% adoption
      </Text>
      {rows.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No workloads yet
        </Text>
      ) : (
        <Stack gap="sm">
          {rows.map((e) => (
            <Stack key={e.workloadCode} gap={4}>
              <Group justify="space-between" wrap="nowrap">
                <Text fz="sm" fw={500} truncate>
                  {workloadName(e.workloadCode)}
                </Text>
                <Group gap={8} wrap="nowrap">
                  <PctDelta delta={e.activePctDelta} />
                  <Text fz="sm" fw={600} className="numeric" w={52}>
                    {formatPct(e.activePct)}
                  </Text>
                </Group>
              </Group>
              <Tooltip
                label={
                  e.licensedUsers === null
                    ? 'No usage yet'
                    : `${formatInt(e.activeUsers)} active of ${formatInt(e.licensedUsers)} licensed`
                }
              >
                <div style={{ position: 'relative' }}>
                  <Progress value={Math.min(100, e.activePct ?? 0)} color={pctColor(e.activePct)} size={8} />
                  {[15, 40].map((m) => (
                    <div
                      key={m}
                      aria-hidden
                      style={{
                        position: 'absolute',
                        left: `${m}%`,
                        top: -2,
                        bottom: -2,
                        width: 2,
                        background: 'var(--mantine-color-gray-5)',
                        borderRadius: 1,
                      }}
                    />
                  ))}
                </div>
              </Tooltip>
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  )
}
