import { Button, Group, NumberInput, Paper, SimpleGrid, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect } from 'react'
import { saveSlaBody } from '#shared/contracts/escalations'
import { type Severity, severities, severityLabel } from '#shared/domain/escalations'
import { slaStateDefinition } from '#shared/domain/metrics'
import { focusFirstError, notifySaved, showServerError } from '../../lib/forms'
import { useSaveSla, useSlaSettings } from './api'

type Values = Record<Severity, number | string>
const toBody = (v: Values) => ({ hours: Object.fromEntries(severities.map((s) => [s, Number(v[s])])) })

/** Hours to resolve per severity: admins edit them, everyone else reads them. */
export function SlaSettingsCard({ canEdit }: { canEdit: boolean }) {
  const sla = useSlaSettings()
  const save = useSaveSla()
  const form = useForm<Values>({
    initialValues: { critical: '', high: '', medium: '', low: '' },
    validate: (v) =>
      Object.fromEntries(
        severities.flatMap((s) => {
          const parsed = saveSlaBody.shape.hours.shape[s].safeParse(v[s] === '' ? Number.NaN : Number(v[s]))
          return parsed.success ? [] : [[s, parsed.error.issues[0]?.message ?? 'Whole hours']]
        }),
      ),
  })
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once the settings arrive
  useEffect(() => {
    if (sla.data)
      form.setValues(Object.fromEntries(sla.data.items.map((i) => [i.severity, i.hours])) as Values)
  }, [sla.data])

  const submit = form.onSubmit(async (values) => {
    try {
      await save.mutateAsync(saveSlaBody.parse(toBody(values)))
      notifySaved('SLA hours saved')
    } catch (error) {
      showServerError(error, form, 'Could not save the SLA hours', (path) =>
        path[0] === 'hours' ? String(path[1]) : undefined,
      )
    }
  }, focusFirstError)

  return (
    <Paper withBorder p="lg" component="section" aria-label="SLA hours" mt="md">
      <Title order={2} fz="lg" mb={4}>
        SLA: hours to resolve
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {slaStateDefinition}
      </Text>
      <form onSubmit={submit} noValidate aria-label="SLA hours">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {severities.map((s) => (
            <NumberInput
              key={s}
              label={severityLabel[s]}
              suffix=" h"
              min={1}
              readOnly={!canEdit}
              {...form.getInputProps(s)}
            />
          ))}
        </SimpleGrid>
        {canEdit && (
          <Group justify="flex-end" mt="sm">
            <Button type="submit" loading={save.isPending}>
              Save SLA hours
            </Button>
          </Group>
        )}
      </form>
    </Paper>
  )
}
