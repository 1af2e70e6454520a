import { Button, Group, Paper, Tabs } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconPlus } from '@tabler/icons-react'
import { PageHeader } from '../../components/PageHeader'
import { RegionFpmFilters } from '../../components/RegionFpmFilters'
import { useListParams } from '../../lib/useListParams'
import { usePermissions } from '../auth/session'
import { CountsCard } from './CountsCard'
import { InsightFormModal } from './InsightFormModal'
import { InsightsTab } from './InsightsTab'
import { SpotlightFormModal } from './SpotlightFormModal'
import { SpotlightsTab } from './SpotlightsTab'

/** /insights: the voice of partner and customer — insights and spotlights, with counts per partner. */
export function InsightsPage() {
  const { canWrite } = usePermissions()
  const [newInsight, insightModal] = useDisclosure()
  const [newSpotlight, spotlightModal] = useDisclosure()
  const { values, page, pageSize, set } = useListParams({
    tab: 'insights',
    days: '90',
    partnerId: '',
    regionId: '',
    fpmUserId: '',
    type: '',
    status: '',
    workloadCode: '',
    sort: 'submitted',
    order: 'desc',
  })
  const { tab, days, sort: _s, order: _o, ...filters } = values
  const group = { regionId: values.regionId, fpmUserId: values.fpmUserId }
  return (
    <>
      <PageHeader
        title="Insights & Spotlights"
        description="The voice of partner and customer: product and process feedback with its +1s, and success stories approved to share."
        actions={
          canWrite && (
            <Group gap="xs">
              <Button leftSection={<IconPlus size={16} />} onClick={insightModal.open}>
                New insight
              </Button>
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={spotlightModal.open}>
                New spotlight
              </Button>
            </Group>
          )
        }
      />
      <Group gap="sm" mb="sm">
        <RegionFpmFilters regionId={values.regionId} fpmUserId={values.fpmUserId} onChange={(c) => set(c)} />
      </Group>
      <CountsCard days={days} onDays={(d) => set({ days: d })} filters={group} />
      <Paper withBorder p="md">
        <Tabs value={tab} onChange={(t) => set({ tab: t, status: null, page: 1 })} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="insights">Insights</Tabs.Tab>
            <Tabs.Tab value="spotlights">Spotlights</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="insights">
            <InsightsTab filters={filters} set={set} page={page} pageSize={pageSize} canWrite={canWrite} />
          </Tabs.Panel>
          <Tabs.Panel value="spotlights">
            <SpotlightsTab filters={filters} set={set} page={page} pageSize={pageSize} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
      {newInsight && <InsightFormModal opened onClose={insightModal.close} />}
      {newSpotlight && <SpotlightFormModal opened onClose={spotlightModal.close} />}
    </>
  )
}
