import { Box, Flex, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'
import { IconChartLine, IconFileImport, IconUsersGroup } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { Logo } from '../../components/Logo'

const points = [
  { icon: IconUsersGroup, text: 'Every partner, its stakeholders and its customers in one place' },
  { icon: IconChartLine, text: 'Licensed vs active users per workload, month after month' },
  { icon: IconFileImport, text: 'Portal exports and Microsoft 365 reports imported with a dry run' },
]

/** The two-pane frame of the sign-in and setup pages. */
export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string
  subtitle: string
  children: ReactNode
}) {
  useDocumentTitle(`${title} · Trellis`)
  return (
    <Flex mih="100vh">
      <Box
        visibleFrom="md"
        w="44%"
        p={56}
        style={{
          background:
            'linear-gradient(160deg, var(--mantine-color-trellis-9) 0%, var(--mantine-color-trellis-7) 55%, var(--mantine-color-teal-6) 100%)',
        }}
      >
        <Stack justify="space-between" h="100%">
          <Logo inverted />
          <Stack gap="lg" maw={440}>
            <Title order={2} c="white" fz={32} lh={1.2}>
              The cockpit for FastTrack partner managers
            </Title>
            <List spacing="md" c="white" center>
              {points.map(({ icon: Icon, text }) => (
                <List.Item
                  key={text}
                  icon={
                    <ThemeIcon variant="white" size={30} radius="xl">
                      <Icon size={17} />
                    </ThemeIcon>
                  }
                >
                  <Text c="white" opacity={0.92}>
                    {text}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Stack>
          <Text c="white" opacity={0.6} fz="xs">
            Portfolio · Health · Rhythm of business · Scorecard
          </Text>
        </Stack>
      </Box>
      <Flex flex={1} align="center" justify="center" p="xl">
        <Paper w="100%" maw={400} p={0} bg="transparent">
          <Box hiddenFrom="md" mb="xl">
            <Logo />
          </Box>
          <Title order={1} fz={26} mb={4}>
            {title}
          </Title>
          <Text c="dimmed" mb="xl">
            {subtitle}
          </Text>
          {children}
        </Paper>
      </Flex>
    </Flex>
  )
}
