import {
  Alert,
  Badge,
  Button,
  Fieldset,
  Group,
  Input,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconLock, IconPencil, IconPlus } from '@tabler/icons-react'
import { useEffect, useMemo, useState } from 'react'
import { type HealthFactorKey, healthFactorKeys } from '#shared/contracts/analytics'
import type { SettingsVersion } from '#shared/contracts/settings'
import { NOT_APPLICABLE, nsatAnswerLabel, nsatAnswers } from '#shared/domain/nsat'
import { addMonths, today as todayOf } from '#shared/domain/periods'
import { metricDefinition, targetSettingMetric } from '#shared/domain/scorecard'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { formatDate, formatDateTime, formatPeriod, plural } from '../../lib/format'
import { focusFirstError, notifySaved, showServerError } from '../../lib/forms'
import { usePermissions } from '../auth/session'
import { ComplianceSettingsFields } from '../compliance/ComplianceSettingsFields'
import { useSaveSettings, useSettingsVersions } from './api'
import {
  monthChoices,
  nextFiscalYearStart,
  type SettingsFormValues,
  scorecardTargetKeys,
  settingsFieldOf,
  toBody,
  toFormValues,
  validateSettings,
  weightSum,
} from './settingsForm'

const weightLabel: Record<HealthFactorKey, string> = {
  usage: 'Active usage',
  trend: 'Usage trend',
  intent: 'Intent mix',
  freshness: 'Data freshness',
  phase: 'Lifecycle phase',
}

const inForceOn = (v: SettingsVersion, date: string) =>
  v.effectiveFrom <= date && (v.effectiveTo === null || v.effectiveTo >= date)

