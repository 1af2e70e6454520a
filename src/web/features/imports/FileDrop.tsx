import { Button, CloseButton, FileButton, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react'
import { useState } from 'react'
import { formatBytes } from '../../lib/format'

type Props = {
  file: File | null
  onChange: (file: File | null) => void
  accept: string
  hint: string
  error?: string
  disabled?: boolean
}

/** Drop a file here or pick one with the (keyboard-reachable) button. */
export function FileDrop({ file, onChange, accept, hint, error, disabled }: Props) {
  const [over, setOver] = useState(false)
  return (
    <Stack gap={4}>
      <Paper
        withBorder
        p="lg"
        radius="md"
        onDragOver={(e) => {
          e.preventDefault()
          if (!disabled) setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault()
          setOver(false)
          const dropped = e.dataTransfer.files[0]
          if (dropped && !disabled) onChange(dropped)
        }}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: error
            ? 'var(--mantine-color-red-6)'
            : over
              ? 'var(--mantine-color-trellis-6)'
              : 'var(--mantine-color-gray-4)',
          background: over ? 'var(--mantine-color-trellis-0)' : 'var(--mantine-color-gray-0)',
          transition: 'background 120ms, border-color 120ms',
        }}
      >
        {file ? (
          <Group justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon size={40} variant="light" radius="md">
                <IconFileSpreadsheet size={22} />
              </ThemeIcon>
              <Stack gap={0}>
                <Text fw={600} fz="sm" data-testid="chosen-file">
                  {file.name}
                </Text>
                <Text fz="xs" c="dimmed">
                  {formatBytes(file.size)}
                </Text>
              </Stack>
            </Group>
            {!disabled && <CloseButton aria-label="Remove the file" onClick={() => onChange(null)} />}
          </Group>
        ) : (
          <Group justify="center" gap="lg" py="md">
            <ThemeIcon size={48} variant="light" radius="xl" color="gray">
              <IconUpload size={24} />
            </ThemeIcon>
            <Stack gap={4}>
              <Text fw={600}>Drop the file here</Text>
              <Text fz="sm" c="dimmed">
                {hint}
              </Text>
            </Stack>
            <FileButton onChange={onChange} accept={accept} disabled={disabled}>
              {(props) => (
                <Button variant="default" {...props}>
                  Choose file
                </Button>
              )}
            </FileButton>
          </Group>
        )}
      </Paper>
      {error && (
        <Text fz="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  )
}
