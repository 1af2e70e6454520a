import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import {
  escalationCategories,
  escalationCategoryLabel,
  severities,
  severityLabel,
} from '#shared/domain/escalations'
import { workloadCatalog } from '#shared/domain/workloads'
import { useCustomers } from '../customers/api'

/** The fields an escalation is raised and edited with (the partner is chosen by the caller). */
export type EscalationFieldValues = {
  title: string
  description: string
  severity: string | null
  category: string | null
  customerId: string | null
  workloadCode: string | null
}

export function EscalationFields<V extends EscalationFieldValues>({
  form,
  partnerId,
  autoFocus = false,
}: {
  form: UseFormReturnType<V>
  partnerId: number | null
  autoFocus?: boolean
}) {
  const customers = useCustomers(
    { partnerId: partnerId ?? undefined, pageSize: 200, sort: 'name' },
    partnerId !== null,
  )
  return (
    <>
      <TextInput
        label="Title"
        withAsterisk
        data-autofocus={autoFocus || undefined}
        {...form.getInputProps('title')}
      />
      <SimpleGrid cols={2}>
        <Select
          label="Severity"
          withAsterisk
          data={severities.map((s) => ({ value: s, label: severityLabel[s] }))}
          allowDeselect={false}
          {...form.getInputProps('severity')}
        />
        <Select
          label="Category"
          withAsterisk
          placeholder="Choose…"
          data={escalationCategories.map((c) => ({ value: c, label: escalationCategoryLabel[c] }))}
          {...form.getInputProps('category')}
        />
        <Select
          label="Customer"
          placeholder={partnerId ? 'None' : 'Choose a partner first'}
          disabled={!partnerId}
          searchable
          clearable
          data={(customers.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          {...form.getInputProps('customerId')}
        />
        <Select
          label="Workload"
          placeholder="None"
          searchable
          clearable
          data={workloadCatalog.map((w) => ({ value: w.code, label: w.name }))}
          {...form.getInputProps('workloadCode')}
        />
      </SimpleGrid>
      <Textarea
        label="Description"
        description="What is blocked, since when, and what is needed"
        autosize
        minRows={3}
        {...form.getInputProps('description')}
      />
    </>
  )
}
