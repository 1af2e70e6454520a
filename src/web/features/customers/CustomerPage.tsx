import {
  Anchor,
  Button,
  Grid,
  Group,
  Menu,
  Paper,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconArchive, IconDots, IconPencil, IconPlus, IconRestore } from '@tabler/icons-react'
import { type ReactNode, useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import type { CustomerDetail, Engagement } from '#shared/contracts/customers'
import { PctDelta, pctColor } from '../../components/ActivePct'
import { ArchivedBadge, EligibleBadge } from '../../components/badges'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { formatDate, formatInt, formatPct, formatRelative } from '../../lib/format'
import { notifySaved, showServerError } from '../../lib/forms'
import { usePermissions } from '../auth/session'
import { HealthCard } from '../health/HealthCard'
import { TopOpportunitiesCard } from '../opportunities/TopOpportunitiesCard'
import { EngagementLogCard } from '../touchpoints/EngagementLogCard'
import { useArchiveCustomer, useCustomer, useUpdateEngagement } from './api'
import { CustomerFormModal } from './CustomerFormModal'
import { EngagementFormModal } from './EngagementFormModal'
import { EngagementsTable } from './EngagementsTable'
import { seriesByWorkload, UsageChart, usagePoints } from './UsageChart'
import { WorkloadBars } from './WorkloadBars'

function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Text fz={24} fw={700} className="numeric" ta="left" mt={4} lh={1.2}>
        {value}
      </Text>
      {hint && (
        <Text fz="xs" c="dimmed" mt={4} component="div">
          {hint}
        </Text>
      )}
    </Paper>
  )
}

function Stats({ customer }: { customer: CustomerDetail }) {
  const totals = useMemo(
    () => usagePoints(seriesByWorkload(customer.engagements), 'all'),
    [customer.engagements],
  )
  const last = totals.at(-1)
  const prev = totals.at(-2)
  const delta = last?.pct != null && prev?.pct != null ? Math.round((last.pct - prev.pct) * 10) / 10 : null
  return (
    <SimpleGrid cols={{ base: 2, md: 5 }}>
      <Stat
        label="Seats"
        value={formatInt(customer.seats)}
        hint={<EligibleBadge eligible={customer.eligible} size="sm" />}
      />
      <Stat
        label="Licensed users"
        value={formatInt(customer.licensedUsers)}
        hint={last ? `at ${formatDate(last.asOf)}` : 'No usage yet'}
      />
      <Stat label="Active users" value={formatInt(customer.activeUsers)} hint="in the last 28 days" />
      <Stat
        label="Active %"
        value={formatPct(customer.activePct)}
        hint={
          <Group gap="xs" wrap="nowrap">
            <Progress
              value={Math.min(100, customer.activePct ?? 0)}
              color={pctColor(customer.activePct)}
              size={6}
              w={90}
              aria-hidden
            />
            <PctDelta delta={delta} />
          </Group>
        }
      />
      <Stat
        label="Workloads"
        value={customer.workloads}
        hint={`${customer.engagements.filter((e) => !e.archived && e.claimed).length} claimed`}
      />
    </SimpleGrid>
  )
}

function CustomerSkeleton() {
  return (
    <Stack>
      <Skeleton h={16} w={160} />
      <Skeleton h={32} w={360} mb="md" />
      <SimpleGrid cols={5}>
        {[1, 2, 3, 4, 5].map((i) => (
          <Skeleton key={i} h={96} />
        ))}
      </SimpleGrid>
      <Skeleton h={320} />
      <Skeleton h={220} />
    </Stack>
  )
}

