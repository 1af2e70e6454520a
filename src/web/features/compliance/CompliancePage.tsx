import {
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { Fragment, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import type {
  ComplianceOverview,
  CompliancePartner,
  ComplianceRollup,
  ComplianceTally,
} from '#shared/contracts/compliance'
import { type ComplianceCheck, complianceCheckLabel, complianceChecks } from '#shared/domain/compliance'
import { complianceCheckDefinition, dataComplianceDefinition } from '#shared/domain/metrics'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { RegionFpmFilters } from '../../components/RegionFpmFilters'
import { formatDateTime, formatInt } from '../../lib/format'
import { InfoTip } from '../health/HealthBand'
import { useCompliance, useComplianceFailures } from './api'
import { ComplianceValue } from './ComplianceValue'
import { FailuresTable } from './FailuresTable'

/** What the failure list shows: a check (or all), of an FPM's partners or one partner, within the filters. */
type Drill = { check?: string; fpm?: string; partner?: string }

/** "Data compliance": tiles per check, the FPM table with partner rows, the failing records to fix. */
export function CompliancePage() {
  const [search, setSearch] = useSearchParams()
  const regionId = search.get('regionId') ?? ''
  const fpmUserId = search.get('fpmUserId') ?? ''
  const drill: Drill = {
    check: search.get('check') ?? undefined,
    fpm: search.get('drillFpm') ?? undefined,
    partner: search.get('drillPartner') ?? undefined,
  }
  const set = (patch: Record<string, string | null | undefined>) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev)
        for (const [k, v] of Object.entries(patch)) v ? next.set(k, v) : next.delete(k)
        return next
      },
      { replace: true },
    )
  const overview = useCompliance({ regionId: regionId || undefined, fpmUserId: fpmUserId || undefined })
  const c = overview.data
  const showDrill = (d: Drill) => set({ check: d.check, drillFpm: d.fpm, drillPartner: d.partner })
  return (
    <>
      <PageHeader
        title="Data compliance"
        description="Required PRM updates, checked now: what passes, and every record to fix one click away"
      />
      <Paper withBorder p="sm" mb="lg">
        <Group gap="sm">
          <RegionFpmFilters
            regionId={regionId}
            fpmUserId={fpmUserId}
            onChange={(p) => set({ ...p, check: null, drillFpm: null, drillPartner: null })}
          />
          {c && (
            <Text fz="xs" c="dimmed" ml="auto">
              As of {formatDateTime(c.asOf)} · target {Math.round(c.settings.target * 100)} %
            </Text>
          )}
        </Group>
      </Paper>
      {overview.isError && <QueryError error={overview.error} onRetry={() => overview.refetch()} />}
      {!c && !overview.isError && <Skeleton h={300} />}
      {c && (
        <Stack gap="lg">
          <Tiles c={c} onPick={(check) => showDrill({ check })} />
          <FpmTable c={c} onDrill={showDrill} />
          <Failures drill={drill} c={c} filters={{ regionId, fpmUserId }} onClear={() => showDrill({})} />
        </Stack>
      )}
    </>
  )
}

function Tiles({ c, onPick }: { c: ComplianceOverview; onPick: (check: ComplianceCheck) => void }) {
  const target = c.settings.target
  return (
    <SimpleGrid cols={{ base: 2, md: 3, xl: 6 }}>
      <Paper withBorder p="md">
        <Group gap={4}>
          <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
            Overall
          </Text>
          <InfoTip label="Data compliance" text={dataComplianceDefinition} />
        </Group>
        <ComplianceValue t={c.totals.overall} target={target} size="26px" justify="flex-start" />
      </Paper>
      {complianceChecks.map((check) => {
        const t = c.totals.byCheck[check]
        const on = c.settings[check].enabled
        const failing = t.applicable - t.passed
        return (
          <Paper withBorder p="md" key={check} data-testid={`compliance-tile-${check}`}>
            <Group gap={4} wrap="nowrap">
              <Text fz="xs" c="dimmed" tt="uppercase" fw={600} lh={1.2}>
                {complianceCheckLabel[check]}
              </Text>
              <InfoTip label={complianceCheckLabel[check]} text={complianceCheckDefinition[check]} />
            </Group>
            {on ? (
              <Stack gap={2} mt={4}>
                <ComplianceValue t={t} target={target} size="26px" justify="flex-start" />
                {failing > 0 ? (
                  <Anchor component="button" fz="xs" c="red.7" ta="left" onClick={() => onPick(check)}>
                    {formatInt(failing)} to fix
                  </Anchor>
                ) : (
                  <Text fz="xs" c="dimmed">
                    Nothing to fix
                  </Text>
                )}
              </Stack>
            ) : (
              <Text fz="sm" c="dimmed" mt={6}>
                Switched off
              </Text>
            )}
          </Paper>
        )
      })}
    </SimpleGrid>
  )
}

/** A tally that opens its failing records when something fails. */
function Cell({
  t,
  target,
  onOpen,
  label,
}: {
  t: ComplianceTally
  target: number
  onOpen?: () => void
  label: string
}) {
  const value = <ComplianceValue t={t} target={target} />
  return (
    <Table.Td ta="right">
      {onOpen && t.passed < t.applicable ? (
        <UnstyledButton onClick={onOpen} aria-label={label} style={{ textDecoration: 'underline dotted' }}>
          {value}
        </UnstyledButton>
      ) : (
        value
      )}
    </Table.Td>
  )
}

