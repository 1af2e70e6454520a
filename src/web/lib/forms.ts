import { notifications } from '@mantine/notifications'
import type { z } from 'zod'
import { AppError } from '#shared/errors'

type FormErrors = Record<string, string>

/**
 * Validates form values with a shared contract: `toBody` turns the form's values (strings from inputs)
 * into the request body, and every Zod issue lands on the field its path names.
 */
export function contractValidator<V>(schema: z.ZodType, toBody: (values: V) => unknown) {
  return (values: V): FormErrors => {
    const parsed = schema.safeParse(toBody(values))
    if (parsed.success) return {}
    const errors: FormErrors = {}
    for (const issue of parsed.error.issues) {
      const key = issue.path.length ? String(issue.path[0]) : 'root'
      errors[key] ??= issue.message
    }
    return errors
  }
}

type FormLike = { setFieldError: (path: string, error: string) => void; values: object }
/** The form field an issue's path belongs to, or undefined when none does. */
export type FieldOf = (path: readonly PropertyKey[]) => string | undefined

/**
 * Shows a server error: issues whose path names a field of the form go next to that field,
 * everything else becomes a notification. By default the field is the path's first element;
 * forms with nested values pass `fieldOf`.
 */
export function showServerError(
  error: unknown,
  form?: FormLike,
  title = 'Could not save',
  fieldOf?: FieldOf,
): void {
  if (error instanceof AppError && error.code === 'UNAUTHENTICATED') return
  let placed = 0
  if (form && error instanceof AppError && error.issues?.length) {
    for (const issue of error.issues) {
      const first = issue.path?.[0]
      const field = fieldOf
        ? fieldOf(issue.path ?? [])
        : first !== undefined && String(first) in form.values
          ? String(first)
          : undefined
      if (field !== undefined) {
        form.setFieldError(field, issue.message)
        placed++
      }
    }
  }
  if (placed > 0 && error instanceof AppError && placed === error.issues?.length) return
  notifications.show({
    color: 'red',
    title,
    message: error instanceof Error ? error.message : 'Something went wrong',
  })
}

export function notifySaved(message: string): void {
  notifications.show({ color: 'teal', message })
}

/** Empty input → null, otherwise the number. */
export const toId = (value: string | null | undefined) => (value ? Number(value) : null)
export const fromId = (value: number | null | undefined) =>
  value === null || value === undefined ? null : String(value)

/** After a failed validation, put the cursor in the first field that needs attention. */
export function focusFirstError(): void {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('form [aria-invalid="true"]')
    field?.focus()
    field?.scrollIntoView({ block: 'center' })
  })
}
