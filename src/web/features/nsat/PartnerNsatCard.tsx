import { Button, Group, Paper, SegmentedControl, SimpleGrid, Skeleton, Text, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import type { NsatScore } from '#shared/contracts/nsat'
import { nsatCurrentDefinition, nsatDefinition } from '#shared/domain/metrics'
import { QueryError } from '../../components/QueryError'
import { InfoTip } from '../health/HealthBand'
import { usePartnerNsat } from './api'
import { NsatTrendChart } from './NsatTrendChart'
import { NsatValue } from './NsatValue'
import { RecordNsatModal } from './RecordNsatModal'

function Tile({ label, s }: { label: string; s: NsatScore }) {
  return (
    <Paper withBorder p="md">
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <NsatValue s={s} size="26px" />
    </Paper>
  )
}

/** The partner page's NSAT: partner and customer NSAT of the last 12 months, the trend, and "Record a response". */
export function PartnerNsatCard({ partnerId, canRecord }: { partnerId: number; canRecord: boolean }) {
  const [grain, setGrain] = useState<'quarter' | 'month'>('quarter')
  const nsat = usePartnerNsat(partnerId, grain)
  const [opened, { open, close }] = useDisclosure()
  const n = nsat.data
  return (
    <Paper withBorder p="lg" component="section" aria-label="NSAT" data-testid="partner-nsat">
      <Group gap={6} mb="sm">
        <Title order={2} fz="lg">
          NSAT
        </Title>
        <InfoTip label="NSAT" text={nsatDefinition} />
        <Text fz="xs" c="dimmed">
          last 12 months{n ? ` · target ${n.settings.target} · low n below ${n.settings.minResponses}` : ''}
        </Text>
        <InfoTip label="NSAT of the last 12 months" text={nsatCurrentDefinition} />
        <Group gap="xs" ml="auto">
          <SegmentedControl
            size="xs"
            aria-label="Trend by"
            value={grain}
            onChange={(v) => setGrain(v as 'quarter' | 'month')}
            data={[
              { value: 'quarter', label: 'Quarters' },
              { value: 'month', label: 'Months' },
            ]}
          />
          {canRecord && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={open}>
              Record a response
            </Button>
          )}
        </Group>
      </Group>
      {nsat.isError && <QueryError error={nsat.error} onRetry={() => nsat.refetch()} />}
      {!n && !nsat.isError && <Skeleton h={160} />}
      {n && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md">
            <Tile label="Partner NSAT (partner survey)" s={n.current.partner} />
            <Tile label="Customer NSAT (customer surveys)" s={n.current.customer} />
          </SimpleGrid>
          <NsatTrendChart trend={n.trend} target={n.settings.target} />
        </>
      )}
      {canRecord && <RecordNsatModal partnerId={partnerId} opened={opened} onClose={close} />}
    </Paper>
  )
}
