import {
  Anchor,
  Badge,
  Button,
  DataList,
  Grid,
  Group,
  Menu,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import {
  IconAlertTriangle,
  IconArchive,
  IconCircleCheck,
  IconDots,
  IconExternalLink,
  IconPencil,
  IconPlus,
  IconRestore,
} from '@tabler/icons-react'
import { useState } from 'react'
import { useNavigate, useParams } from 'react-router'
import type { PartnerDetail } from '#shared/contracts/partners'
import { programLabel } from '#shared/domain/portfolio'
import { workloadName } from '#shared/domain/workloads'
import { ArchivedBadge, PartnerStatusBadge } from '../../components/badges'
import { ListFooter } from '../../components/ListFooter'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { formatDate, formatInt } from '../../lib/format'
import { notifySaved, showServerError } from '../../lib/forms'
import { usePermissions } from '../auth/session'
import { PartnerCadenceCard } from '../cadence/PartnerCadenceCard'
import { PartnerComplianceCard, useScrollToHash } from '../compliance/PartnerComplianceCard'
import { useCustomers } from '../customers/api'
import { CustomerFormModal } from '../customers/CustomerFormModal'
import { CustomerTable } from '../customers/CustomerTable'
import { PartnerAnalyticsSection } from '../dashboards/PartnerAnalyticsSection'
import { PartnerEscalationsCard } from '../escalations/PartnerEscalationsCard'
import { HealthCard } from '../health/HealthCard'
import { PartnerReferralsCard } from '../insights/PartnerReferralsCard'
import { PartnerVoiceCard } from '../insights/PartnerVoiceCard'
import { MbrPackButton } from '../mbr/MbrPackButton'
import { MeetingsSection } from '../meetings/MeetingsSection'
import { PartnerNsatCard } from '../nsat/PartnerNsatCard'
import { PartnerOffboardingCard } from '../offboarding/PartnerOffboardingCard'
import { TopOpportunitiesCard } from '../opportunities/TopOpportunitiesCard'
import { PartnerTasksCard } from '../tasks/PartnerTasksCard'
import { EngagementLogCard } from '../touchpoints/EngagementLogCard'
import { useArchivePartner, usePartner, useUpdatePartner } from './api'
import { PartnerFormModal } from './PartnerFormModal'
import { StakeholdersCard } from './StakeholdersCard'

function Flag({ ok, label, hint }: { ok: boolean; label: string; hint: string }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon
        size={26}
        radius="xl"
        variant="light"
        color={ok ? 'teal' : 'yellow'}
        aria-label={ok ? 'Yes' : 'Missing'}
      >
        {ok ? <IconCircleCheck size={16} /> : <IconAlertTriangle size={16} />}
      </ThemeIcon>
      <Stack gap={0}>
        <Text fz="sm" fw={600}>
          {label}
        </Text>
        <Text fz="xs" c="dimmed">
          {ok ? hint : 'Not identified yet — add them under Stakeholders'}
        </Text>
      </Stack>
    </Group>
  )
}

function Profile({ partner }: { partner: PartnerDetail }) {
  const website = partner.website
  const href = website && !/^https?:\/\//.test(website) ? `https://${website}` : website
  return (
    <Paper withBorder p="lg" h="100%">
      <Title order={2} fz="lg" mb="md">
        Profile
      </Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl" verticalSpacing={0}>
        <DataList labelWidth={130} withDivider>
          <DataList.Item>
            <DataList.ItemLabel>Partner ID</DataList.ItemLabel>
            <DataList.ItemValue className="mono">{partner.programId}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Program</DataList.ItemLabel>
            <DataList.ItemValue>{programLabel[partner.program]}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Status</DataList.ItemLabel>
            <DataList.ItemValue>
              <PartnerStatusBadge status={partner.status} />
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>HQ country</DataList.ItemLabel>
            <DataList.ItemValue>{partner.hqCountry ?? '—'}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
        <DataList labelWidth={130} withDivider>
          <DataList.Item>
            <DataList.ItemLabel>Region</DataList.ItemLabel>
            <DataList.ItemValue>{partner.regionName ?? '—'}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Partner manager</DataList.ItemLabel>
            <DataList.ItemValue>{partner.fpmName ?? 'Unassigned'}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Joined</DataList.ItemLabel>
            <DataList.ItemValue>{formatDate(partner.joinedOn)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Website</DataList.ItemLabel>
            <DataList.ItemValue>
              {href ? (
                <Anchor href={href} target="_blank" rel="noreferrer" fz="sm">
                  <Group gap={4} component="span" display="inline-flex" wrap="nowrap">
                    {website?.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                    <IconExternalLink size={13} aria-hidden />
                  </Group>
                </Anchor>
              ) : (
                '—'
              )}
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </SimpleGrid>
      <DataList labelWidth={130} mt="sm">
        <DataList.Item>
          <DataList.ItemLabel>Notes</DataList.ItemLabel>
          <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }}>
            {partner.notes ?? (
              <Text span c="dimmed" fz="sm">
                No notes
              </Text>
            )}
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Paper>
  )
}

