import { Button, EmptyState, Table } from '@mantine/core'
import type { ReactNode } from 'react'

type Props = {
  columns: number
  icon: ReactNode
  title: string
  description?: ReactNode
  action?: { label: string; onClick: () => void }
}

/** An empty table body: what is missing and what to do about it. */
export function EmptyRows({ columns, icon, title, description, action }: Props) {
  return (
    <Table.Tbody>
      <Table.Tr>
        <Table.Td colSpan={columns} py={48}>
          <EmptyState icon={icon} title={title} description={description} withIndicatorBackground size="sm">
            {action && (
              <EmptyState.Actions>
                <Button variant="light" size="xs" onClick={action.onClick}>
                  {action.label}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        </Table.Td>
      </Table.Tr>
    </Table.Tbody>
  )
}
