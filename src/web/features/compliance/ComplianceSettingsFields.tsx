import { Fieldset, Group, NumberInput, SimpleGrid, Stack, Switch, Text } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { complianceCheckLabel } from '#shared/domain/compliance'
import type { SettingsFormValues } from '../settings/settingsForm'

const dayChecks = [
  { key: 'notes', hint: 'Newest touchpoint or meeting minutes at most' },
  { key: 'nextMeeting', hint: 'A ROB or MBR scheduled within' },
  { key: 'usage', hint: 'Newest usage of each customer at most' },
  { key: 'escalations', hint: 'Open escalation updated within' },
] as const

/** The data compliance checks of a settings set: each on or off, with its days (decision 015). */
export function ComplianceSettingsFields({
  form,
  readOnly,
}: {
  form: UseFormReturnType<SettingsFormValues>
  readOnly: boolean
}) {
  return (
    <Fieldset legend="Data compliance" disabled={readOnly} variant="filled">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {dayChecks.map(({ key, hint }) => (
          <Stack key={key} gap={6}>
            <Switch
              label={complianceCheckLabel[key]}
              {...form.getInputProps(`compliance.${key}.enabled`, { type: 'checkbox' })}
            />
            <NumberInput
              aria-label={hint}
              description={hint}
              suffix=" days"
              allowDecimal={false}
              min={1}
              max={366}
              disabled={readOnly || !form.getValues().compliance[key].enabled}
              {...form.getInputProps(`compliance.${key}.days`)}
            />
          </Stack>
        ))}
        <Stack gap={6}>
          <Switch
            label={complianceCheckLabel.stakeholders}
            {...form.getInputProps('compliance.stakeholders.enabled', { type: 'checkbox' })}
          />
          <Text fz="xs" c="dimmed">
            A partner sponsor and a delivery lead among the active stakeholders
          </Text>
        </Stack>
        <Group align="flex-end">
          <NumberInput
            label="Compliance target"
            description="Passed ÷ applicable on target from"
            suffix=" %"
            decimalScale={2}
            min={0}
            max={100}
            {...form.getInputProps('compliance.target')}
          />
        </Group>
      </SimpleGrid>
    </Fieldset>
  )
}
