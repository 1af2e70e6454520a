/**
 * One error model for server, web and CLI. Services throw AppError; the server's error handler
 * maps the code to an HTTP status with the table below and answers `{ error: { code, message, issues? } }`.
 */
export const AppErrorCode = {
  VALIDATION: 'VALIDATION',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID_FILE: 'INVALID_FILE',
  /** The request is well formed but there is no data for it (e.g. an MBR for a month without snapshots). */
  NO_DATA: 'NO_DATA',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  DATABASE_BUSY: 'DATABASE_BUSY',
  INTERNAL: 'INTERNAL',
} as const
export type AppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode]

export const statusByCode: Record<AppErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_FILE: 422,
  NO_DATA: 422,
  PAYLOAD_TOO_LARGE: 413,
  DATABASE_BUSY: 503,
  INTERNAL: 500,
}

/** A field-level problem: where (path, or row + column for files) and why. */
export type Issue = {
  path?: (string | number)[]
  row?: number
  column?: string
  value?: string
  message: string
}

export type ErrorBody = { error: { code: AppErrorCode; message: string; issues?: Issue[] } }

export class AppError extends Error {
  readonly code: AppErrorCode
  readonly issues?: Issue[]

  constructor(code: AppErrorCode, message: string, issues?: Issue[]) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.issues = issues
  }

  get status(): number {
    return statusByCode[this.code]
  }

  toJSON(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) },
    }
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what} not found`)
  }

  static isErrorBody(value: unknown): value is ErrorBody {
    return (
      typeof value === 'object' &&
      value !== null &&
      'error' in value &&
      typeof (value as ErrorBody).error?.code === 'string'
    )
  }

  static fromBody(body: ErrorBody): AppError {
    return new AppError(body.error.code, body.error.message, body.error.issues)
  }
}