function Readiness({ partner }: { partner: PartnerDetail }) {
  const update = useUpdatePartner(partner.id)
  const editable = partner.canEdit && !partner.archived
  return (
    <Paper withBorder p="lg" h="100%">
      <Title order={2} fz="lg" mb="md">
        Readiness
      </Title>
      <Stack gap="md">
        <Switch
          size="md"
          label="Referral ready"
          description={partner.referralReady ? 'Accepts new customer referrals' : 'Not taking new referrals'}
          checked={partner.referralReady}
          disabled={!editable || update.isPending}
          onChange={(e) => {
            const referralReady = e.currentTarget.checked
            update.mutate(
              { referralReady },
              {
                onSuccess: () =>
                  notifySaved(referralReady ? 'Marked referral ready' : 'Referrals turned off'),
                onError: (err) => showServerError(err),
              },
            )
          }}
        />
        <Flag
          ok={partner.sponsorIdentified}
          label="Sponsor identified"
          hint="An executive sponsor is on record"
        />
        <Flag
          ok={partner.deliveryTeamIdentified}
          label="Delivery team identified"
          hint="A delivery lead is on record"
        />
        <Stack gap={6}>
          <Text fz="sm" fw={600}>
            Endorsed workloads
          </Text>
          {partner.endorsedWorkloads.length === 0 ? (
            <Text fz="sm" c="dimmed">
              None yet
            </Text>
          ) : (
            <Group gap={6}>
              {partner.endorsedWorkloads.map((w) => (
                <Badge key={w} variant="outline" color="trellis" radius="xl" tt="none" fw={500}>
                  {workloadName(w)}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
      </Stack>
    </Paper>
  )
}

function PartnerCustomers({ partner }: { partner: PartnerDetail }) {
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(10)
  const [sort, setSort] = useState({ sort: 'name', order: 'asc' as 'asc' | 'desc' })
  const [adding, { open, close }] = useDisclosure()
  const navigate = useNavigate()
  const customers = useCustomers({ partnerId: partner.id, page, pageSize, ...sort })
  const canAdd = partner.canEdit && !partner.archived
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="md">
        <Title order={2} fz="lg">
          Customers
          <Text span c="dimmed" fz="md" fw={400} ml={8}>
            {customers.data ? formatInt(customers.data.total) : ''}
          </Text>
        </Title>
        {canAdd && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={open}>
            Add customer
          </Button>
        )}
      </Group>
      {customers.isError ? (
        <QueryError error={customers.error} onRetry={() => customers.refetch()} />
      ) : (
        <CustomerTable
          items={customers.data?.items}
          loading={customers.isPending}
          dimmed={customers.isPlaceholderData}
          withPartner={false}
          sort={sort.sort}
          order={sort.order}
          onSort={(field) =>
            setSort((s) =>
              s.sort === field
                ? { sort: field, order: s.order === 'asc' ? 'desc' : 'asc' }
                : { sort: field, order: field === 'name' || field === 'tpid' ? 'asc' : 'desc' },
            )
          }
          empty={{
            title: 'No customers yet',
            description: 'Customers appear here when you add them or import the partner’s portfolio.',
            action: canAdd ? { label: 'Add customer', onClick: open } : undefined,
          }}
        />
      )}
      {customers.data && customers.data.total > 10 && (
        <ListFooter
          total={customers.data.total}
          page={page}
          pageSize={pageSize}
          onPage={setPage}
          onPageSize={(s) => {
            setPageSize(s)
            setPage(1)
          }}
          noun="customers"
        />
      )}
      {canAdd && (
        <CustomerFormModal
          opened={adding}
          onClose={close}
          partner={{ id: partner.id, name: partner.name }}
          onCreated={(c) => navigate(`/customers/${c.id}`)}
        />
      )}
    </Paper>
  )
}

function PartnerSkeleton() {
  return (
    <Stack>
      <Skeleton h={16} w={160} />
      <Skeleton h={32} w={360} mb="md" />
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Skeleton h={360} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Skeleton h={360} />
        </Grid.Col>
      </Grid>
      <Skeleton h={200} />
    </Stack>
  )
}

export function PartnerPage() {
  const id = Number(useParams().id)
  const partner = usePartner(id)
  const { canWrite } = usePermissions()
  const [editing, { open, close }] = useDisclosure()
  const archive = useArchivePartner(id)
  useScrollToHash(partner.isSuccess)

  if (partner.isPending) return <PartnerSkeleton />
  if (partner.isError) return <QueryError error={partner.error} onRetry={() => partner.refetch()} />
  const p = partner.data
  const editable = canWrite && p.canEdit

  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Partners', to: '/partners' }]}
        title={p.name}
        meta={
          <Group gap={6}>
            <PartnerStatusBadge status={p.status} size="lg" />
            {p.archived && <ArchivedBadge size="lg" />}
          </Group>
        }
        description={
          <>
            <span className="mono">{p.programId}</span> · {programLabel[p.program]}
            {p.regionName ? ` · ${p.regionName}` : ''}
          </>
        }
        actions={
          <>
            <MbrPackButton partnerId={p.id} />
            {editable && (
              <>
                {!p.archived && (
                  <Button leftSection={<IconPencil size={16} />} onClick={open}>
                    Edit partner
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
                      leftSection={p.archived ? <IconRestore size={14} /> : <IconArchive size={14} />}
                      color={p.archived ? undefined : 'red'}
                      onClick={() =>
                        archive.mutate(!p.archived, {
                          onSuccess: (r) => notifySaved(`${r.name} ${r.archived ? 'archived' : 'restored'}`),
                          onError: (e) => showServerError(e),
                        })
                      }
                    >
                      {p.archived ? 'Restore partner' : 'Archive partner'}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </>
            )}
          </>
        }
      />
      <Stack gap="md">
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
            <Profile partner={p} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
            <Readiness partner={p} />
          </Grid.Col>
        </Grid>
        <HealthCard subject="partner" id={p.id} />
        <PartnerComplianceCard partnerId={p.id} />
        <PartnerEscalationsCard partner={p} canRaise={editable && !p.archived} />
        <TopOpportunitiesCard partnerId={p.id} />
        <PartnerTasksCard partnerId={p.id} />
        <PartnerVoiceCard partner={p} canAdd={editable && !p.archived} />
        <PartnerReferralsCard partner={p} canEdit={editable && !p.archived} />
        <div id="engagement-log">
          <EngagementLogCard partners={[p]} canLog={editable && !p.archived} />
        </div>
        <div id="stakeholders">
          <StakeholdersCard
            partnerId={p.id}
            stakeholders={p.stakeholders}
            canEdit={editable && !p.archived}
          />
        </div>
        <MeetingsSection partnerId={p.id} canEdit={editable && !p.archived} />
        <PartnerCadenceCard partnerId={p.id} />
        <PartnerOffboardingCard partnerId={p.id} partnerName={p.name} />
        <PartnerNsatCard partnerId={p.id} canRecord={editable && !p.archived} />
        <PartnerAnalyticsSection partnerId={p.id} />
        <PartnerCustomers partner={p} />
      </Stack>
      {editable && <PartnerFormModal opened={editing} onClose={close} partner={p} />}
    </>
  )
}
