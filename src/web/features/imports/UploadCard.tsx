import {
  Alert,
  Button,
  Group,
  Paper,
  Progress,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core'
import { IconAlertCircle, IconUpload } from '@tabler/icons-react'
import { useState } from 'react'
import type { ImportRecord, M365ImportResult } from '#shared/contracts/imports'
import { AppError } from '#shared/errors'
import { formatBytes } from '../../lib/format'
import { uploadM365, uploadPortfolio } from './api'
import { FileDrop } from './FileDrop'

export type ImportKind = 'portfolio' | 'm365'

type Props = {
  onPreviewed: (record: ImportRecord, file: File, skipInvalid: boolean) => void
  onM365: (result: M365ImportResult) => void
  onKindChange?: (kind: ImportKind) => void
}

function KindCard({ value, title, text }: { value: ImportKind; title: string; text: string }) {
  return (
    <Radio.Card value={value} p="md" radius="md" withBorder>
      <Group wrap="nowrap" align="flex-start">
        <Radio.Indicator />
        <Stack gap={2}>
          <Text fw={600} fz="sm">
            {title}
          </Text>
          <Text fz="xs" c="dimmed">
            {text}
          </Text>
        </Stack>
      </Group>
    </Radio.Card>
  )
}

export function UploadCard({ onPreviewed, onM365, onKindChange }: Props) {
  const [kind, setKind] = useState<ImportKind>('portfolio')
  const [file, setFile] = useState<File | null>(null)
  const [asOf, setAsOf] = useState('')
  const [skipInvalid, setSkipInvalid] = useState(false)
  const [tpid, setTpid] = useState('')
  const [errors, setErrors] = useState<{ file?: string; tpid?: string; asOf?: string }>({})
  const [progress, setProgress] = useState<number | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  const uploading = progress !== null

  async function start() {
    const next: typeof errors = {}
    if (!file) next.file = 'Choose a file to import'
    else if (kind === 'm365' && !/\.csv$/i.test(file.name))
      next.file = 'The Microsoft 365 report is a CSV file'
    else if (kind === 'portfolio' && !/\.(csv|xlsx)$/i.test(file.name)) next.file = 'Use a CSV or XLSX file'
    if (kind === 'm365' && !tpid.trim()) next.tpid = 'Enter the TPID of the customer the report belongs to'
    if (kind === 'portfolio' && asOf && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
      next.asOf = 'Use the date format YYYY-MM-DD'
    setErrors(next)
    if (Object.keys(next).length || !file) return
    setFailure(null)
    setProgress(0)
    try {
      if (kind === 'portfolio') {
        const record = await uploadPortfolio(file, { asOf: asOf || undefined, skipInvalid }, setProgress)
        onPreviewed(record, file, skipInvalid)
      } else {
        onM365(await uploadM365(file, tpid.trim(), setProgress))
      }
    } catch (error) {
      const issues = error instanceof AppError ? error.issues : undefined
      const tpidIssue = issues?.find((i) => i.path?.[0] === 'customer')
      if (tpidIssue) setErrors({ tpid: tpidIssue.message })
      setFailure(error instanceof Error ? error.message : 'The upload failed')
    } finally {
      setProgress(null)
    }
  }

  return (
    <Paper withBorder p="lg">
      <Stack gap="lg">
        <Radio.Group
          value={kind}
          onChange={(v) => {
            setKind(v as ImportKind)
            onKindChange?.(v as ImportKind)
            setErrors({})
          }}
          label="What are you importing?"
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            <KindCard
              value="portfolio"
              title="Portfolio file (CSV/XLSX)"
              text="Partners, customers, workloads and licensed/active users — a portal export or your own sheet. You see a dry run before anything is written."
            />
            <KindCard
              value="m365"
              title="Microsoft 365 active user report (CSV)"
              text="The admin center's Office 365 active users export for one customer, added as a usage snapshot per workload."
            />
          </SimpleGrid>
        </Radio.Group>

        <FileDrop
          file={file}
          onChange={(f) => {
            setFile(f)
            setErrors((e) => ({ ...e, file: undefined }))
          }}
          accept={kind === 'portfolio' ? '.csv,.xlsx,text/csv' : '.csv,text/csv'}
          hint={
            kind === 'portfolio'
              ? 'CSV or XLSX; columns are matched by their header'
              : 'CSV exported from the Microsoft 365 admin center'
          }
          error={errors.file}
          disabled={uploading}
        />

        {kind === 'portfolio' ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              maw={260}
              label="Usage as of"
              description="The date of the licensed/active numbers; empty = today"
              value={asOf}
              onChange={(e) => setAsOf(e.currentTarget.value)}
              error={errors.asOf}
              disabled={uploading}
            />
            <Switch
              mt="lg"
              label="Skip invalid rows"
              description="Import the good rows and list the others; otherwise one bad row stops the import"
              checked={skipInvalid}
              onChange={(e) => setSkipInvalid(e.currentTarget.checked)}
              disabled={uploading}
            />
          </SimpleGrid>
        ) : (
          <TextInput
            label="Customer TPID"
            description="The customer the report belongs to"
            withAsterisk
            maw={320}
            value={tpid}
            onChange={(e) => {
              setTpid(e.currentTarget.value)
              setErrors((er) => ({ ...er, tpid: undefined }))
            }}
            error={errors.tpid}
            disabled={uploading}
          />
        )}

        {failure && (
          <Alert
            color="red"
            icon={<IconAlertCircle size={18} />}
            title="The file was not accepted"
            role="alert"
          >
            {failure}
          </Alert>
        )}

        {uploading && (
          <Stack gap={4}>
            <Group justify="space-between">
              <Text fz="sm">{progress < 1 ? 'Uploading…' : 'Reading the file and checking every row…'}</Text>
              <Text fz="sm" c="dimmed" className="numeric">
                {file ? `${formatBytes(file.size * progress)} of ${formatBytes(file.size)}` : ''}
              </Text>
            </Group>
            <Progress
              value={progress * 100}
              animated={progress >= 1}
              striped={progress >= 1}
              aria-label="Upload progress"
            />
          </Stack>
        )}

        <Group justify="flex-end">
          <Button leftSection={<IconUpload size={16} />} onClick={start} loading={uploading}>
            {kind === 'portfolio' ? 'Upload and preview' : 'Upload report'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
