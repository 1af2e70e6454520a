import { Anchor, Table, Text } from '@mantine/core'
import { IconStack2 } from '@tabler/icons-react'
import { Link } from 'react-router'
import type { HealthRow } from '#shared/contracts/analytics'
import type { IntentStatus, Phase } from '#shared/domain/portfolio'
import { workloadName } from '#shared/domain/workloads'
import { ActivePct } from '../../components/ActivePct'
import { IntentBadge, PhaseBadge } from '../../components/badges'
import { EmptyRows } from '../../components/EmptyRows'
import { formatDate, formatInt } from '../../lib/format'
import type { HealthSubject } from './api'

const pct = (active: number | null, licensed: number | null) =>
  active !== null && licensed ? Math.round((active * 1000) / licensed) / 10 : null

function Snapshot({
  licensed,
  active,
  asOf,
}: {
  licensed: number | null
  active: number | null
  asOf: string | null
}) {
  if (asOf === null)
    return (
      <Text fz="sm" c="dimmed">
        —
      </Text>
    )
  return (
    <>
      <Text fz="sm" className="numeric" style={{ whiteSpace: 'nowrap' }}>
        {formatInt(licensed)}
        <Text span c="dimmed">
          {' / '}
        </Text>
        {formatInt(active)}
      </Text>
      <Text fz="xs" c="dimmed">
        {formatDate(asOf)}
      </Text>
    </>
  )
}

/** The engagements behind a score with the snapshots it used; the subject's own column is left out. */
export function HealthRowsTable({ rows, subject }: { rows: HealthRow[]; subject: HealthSubject }) {
  const columns = 7
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label="Rows behind this score">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{subject === 'partner' ? 'Customer' : 'Partner'}</Table.Th>
            <Table.Th>Workload</Table.Th>
            <Table.Th>Intent status</Table.Th>
            <Table.Th>Phase</Table.Th>
            <Table.Th className="numeric">Licensed / active now</Table.Th>
            <Table.Th className="numeric">Before</Table.Th>
            <Table.Th>Active %</Table.Th>
          </Table.Tr>
        </Table.Thead>
        {rows.length === 0 ? (
          <EmptyRows
            columns={columns}
            icon={<IconStack2 size={22} />}
            title="No engagements behind this score"
            description="Engagements you may see appear here."
          />
        ) : (
          <Table.Tbody>
            {rows.map((r) => {
              const now = pct(r.active, r.licensed)
              const before = pct(r.previousActive, r.previousLicensed)
              return (
                <Table.Tr key={r.engagementId}>
                  <Table.Td className="wrap" maw={240}>
                    {subject === 'partner' ? (
                      <Anchor component={Link} to={`/customers/${r.customerId}`} fz="sm">
                        {r.customerName}
                      </Anchor>
                    ) : (
                      <Anchor component={Link} to={`/partners/${r.partnerId}`} fz="sm">
                        {r.partnerName}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm" fw={600}>
                      {workloadName(r.workloadCode)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <IntentBadge status={r.intentStatus as IntentStatus} />
                  </Table.Td>
                  <Table.Td>
                    <PhaseBadge phase={r.phase as Phase} />
                  </Table.Td>
                  <Table.Td className="numeric">
                    <Snapshot licensed={r.licensed} active={r.active} asOf={r.latestAsOf} />
                  </Table.Td>
                  <Table.Td className="numeric">
                    <Snapshot licensed={r.previousLicensed} active={r.previousActive} asOf={r.previousAsOf} />
                  </Table.Td>
                  <Table.Td>
                    <ActivePct
                      pct={now}
                      delta={now !== null && before !== null ? Math.round((now - before) * 10) / 10 : null}
                      width={124}
                    />
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  )
}