function VersionsTable({
  versions,
  today,
  editing,
  onEdit,
}: {
  versions: SettingsVersion[]
  today: string
  editing: string | null
  onEdit?: (v: SettingsVersion) => void
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label="Settings sets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Effective from → to</Table.Th>
            <Table.Th>Note</Table.Th>
            <Table.Th>Updated by</Table.Th>
            {onEdit && <Table.Th w={90} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...versions].reverse().map((v) => {
            const current = inForceOn(v, today)
            return (
              <Table.Tr
                key={v.effectiveFrom}
                bg={current ? 'var(--mantine-color-trellis-light)' : undefined}
                aria-current={current ? 'true' : undefined}
              >
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text fz="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {v.builtIn ? 'From the start' : formatDate(v.effectiveFrom)}
                      {' → '}
                      {v.effectiveTo ? formatDate(v.effectiveTo) : 'until further notice'}
                    </Text>
                    {current && (
                      <Badge color="trellis" variant="filled" size="sm">
                        In force
                      </Badge>
                    )}
                    {v.effectiveFrom === editing && (
                      <Badge color="gray" variant="outline" size="sm">
                        Editing
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td className="wrap">
                  <Text fz="sm" c={v.note ? undefined : 'dimmed'}>
                    {v.note ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {v.builtIn ? (
                    <Text fz="sm" c="dimmed">
                      Built in
                    </Text>
                  ) : (
                    <>
                      <Text fz="sm">{v.updatedBy ?? '—'}</Text>
                      <Text fz="xs" c="dimmed">
                        {formatDateTime(v.updatedAt)}
                      </Text>
                    </>
                  )}
                </Table.Td>
                {onEdit && (
                  <Table.Td>
                    {!v.builtIn && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        leftSection={<IconPencil size={14} />}
                        onClick={() => onEdit(v)}
                        aria-label={`Edit the set from ${formatDate(v.effectiveFrom)}`}
                      >
                        Edit
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

type Draft = { effectiveFrom: string; values: SettingsVersion['values']; note: string | null; isNew: boolean }

function SettingsForm({
  draft,
  versions,
  today,
  readOnly,
  onSaved,
}: {
  draft: Draft
  versions: SettingsVersion[]
  today: string
  readOnly: boolean
  onSaved: (version: SettingsVersion) => void
}) {
  const save = useSaveSettings()
  const form = useForm<SettingsFormValues>({
    initialValues: toFormValues(draft.values, draft.effectiveFrom, draft.note),
    validate: validateSettings,
  })
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when another set is chosen
  useEffect(() => {
    form.setInitialValues(toFormValues(draft.values, draft.effectiveFrom, draft.note))
    form.reset()
  }, [draft])

  const saved = versions.filter((v) => !v.builtIn).map((v) => v.effectiveFrom)
  const months = monthChoices(today, saved).map((m) => ({
    value: m,
    label: `${formatPeriod(m)}${saved.includes(m) ? ' · saved set' : ''}`,
  }))
  const fyStart = nextFiscalYearStart(today)
  const sum = weightSum(form.values)
  const replaces = draft.isNew && saved.includes(form.values.effectiveFrom)

  const submit = form.onSubmit(async (values) => {
    try {
      const r = await save.mutateAsync({ effectiveFrom: values.effectiveFrom, body: toBody(values) })
      notifySaved(`Saved; ${plural(r.refreshedPeriods, 'period')} recomputed`)
      onSaved(r.version)
    } catch (error) {
      showServerError(error, form, 'Could not save the settings', settingsFieldOf)
    }
  }, focusFirstError)

  const pct = { suffix: ' %', decimalScale: 2, min: 0, max: 100 } as const
  const days = { suffix: ' days', allowDecimal: false, min: 0 } as const
  return (
    <form onSubmit={submit} noValidate aria-label="Settings set">
      <Stack gap="lg">
        <Group align="flex-end" gap="md">
          <Select
            label="In force from"
            description="The first day of a month; the set stays in force until the next set's date"
            data={months}
            searchable
            allowDeselect={false}
            disabled={readOnly || !draft.isNew}
            w={320}
            {...form.getInputProps('effectiveFrom')}
          />
          {draft.isNew && !readOnly && (
            <Button variant="light" onClick={() => form.setFieldValue('effectiveFrom', fyStart)}>
              Next fiscal year · {formatDate(fyStart)}
            </Button>
          )}
          <TextInput
            label="Note"
            placeholder="Why this set, e.g. FY28 program guide"
            disabled={readOnly}
            style={{ flex: 1 }}
            miw={240}
            {...form.getInputProps('note')}
          />
        </Group>
        {replaces && (
          <Alert color="yellow" variant="light" p="xs">
            A set is already saved from {formatDate(form.values.effectiveFrom)}: saving replaces it.
          </Alert>
        )}
        <Fieldset legend="Health score" disabled={readOnly} variant="filled">
          <Stack gap="md">
            <Input.Wrapper
              label="Weights"
              description="Points each factor can give; they must add up to 100"
              error={form.errors['health.weights']}
            >
              <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} mt={6}>
                {healthFactorKeys.map((k) => (
                  <NumberInput
                    key={k}
                    label={weightLabel[k]}
                    min={0}
                    max={100}
                    decimalScale={2}
                    {...form.getInputProps(`health.weights.${k}`)}
                  />
                ))}
                <Stack gap={2} justify="flex-end">
                  <Text fz="sm" fw={500}>
                    Sum
                  </Text>
                  <Text
                    fz="lg"
                    fw={700}
                    className="numeric"
                    c={Math.abs(sum - 100) < 1e-6 ? 'teal.8' : 'red.7'}
                    data-testid="weight-sum"
                    aria-live="polite"
                  >
                    {Math.round(sum * 100) / 100} / 100
                  </Text>
                </Stack>
              </SimpleGrid>
            </Input.Wrapper>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
              <NumberInput
                label="Healthy from"
                description="Score at or above: healthy"
                min={0}
                max={100}
                {...form.getInputProps('health.bands.healthy')}
              />
              <NumberInput
                label="Watch from"
                description="At or above: watch; below: at risk"
                min={0}
                max={100}
                {...form.getInputProps('health.bands.watch')}
              />
              <NumberInput
                label="Trend full scale"
                description="Active-share change for full trend points"
                suffix=" pts"
                decimalScale={2}
                min={0}
                max={100}
                {...form.getInputProps('health.trendFullScale')}
              />
              <NumberInput
                label="Fresh up to"
                description="Data age with full freshness points"
                {...days}
                {...form.getInputProps('health.freshDays')}
              />
              <NumberInput
                label="Stale after"
                description="Older than this: no freshness points"
                {...days}
                {...form.getInputProps('health.staleDays')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend="Program parameters" disabled={readOnly} variant="filled">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <NumberInput
              label="Eligible from"
              description="Paid seats for FastTrack eligibility"
              suffix=" seats"
              allowDecimal={false}
              min={1}
              {...form.getInputProps('program.eligibleMinSeats')}
            />
            <TagsInput
              label="Usage milestones (%)"
              description="Active-user shares, ascending; Enter adds one"
              placeholder="e.g. 25"
              disabled={readOnly}
              {...form.getInputProps('program.milestones')}
            />
            <NumberInput
              label="Adoption milestone"
              description="Full usage points at this active share"
              {...pct}
              {...form.getInputProps('program.adoptionMilestone')}
            />
            <NumberInput
              label="Referral threshold"
              description="Below this share a workload is worth driving"
              {...pct}
              {...form.getInputProps('program.driveUsageBelow')}
            />
            <NumberInput
              label="Near a milestone"
              description="Within this many points below it"
              suffix=" pts"
              decimalScale={2}
              min={0}
              max={100}
              {...form.getInputProps('program.nearMilestonePts')}
            />
            <NumberInput
              label="Stalled after"
              description="In progress in the same phase"
              {...days}
              min={1}
              {...form.getInputProps('program.stalledDays')}
            />
            <NumberInput
              label="Success review at"
              description="When every workload reaches this share"
              {...pct}
              {...form.getInputProps('program.successReviewAt')}
            />
            <NumberInput
              label="Success review overdue after"
              description="Days after it became due"
              {...days}
              min={1}
              {...form.getInputProps('program.successReviewDays')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Business rhythm" disabled={readOnly} variant="filled">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <NumberInput
              label="No rhythm after"
              description="Weeks without a held ROB or MBR"
              suffix=" weeks"
              allowDecimal={false}
              min={1}
              max={52}
              {...form.getInputProps('cadence.silentWeeks')}
            />
            <NumberInput
              label="Compliance target"
              description="Held ÷ scheduled on target from"
              {...pct}
              {...form.getInputProps('cadence.complianceTarget')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Offboarding rules" disabled={readOnly} variant="filled">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <NumberInput
              label="No usage growth over"
              description="Months without more active users"
              suffix=" months"
              allowDecimal={false}
              min={1}
              max={24}
              {...form.getInputProps('offboarding.noGrowthMonths')}
            />
            <NumberInput
              label="Overdue mandatory tasks"
              description="Flag a partner from this many"
              allowDecimal={false}
              min={1}
              {...form.getInputProps('offboarding.overdueMandatoryTasks')}
            />
            <NumberInput
              label="Unanswered referrals"
              description="Flag a partner from this many"
              allowDecimal={false}
              min={1}
              {...form.getInputProps('offboarding.unansweredReferrals')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Role scorecard targets" disabled={readOnly} variant="filled">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            {scorecardTargetKeys.map((k) => (
              <NumberInput
                key={k}
                label={metricDefinition(targetSettingMetric[k]).name}
                description="On target from"
                {...pct}
                {...form.getInputProps(`scorecard.${k}`)}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Milestones and tasks" disabled={readOnly} variant="filled">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <NumberInput
              label="Phase task grace"
              description="Days after entering the task's phase"
              suffix=" days"
              allowDecimal={false}
              min={0}
              max={365}
              {...form.getInputProps('tasks.phaseGraceDays')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="NSAT" disabled={readOnly} variant="filled">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <NumberInput
              label="NSAT target"
              description="On target at or above (0–200)"
              allowDecimal={false}
              min={0}
              max={200}
              {...form.getInputProps('nsat.target')}
            />
            <NumberInput
              label="Low n below"
              description="Valid responses a period needs"
              suffix=" responses"
              allowDecimal={false}
              min={1}
              {...form.getInputProps('nsat.minResponses')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
            {(['msit4', 'cpe5'] as const).flatMap((scale) =>
              (['vsat', 'dsat'] as const).map((side) => (
                <MultiSelect
                  key={`${scale}-${side}`}
                  label={`${scale === 'msit4' ? '4-point' : '5-point'}: ${side === 'vsat' ? 'VSAT' : 'DSAT'} answers`}
                  data={nsatAnswers[scale]
                    .filter((a) => a !== NOT_APPLICABLE)
                    .map((a) => ({ value: a, label: nsatAnswerLabel[a] ?? a }))}
                  {...form.getInputProps(`nsat.mapping.${scale}.${side}`)}
                />
              )),
            )}
          </SimpleGrid>
        </Fieldset>
        <ComplianceSettingsFields form={form} readOnly={readOnly} />
        <Fieldset legend="Referrals" disabled={readOnly} variant="filled">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <NumberInput
              label="Unanswered after"
              description="Days a referral may stay pending"
              suffix=" days"
              allowDecimal={false}
              min={1}
              max={90}
              {...form.getInputProps('referrals.answerWithinDays')}
            />
          </SimpleGrid>
        </Fieldset>
        {form.errors.root && (
          <Text c="red.7" fz="sm">
            {form.errors.root}
          </Text>
        )}
        {!readOnly && (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
              Discard changes
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save and recompute
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  )
}

export function SettingsPage() {
  const { isAdmin } = usePermissions()
  const versions = useSettingsVersions()
  const today = todayOf()
  const [draft, setDraft] = useState<Draft | null>(null)
  const list = versions.data?.versions
  const inForce = useMemo(() => list?.find((v) => inForceOn(v, today)), [list, today])

  // The set in force is what the form shows first (read-only for everyone but admins).
  useEffect(() => {
    if (!inForce || draft !== null) return
    // Under the built-in defaults, a first set from the start of this fiscal year governs today.
    setDraft(
      inForce.builtIn
        ? {
            effectiveFrom: addMonths(nextFiscalYearStart(today), -12),
            values: inForce.values,
            note: null,
            isNew: true,
          }
        : { effectiveFrom: inForce.effectiveFrom, values: inForce.values, note: inForce.note, isNew: false },
    )
  }, [inForce, draft, today])

  const newSet = () => {
    if (!inForce) return
    setDraft({ effectiveFrom: nextFiscalYearStart(today), values: inForce.values, note: null, isNew: true })
  }

  return (
    <>
      <PageHeader
        title="Settings"
        description="Program parameters and health-score settings, dated: each set is in force from its date until the next set's date. Saving a set recomputes the scores of the months it governs; earlier months keep theirs."
        actions={
          isAdmin && (
            <Button leftSection={<IconPlus size={16} />} onClick={newSet} disabled={!inForce}>
              New set
            </Button>
          )
        }
      />
      <Stack gap="lg">
        {!isAdmin && (
          <Alert color="gray" icon={<IconLock size={18} />} title="Only admins can change settings">
            You can read the sets and the values in force; an admin changes them.
          </Alert>
        )}
        <Paper withBorder p="lg">
          <Title order={2} fz="lg" mb="md">
            Dated sets
          </Title>
          {versions.isPending ? (
            <Skeleton h={120} />
          ) : versions.isError ? (
            <QueryError error={versions.error} onRetry={() => versions.refetch()} />
          ) : (
            <VersionsTable
              versions={versions.data.versions}
              today={today}
              editing={isAdmin && draft && !draft.isNew ? draft.effectiveFrom : null}
              onEdit={
                isAdmin
                  ? (v) =>
                      setDraft({
                        effectiveFrom: v.effectiveFrom,
                        values: v.values,
                        note: v.note,
                        isNew: false,
                      })
                  : undefined
              }
            />
          )}
        </Paper>
        {draft && list && (
          <Paper withBorder p="lg">
            <Title order={2} fz="lg" mb={4}>
              {!isAdmin
                ? 'Values in force today'
                : draft.isNew
                  ? 'New set'
                  : `Set in force from ${formatDate(draft.effectiveFrom)}`}
            </Title>
            <Text fz="sm" c="dimmed" mb="md">
              {draft.isNew
                ? 'Prefilled from the set in force today. Choose the month it takes effect.'
                : 'Changes apply to every month this set governs.'}
            </Text>
            <SettingsForm
              draft={draft}
              versions={list}
              today={today}
              readOnly={!isAdmin}
              onSaved={(v) =>
                setDraft({ effectiveFrom: v.effectiveFrom, values: v.values, note: v.note, isNew: false })
              }
            />
          </Paper>
        )}
      </Stack>
    </>
  )
}
