import {
  Anchor,
  AppShell,
  Avatar,
  Burger,
  Group,
  Kbd,
  Loader,
  Menu,
  NavLink,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import {
  IconAlertTriangle,
  IconBuildingCommunity,
  IconBuildingStore,
  IconBulb,
  IconCalendarWeek,
  IconChecklist,
  IconChevronDown,
  IconDoorExit,
  IconFileImport,
  IconLayoutDashboard,
  IconListCheck,
  IconLogout,
  IconMoodSmile,
  IconSettings,
  IconSpeakerphone,
  IconTargetArrow,
  IconUsers,
} from '@tabler/icons-react'
import { Suspense, useEffect } from 'react'
import { Link, Outlet, useLocation, useNavigate } from 'react-router'
import { roleLabel } from '#shared/domain/roles'
import { Logo } from '../components/Logo'
import { usePermissions, useSignOut } from '../features/auth/session'

function initials(name: string) {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase())
    .join('')
}

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure()
  const { user, canImport, isAdmin } = usePermissions()
  const signOut = useSignOut()
  const navigate = useNavigate()
  const { pathname } = useLocation()

  // Close the mobile navigation after moving to another page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger
  useEffect(() => close(), [pathname, close])

  // The navigation in the order of the job: my work, the portfolio, the program's KPIs, then administration.
  const sections = [
    {
      label: null,
      links: [
        { to: '/dashboard', label: 'Dashboard', icon: IconLayoutDashboard, show: true },
        { to: '/my-week', label: 'My week', icon: IconCalendarWeek, show: true },
      ],
    },
    {
      label: 'Portfolio',
      links: [
        { to: '/partners', label: 'Partners', icon: IconBuildingCommunity, show: true },
        { to: '/customers', label: 'Customers', icon: IconBuildingStore, show: true },
        { to: '/opportunities', label: 'Opportunities', icon: IconBulb, show: true },
        { to: '/escalations', label: 'Escalations', icon: IconAlertTriangle, show: true },
      ],
    },
    {
      label: 'Program',
      links: [
        { to: '/scorecard', label: 'Scorecard', icon: IconTargetArrow, show: true },
        { to: '/tasks', label: 'Tasks', icon: IconListCheck, show: true },
        { to: '/compliance', label: 'Data compliance', icon: IconChecklist, show: true },
        { to: '/nsat', label: 'NSAT', icon: IconMoodSmile, show: true },
        { to: '/insights', label: 'Insights & Spotlights', icon: IconSpeakerphone, show: true },
        { to: '/offboarding', label: 'Offboarding', icon: IconDoorExit, show: true },
      ],
    },
    {
      label: 'Administration',
      links: [
        { to: '/import', label: 'Import', icon: IconFileImport, show: canImport },
        { to: '/users', label: 'Users', icon: IconUsers, show: isAdmin },
        { to: '/settings', label: 'Settings', icon: IconSettings, show: isAdmin },
      ],
    },
  ]
    .map((section) => ({ ...section, links: section.links.filter((l) => l.show) }))
    .filter((section) => section.links.length > 0)

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <Anchor href="#main" className="skip-link">
        Skip to content
      </Anchor>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <UnstyledButton component={Link} to="/dashboard" aria-label="Trellis home">
              <Logo />
            </UnstyledButton>
          </Group>
          <Menu position="bottom-end" width={220} shadow="md">
            <Menu.Target>
              <UnstyledButton aria-label={`Account of ${user.displayName}`} data-testid="user-menu">
                <Group gap="xs" wrap="nowrap">
                  <Avatar color="trellis" radius="xl" size={32}>
                    {initials(user.displayName)}
                  </Avatar>
                  <Stack gap={0} visibleFrom="xs">
                    <Text fz="sm" fw={600} lh={1.2}>
                      {user.displayName}
                    </Text>
                    <Text fz="xs" c="dimmed" lh={1.2}>
                      {roleLabel[user.role]}
                      {user.regionName ? ` · ${user.regionName}` : ''}
                    </Text>
                  </Stack>
                  <IconChevronDown size={14} />
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{user.email}</Menu.Label>
              <Menu.Item
                leftSection={<IconLogout size={16} />}
                onClick={async () => {
                  await signOut()
                  navigate('/login')
                }}
              >
                Sign out
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Main">
        <AppShell.Section grow>
          <Stack gap="xs">
            {sections.map((section) => (
              <Stack gap={2} key={section.label ?? 'work'}>
                {section.label && (
                  <Text
                    fz={11}
                    fw={700}
                    c="dimmed"
                    tt="uppercase"
                    px="sm"
                    pt={4}
                    style={{ letterSpacing: 0.6 }}
                  >
                    {section.label}
                  </Text>
                )}
                {section.links.map(({ to, label, icon: Icon }) => {
                  const active = pathname === to || pathname.startsWith(`${to}/`)
                  return (
                    <NavLink
                      key={to}
                      component={Link}
                      to={to}
                      label={label}
                      active={active}
                      aria-current={active ? 'page' : undefined}
                      leftSection={<Icon size={18} stroke={1.6} />}
                      fw={500}
                      py={6}
                      style={{ borderRadius: 'var(--mantine-radius-md)' }}
                    />
                  )
                })}
              </Stack>
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Text fz="xs" c="dimmed" px="xs" pb="xs">
            Press <Kbd size="xs">/</Kbd> to search a list
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Loader m="xl" aria-label="Loading page" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  )
}
