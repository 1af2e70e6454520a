import { EmptyState, Skeleton, Stack, Stepper } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useSearchParams } from 'react-router'
import type { ImportRecord, M365ImportResult } from '#shared/contracts/imports'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { showServerError } from '../../lib/forms'
import { usePermissions } from '../auth/session'
import { commitImport, importKeys, uploadPortfolio, useImport } from './api'
import { ImportHistory } from './ImportHistory'
import { M365ResultCard } from './M365ResultCard'
import { PreviewCard } from './PreviewCard'
import { RunCard } from './RunCard'
import { type ImportKind, UploadCard } from './UploadCard'

/**
 * Choose → preview (dry run) → commit → result. The import being looked at lives in the URL
 * (`?import=12`), so a reload or a link from the history comes back to the same step.
 */
export function ImportPage() {
  const { canImport } = usePermissions()
  const client = useQueryClient()
  const [search, setSearch] = useSearchParams()
  const id = Number(search.get('import')) || null
  const skipInvalid = search.get('skip') === '1'
  const record = useImport(id)
  const [file, setFile] = useState<File | null>(null)
  const [m365, setM365] = useState<M365ImportResult | null>(null)
  const [committing, setCommitting] = useState(false)
  const [rechecking, setRechecking] = useState(false)
  const [kind, setKind] = useState<ImportKind>('portfolio')

  const status = record.data?.status
  // When an import finishes, the partner and customer lists are stale.
  useEffect(() => {
    if (status === 'done') {
      void client.invalidateQueries({ queryKey: ['partners'] })
      void client.invalidateQueries({ queryKey: ['customers'] })
      void client.invalidateQueries({ queryKey: importKeys.list })
      void client.invalidateQueries({ queryKey: ['health'] })
    }
  }, [status, client])

  if (!canImport)
    return (
      <EmptyState
        mt={80}
        icon={<IconLock size={24} />}
        withIndicatorBackground
        title="Your role cannot import"
        description="Admins, leads and partner managers import portfolio files."
      />
    )

  const open = (next: number | null, skip = false) => {
    setM365(null)
    setKind('portfolio')
    setSearch(next ? { import: String(next), ...(skip ? { skip: '1' } : {}) } : {}, { replace: false })
  }
  const store = (r: ImportRecord) => {
    client.setQueryData(importKeys.detail(r.id), r)
    void client.invalidateQueries({ queryKey: importKeys.list })
  }

  const active =
    m365 || status === 'done'
      ? 4
      : !id
        ? 0
        : status === 'previewed'
          ? 1
          : status === 'running'
            ? 2
            : status
              ? 3
              : 1

  async function commit() {
    if (!id) return
    setCommitting(true)
    try {
      store(await commitImport(id))
    } catch (error) {
      showServerError(error, undefined, 'Could not start the import')
    } finally {
      setCommitting(false)
    }
  }

  async function recheckSkipping() {
    if (!file) return
    setRechecking(true)
    try {
      const r = await uploadPortfolio(file, { asOf: record.data?.result?.asOf, skipInvalid: true }, () => {})
      store(r)
      open(r.id, true)
    } catch (error) {
      showServerError(error, undefined, 'Could not check the file again')
    } finally {
      setRechecking(false)
    }
  }

  let body: React.ReactNode
  if (m365) body = <M365ResultCard result={m365} onRestart={() => open(null)} />
  else if (!id)
    body = (
      <UploadCard
        onPreviewed={(r, f, skip) => {
          setFile(f)
          store(r)
          open(r.id, skip)
        }}
        onKindChange={setKind}
        onM365={(result) => {
          setM365(result)
          void client.invalidateQueries({ queryKey: importKeys.list })
          void client.invalidateQueries({ queryKey: ['customers'] })
          void client.invalidateQueries({ queryKey: ['health'] })
        }}
      />
    )
  else if (record.isPending) body = <Skeleton h={360} />
  else if (record.isError) body = <QueryError error={record.error} onRetry={() => record.refetch()} />
  else if (record.data.status === 'previewed')
    body = (
      <PreviewCard
        record={record.data}
        skipInvalid={skipInvalid}
        committing={committing || rechecking}
        onCommit={commit}
        onRestart={() => open(null)}
        onRetrySkipping={file && !skipInvalid ? recheckSkipping : undefined}
      />
    )
  else if (record.data.m365) body = <M365ResultCard result={record.data.m365} onRestart={() => open(null)} />
  else body = <RunCard record={record.data} onRestart={() => open(null)} />

  return (
    <>
      <PageHeader
        title="Import"
        description="Load a portfolio export or a Microsoft 365 usage report. Portfolio files get a dry run first: nothing is written until you commit."
      />
      <Stack gap="lg">
        {!m365 && (kind === 'portfolio' || id) && (
          <Stepper active={active} size="sm" allowNextStepsSelect={false} aria-label="Import steps">
            <Stepper.Step label="Choose a file" description="CSV or XLSX" />
            <Stepper.Step label="Preview" description="Mapping, counts, problems" />
            <Stepper.Step label="Commit" description="Write to Trellis" />
            <Stepper.Step label="Done" description="Result" />
          </Stepper>
        )}
        {body}
        <ImportHistory onOpen={(next) => open(next)} currentId={id} />
      </Stack>
    </>
  )
}