function FpmTable({ c, onDrill }: { c: ComplianceOverview; onDrill: (d: Drill) => void }) {
  const [open, setOpen] = useState<number | null | undefined>(undefined)
  const target = c.settings.target
  const cells = (
    r: ComplianceRollup | CompliancePartner,
    d: (check?: ComplianceCheck) => Drill | null,
    name: string,
  ) => (
    <>
      <Cell
        t={r.overall}
        target={target}
        label={`Failing records of ${name}`}
        onOpen={d() ? () => onDrill(d()!) : undefined}
      />
      {complianceChecks.map((check) => (
        <Cell
          key={check}
          t={r.byCheck[check]}
          target={target}
          label={`${complianceCheckLabel[check]} failing for ${name}`}
          onOpen={d(check) ? () => onDrill(d(check)!) : undefined}
        />
      ))}
    </>
  )
  const head = (
    <>
      <Table.Th ta="right">Overall</Table.Th>
      {complianceChecks.map((check) => (
        <Table.Th key={check} ta="right" maw={110} style={{ whiteSpace: 'normal' }}>
          {complianceCheckLabel[check]}
        </Table.Th>
      ))}
    </>
  )
  return (
    <Paper withBorder p="lg" component="section" aria-label="Compliance by partner manager">
      <Title order={2} fz="lg" mb="md">
        By partner manager
      </Title>
      <Table.ScrollContainer minWidth={820}>
        <Table highlightOnHover aria-label="Data compliance by partner manager" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Partner manager</Table.Th>
              <Table.Th ta="right">Partners</Table.Th>
              {head}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.byFpm.map((r) => (
              <Fragment key={r.id ?? 'none'}>
                <Table.Tr data-testid="compliance-fpm-row">
                  <Table.Td fw={500}>{r.name}</Table.Td>
                  <Table.Td ta="right">{formatInt(r.partners)}</Table.Td>
                  {cells(r, (check) => (r.id ? { check, fpm: String(r.id) } : null), r.name)}
                  <Table.Td ta="right">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-expanded={open === r.id}
                      aria-label={`Partners of ${r.name}`}
                      onClick={() => setOpen(open === r.id ? undefined : r.id)}
                    >
                      {open === r.id ? 'Hide' : 'Partners'}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {open === r.id &&
                  c.partners
                    .filter((p) => p.fpmUserId === r.id)
                    .map((p) => (
                      <Table.Tr
                        key={p.partnerId}
                        bg="var(--mantine-color-gray-0)"
                        data-testid="compliance-partner-row"
                      >
                        <Table.Td pl="xl">
                          <Anchor component={Link} to={`/partners/${p.partnerId}`} fz="sm">
                            {p.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td />
                        {cells(p, (check) => ({ check, partner: String(p.partnerId) }), p.name)}
                        <Table.Td />
                      </Table.Tr>
                    ))}
              </Fragment>
            ))}
            {c.byFpm.length > 1 && (
              <Table.Tr fw={600}>
                <Table.Td>{c.byRegion.length === 1 ? c.byRegion[0]!.name : 'All'}</Table.Td>
                <Table.Td ta="right">{formatInt(c.totals.partners)}</Table.Td>
                {cells(c.totals, (check) => ({ check }), 'all partners')}
                <Table.Td />
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  )
}

function Failures({
  drill,
  c,
  filters,
  onClear,
}: {
  drill: Drill
  c: ComplianceOverview
  filters: { regionId: string; fpmUserId: string }
  onClear: () => void
}) {
  const failures = useComplianceFailures(
    {
      regionId: filters.regionId || undefined,
      fpmUserId: drill.fpm || filters.fpmUserId || undefined,
      partnerId: drill.partner,
      check: drill.check,
    },
    true,
  )
  const f = failures.data
  const who = drill.partner
    ? c.partners.find((p) => String(p.partnerId) === drill.partner)?.name
    : drill.fpm
      ? c.byFpm.find((r) => String(r.id) === drill.fpm)?.name
      : undefined
  const what = drill.check ? complianceCheckLabel[drill.check as ComplianceCheck] : 'Every check'
  return (
    <Paper withBorder p="lg" component="section" aria-label="To fix" data-testid="compliance-failures">
      <Group mb="md" gap="xs">
        <Title order={2} fz="lg">
          To fix
        </Title>
        <Text c="dimmed" fz="sm">
          {what}
          {who ? ` · ${who}` : ''}
          {f ? ` · ${formatInt(f.total)} ${f.total === 1 ? 'record' : 'records'}` : ''}
        </Text>
        {(drill.check || drill.fpm || drill.partner) && (
          <Button size="compact-xs" variant="subtle" ml="auto" onClick={onClear}>
            Show all
          </Button>
        )}
      </Group>
      {failures.isError && <QueryError error={failures.error} onRetry={() => failures.refetch()} />}
      {!f && !failures.isError && <Skeleton h={120} />}
      {f && f.items.length === 0 && (
        <Text c="dimmed" fz="sm">
          Nothing to fix here.
        </Text>
      )}
      {f && f.items.length > 0 && (
        <>
          <FailuresTable items={f.items} label="Failing records" />
          {f.total > f.items.length && (
            <Text fz="xs" c="dimmed" mt="xs">
              The first {formatInt(f.items.length)} of {formatInt(f.total)}, oldest first — narrow by partner
              manager or check to see the rest.
            </Text>
          )}
        </>
      )}
    </Paper>
  )
}
