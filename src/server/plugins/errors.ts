import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { AppError, type Issue } from '#shared/errors'

/** One error shape for every route: `{ error: { code, message, issues? } }`. */
export function registerErrorHandler(app: FastifyInstance, opts: { spaFallback: boolean }): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send(err.toJSON())
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues: Issue[] = err.validation.map((v) => ({
        path: (v.instancePath || '')
          .split('/')
          .filter(Boolean)
          .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        message: v.message ?? 'Invalid value',
      }))
      const where = err.validationContext ?? 'request'
      return reply
        .status(400)
        .send(
          new AppError('VALIDATION', `Invalid ${where}: ${issues.map(describe).join('; ')}`, issues).toJSON(),
        )
    }
    if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.statusCode === 413) {
      return reply.status(413).send(new AppError('PAYLOAD_TOO_LARGE', 'The upload is too large').toJSON())
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(new AppError('VALIDATION', err.message).toJSON())
    }
    request.log.error({ err }, 'unhandled error')
    return reply.status(500).send(new AppError('INTERNAL', 'Something went wrong on our side').toJSON())
  })
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app: any GET outside /api and /assets answers the app shell.
    if (opts.spaFallback && request.method === 'GET' && !/^\/(api|assets)\//.test(request.url)) {
      return reply.type('text/html').sendFile('index.html')
    }
    reply.status(404).send(new AppError('NOT_FOUND', `No route ${request.method} ${request.url}`).toJSON())
  })
}

function describe(issue: Issue): string {
  return issue.path?.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message
}
