import { DonutChart } from '@mantine/charts'
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import { type HealthBand, healthBandLabel, healthBands } from '#shared/contracts/analytics'
import { formatInt } from '../../lib/format'
import { bandColor } from './colors'

type Bands = Record<HealthBand, number>

/** Customers (and partners) per health band; each band links to its rows. */
export function HealthDistribution({
  customers,
  partners,
  drillCustomers,
  drillPartners,
}: {
  customers: Bands
  partners?: Bands
  drillCustomers: (band: HealthBand) => string
  drillPartners?: (band: HealthBand) => string
}) {
  const total = healthBands.reduce((s, b) => s + customers[b], 0)
  return (
    <Paper withBorder p="lg" h="100%">
      <Stack gap={2} mb="md">
        <Title order={2} fz="lg">
          Customer health
        </Title>
        <Text fz="xs" c="dimmed">
          Customers by the band of their health score this period
        </Text>
      </Stack>
      <Group align="center" gap="xl" wrap="nowrap">
        <DonutChart
          size={150}
          thickness={22}
          withTooltip={false}
          chartLabel={formatInt(total)}
          data={healthBands.map((b) => ({
            name: healthBandLabel[b],
            value: customers[b],
            color: bandColor[b],
          }))}
          aria-label="Customers by health band"
        />
        <Stack gap={6}>
          {healthBands.map((b) => (
            <Anchor key={b} component={Link} to={drillCustomers(b)} c="inherit" fz="sm">
              <Group gap={8} wrap="nowrap">
                <span
                  style={{
                    width: 10,
                    height: 10,
                    borderRadius: 10,
                    background: `var(--mantine-color-${bandColor[b]}-6)`,
                  }}
                />
                <Text fz="sm" w={60}>
                  {healthBandLabel[b]}
                </Text>
                <Text fz="sm" fw={700}>
                  {formatInt(customers[b])}
                </Text>
              </Group>
            </Anchor>
          ))}
        </Stack>
      </Group>
      {partners && drillPartners && (
        <Group gap="xs" mt="md">
          <Text fz="xs" c="dimmed">
            Partners:
          </Text>
          {healthBands.map((b) => (
            <Anchor key={b} component={Link} to={drillPartners(b)} fz="xs">
              {formatInt(partners[b])} {healthBandLabel[b].toLowerCase()}
            </Anchor>
          ))}
        </Group>
      )}
    </Paper>
  )
}
