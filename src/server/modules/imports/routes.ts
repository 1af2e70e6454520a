import type { MultipartFile } from '@fastify/multipart'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { idParam, isoDate } from '#shared/contracts/common'
import { importList, importRecord, m365ImportResult } from '#shared/contracts/imports'
import { AppError } from '#shared/errors'
import { importsService } from './service'
import { removeUpload, type StoredUpload, storeUpload } from './uploads'

/** Reads a multipart request: the one `file` part streamed to disk, and the text fields. */
export async function readUpload(
  req: FastifyRequest,
): Promise<{ file: StoredUpload; fields: Record<string, string> }> {
  if (!req.isMultipart()) {
    throw new AppError('VALIDATION', 'Send the file as multipart/form-data with a part named "file"')
  }
  const fields: Record<string, string> = {}
  let file: StoredUpload | null = null
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const f = part as MultipartFile
        if (f.fieldname !== 'file' || file) {
          f.file.resume()
          continue
        }
        file = await storeUpload(f.file, f.filename || 'upload')
        if (f.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', 'The file is too large to import')
      } else {
        fields[part.fieldname] = String(part.value ?? '')
      }
    }
  } catch (err) {
    await removeUpload(file?.path)
    throw err
  }
  if (!file) throw new AppError('VALIDATION', 'Attach the file in a part named "file"')
  if (file.bytes === 0) {
    await removeUpload(file.path)
    throw new AppError('INVALID_FILE', 'The file is empty.')
  }
  return { file, fields }
}

const portfolioFields = z.object({
  asOf: isoDate.optional(),
  skipInvalid: z.enum(['true', 'false']).default('false'),
})
const m365Fields = z.object({
  customer: z.string().trim().min(1, 'Give the customer TPID in the field "customer"'),
})

function parseFields<T extends z.ZodTypeAny>(schema: T, fields: Record<string, string>): z.infer<T> {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')))
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message }))
  throw new AppError('VALIDATION', issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), issues)
}

const multipart = { consumes: ['multipart/form-data'] }

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = importsService(app.ctx.database, {
    logError: (err, message) => app.log.error({ err }, message),
  })
  // PGlite is one process: an import still "running" in the database was cut short by a stop.
  if (app.ctx.database.kind === 'pglite') await service.markInterrupted()
  const tags = ['imports']

  app.post(
    '/imports/portfolio',
    {
      schema: {
        tags,
        summary: 'Upload a portfolio file (CSV or XLSX) and preview its import',
        description:
          'multipart/form-data with a part `file` and optional fields `asOf` (YYYY-MM-DD: date of the usage snapshots; default today) and `skipInvalid` ("true" imports the valid rows and lists the rest). Runs a dry run: the answer lists the column mapping, unknown columns, counts and every problem (row, column, value, reason). Nothing is written until POST /api/imports/{id}/commit. Columns: docs/imports.md.',
        ...multipart,
        response: { 201: importRecord },
      },
    },
    async (req, reply) => {
      const actor = req.actor()
      service.assertCanImport(actor)
      const { file, fields } = await readUpload(req)
      let opts: z.infer<typeof portfolioFields>
      try {
        opts = parseFields(portfolioFields, fields)
      } catch (err) {
        await removeUpload(file.path)
        throw err
      }
      const record = await service.previewPortfolio(actor, file, {
        asOf: opts.asOf,
        skipInvalid: opts.skipInvalid === 'true',
      })
      return reply.status(201).send(record)
    },
  )

  app.post(
    '/imports/:id/commit',
    {
      schema: {
        tags,
        summary: 'Import a previewed file (runs in the background)',
        description:
          'Answers 202 with status "running"; poll GET /api/imports/{id} for rowsProcessed. Ends "done", "rejected" (invalid rows: nothing written) or "failed".',
        params: idParam,
        response: { 202: importRecord },
      },
    },
    async (req, reply) => reply.status(202).send(await service.commitPortfolio(req.actor(), req.params.id)),
  )

  app.get(
    '/imports',
    {
      schema: {
        tags,
        summary: 'Your imports, newest first (an admin sees everyone’s)',
        response: { 200: importList },
      },
    },
    async (req) => service.list(req.actor()),
  )

  app.get(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: 'An import with its progress and result',
        params: idParam,
        response: { 200: importRecord },
      },
    },
    async (req) => service.get(req.actor(), req.params.id),
  )

  app.post(
    '/imports/m365-active-users',
    {
      schema: {
        tags,
        summary: 'Import a Microsoft 365 "Office 365 active user detail" report for a customer',
        description:
          'multipart/form-data with a part `file` (the report as exported from the admin center or Graph getOffice365ActiveUserDetail, CSV) and the field `customer` (TPID). Stores licensed and active users per workload as the customer’s usage snapshots on the report’s refresh date.',
        ...multipart,
        response: { 200: m365ImportResult },
      },
    },
    async (req) => {
      const actor = req.actor()
      service.assertCanImport(actor)
      const { file, fields } = await readUpload(req)
      try {
        const { customer } = parseFields(m365Fields, fields)
        return await service.importM365ActiveUsers(actor, file, customer)
      } finally {
        await removeUpload(file.path)
      }
    },
  )
}
