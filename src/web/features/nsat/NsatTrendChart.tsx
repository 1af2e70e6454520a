import { LineChart } from '@mantine/charts'
import { Center, Text } from '@mantine/core'
import type { NsatTrendPoint } from '#shared/contracts/nsat'
import { formatMonth } from '../../lib/format'

const label = (key: string) => (key.includes('Q') ? key.replace('-', ' ') : formatMonth(`${key}-01`))

/** Partner and customer NSAT per period, with the target line; a low-n point is marked in the axis label. */
export function NsatTrendChart({ trend, target }: { trend: NsatTrendPoint[]; target: number }) {
  if (trend.every((p) => p.partner.valid === 0 && p.customer.valid === 0))
    return (
      <Center h={160}>
        <Text c="dimmed" fz="sm">
          No responses in these periods yet
        </Text>
      </Center>
    )
  const data = trend.map((p) => ({
    period: `${label(p.key)}${p.partner.lowN || p.customer.lowN ? ' *' : ''}`,
    partner: p.partner.nsat,
    customer: p.customer.nsat,
  }))
  return (
    <>
      <LineChart
        h={200}
        data={data}
        dataKey="period"
        series={[
          { name: 'partner', label: 'Partner NSAT', color: 'indigo.6' },
          { name: 'customer', label: 'Customer NSAT', color: 'teal.6' },
        ]}
        yAxisProps={{ domain: [0, 200] }}
        referenceLines={[{ y: target, label: `Target ${target}`, color: 'red.5' }]}
        connectNulls
        withLegend
        aria-label="NSAT trend"
      />
      <Text fz="xs" c="dimmed" mt={4}>
        * low n in that period (partner or customer)
      </Text>
    </>
  )
}