export function CustomerPage() {
  const id = Number(useParams().id)
  const customer = useCustomer(id)
  const { canWrite } = usePermissions()
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure()
  const [engagementModal, setEngagementModal] = useState<{ engagement?: Engagement } | null>(null)
  const archive = useArchiveCustomer(id)
  const updateEngagement = useUpdateEngagement()

  if (customer.isPending) return <CustomerSkeleton />
  if (customer.isError) return <QueryError error={customer.error} onRetry={() => customer.refetch()} />
  const c = customer.data
  const editable = canWrite && c.canEdit && !c.archived
  const primary = c.primaryPartnerId ? { id: c.primaryPartnerId, name: c.primaryPartnerName ?? '' } : null

  return (
    <>
      <PageHeader
        crumbs={[
          { label: 'Customers', to: '/customers' },
          ...(primary ? [{ label: primary.name, to: `/partners/${primary.id}` }] : []),
        ]}
        title={c.name}
        meta={
          <Group gap={6}>
            <EligibleBadge eligible={c.eligible} size="lg" />
            {c.archived && <ArchivedBadge size="lg" />}
          </Group>
        }
        description={
          <>
            TPID <span className="mono">{c.tpid}</span>
            {c.country ? ` · ${c.country}` : ''}
            {primary && (
              <>
                {' · Primary partner '}
                <Anchor component={Link} to={`/partners/${primary.id}`} fz="sm">
                  {primary.name}
                </Anchor>
              </>
            )}
            {c.surveyContactEmail ? ` · Survey contact ${c.surveyContactEmail}` : ''}
            {c.lastSuccessReviewOn ? ` · Success review ${formatDate(c.lastSuccessReviewOn)}` : ''}
            {` · Updated ${formatRelative(c.updatedAt)}`}
          </>
        }
        actions={
          canWrite &&
          c.canEdit && (
            <>
              {!c.archived && (
                <Button leftSection={<IconPencil size={16} />} onClick={openEdit}>
                  Edit customer
                </Button>
              )}
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button variant="default" px="xs" aria-label="More actions">
                    <IconDots size={18} />
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item
                    leftSection={c.archived ? <IconRestore size={14} /> : <IconArchive size={14} />}
                    color={c.archived ? undefined : 'red'}
                    onClick={() =>
                      archive.mutate(!c.archived, {
                        onSuccess: (r) => notifySaved(`${r.name} ${r.archived ? 'archived' : 'restored'}`),
                        onError: (e) => showServerError(e),
                      })
                    }
                  >
                    {c.archived ? 'Restore customer' : 'Archive customer'}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </>
          )
        }
      />
      <Stack gap="lg">
        <Stats customer={c} />
        <HealthCard subject="customer" id={c.id} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <UsageChart engagements={c.engagements} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <WorkloadBars engagements={c.engagements} />
          </Grid.Col>
        </Grid>
        <TopOpportunitiesCard customerId={c.id} />
        <EngagementLogCard
          customerId={c.id}
          partners={[
            ...(primary ? [primary] : []),
            ...c.engagements
              .filter(
                (e, i, all) =>
                  e.partnerId !== primary?.id && all.findIndex((x) => x.partnerId === e.partnerId) === i,
              )
              .map((e) => ({ id: e.partnerId, name: e.partnerName })),
          ]}
          canLog={editable}
        />
        <Paper withBorder p="lg">
          <Group justify="space-between" mb="md">
            <Title order={2} fz="lg">
              Workloads
            </Title>
            {editable && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} />}
                onClick={() => setEngagementModal({})}
              >
                Add workload
              </Button>
            )}
          </Group>
          <EngagementsTable
            engagements={c.engagements}
            canEdit={editable}
            onAdd={editable ? () => setEngagementModal({}) : undefined}
            onEdit={(engagement) => setEngagementModal({ engagement })}
            onArchive={(e) =>
              updateEngagement.mutate(
                { id: e.id, body: { archived: !e.archived } },
                {
                  onSuccess: () => notifySaved(e.archived ? 'Workload restored' : 'Workload archived'),
                  onError: (err) => showServerError(err),
                },
              )
            }
          />
        </Paper>
      </Stack>
      {editable && (
        <>
          <CustomerFormModal opened={editing} onClose={closeEdit} customer={c} />
          <EngagementFormModal
            customerId={c.id}
            opened={engagementModal !== null}
            onClose={() => setEngagementModal(null)}
            engagement={engagementModal?.engagement}
            defaultPartner={primary}
            taken={c.engagements.filter((e) => e.partnerId === primary?.id).map((e) => e.workloadCode)}
          />
        </>
      )}
    </>
  )
}
