import { AppError } from '#shared/errors'

/** Exit codes of every command (docs/imports.md). */
export const Exit = {
  ok: 0,
  /** The file had invalid rows (nothing imported, or some skipped with --skip-invalid: see below). */
  invalidRows: 1,
  /** `seed`: the database already holds a portfolio (nothing written). */
  notEmpty: 1,
  /** `digest send`: some e-mails failed (recorded; the others were sent). */
  sendFailed: 1,
  /** The file cannot be used, the arguments are wrong, or the database or user cannot be used. */
  unusable: 2,
  /** Something failed on our side (a bug): the message says what. */
  internal: 3,
} as const

/** A problem the user can fix: printed as is, exits with `code`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = Exit.unusable,
    readonly errorCode = 'VALIDATION',
  ) {
    super(message)
  }
}

/** Exit code for an error thrown by a service or the database. */
export function exitCodeOf(err: unknown): number {
  if (err instanceof CliError) return err.code
  if (err instanceof AppError) return err.code === 'INTERNAL' ? Exit.internal : Exit.unusable
  return Exit.internal
}
