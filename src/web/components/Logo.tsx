import { Group, Text, ThemeIcon } from '@mantine/core'
import { IconPlant2 } from '@tabler/icons-react'

export function Logo({ inverted = false }: { inverted?: boolean }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={30} radius="md" variant={inverted ? 'white' : 'filled'} aria-hidden>
        <IconPlant2 size={19} />
      </ThemeIcon>
      <Text fw={750} fz={19} c={inverted ? 'white' : undefined} style={{ letterSpacing: -0.3 }}>
        Trellis
      </Text>
    </Group>
  )
}
