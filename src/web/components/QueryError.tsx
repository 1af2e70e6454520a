import { Alert, type AlertProps, Button } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { AppError } from '#shared/errors'

type Props = Omit<AlertProps, 'children'> & { error: unknown; onRetry?: () => void }

/** A failed load: what went wrong and a way to try again. */
export function QueryError({ error, onRetry, ...props }: Props) {
  const notFound = error instanceof AppError && error.code === 'NOT_FOUND'
  return (
    <Alert
      color={notFound ? 'gray' : 'red'}
      icon={<IconAlertTriangle size={18} />}
      title={notFound ? 'Not found' : 'Could not load this'}
      {...props}
    >
      {notFound
        ? 'It does not exist, or it is outside your portfolio.'
        : error instanceof Error
          ? error.message
          : 'Something went wrong.'}
      {onRetry && !notFound && (
        <Button size="xs" variant="light" color="red" mt="sm" display="block" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  )
}
