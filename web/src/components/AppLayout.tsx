import { AppShell, Avatar, Burger, Group, Menu, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconHome, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { agreementsNav } from '../features/agreements/nav.js';
import { adminNav } from '../features/admin/nav.js';
import { useCurrentUser, useSignOut, useUpdateMe } from '../features/auth/session.js';
import { libraryNav } from '../features/library/nav.js';
import { ipttNav } from '../features/monitoring/iptt/nav.js';
import { pivotNav } from '../features/monitoring/pivot/nav.js';
import { projectsNav } from '../features/projects/nav.js';
import { reportsNav } from '../features/reports/nav.js';
import { reportTemplatesNav } from '../features/report-templates/nav.js';
import { LanguageMenu } from './LanguageMenu.js';
import type { NavItem } from './nav.js';
import { PageLoader } from './PageLoader.js';

const homeNav: NavItem = { to: '/', label: 'common:nav.home', icon: IconHome, section: 'main' };
const allNav: NavItem[] = [homeNav, ...projectsNav, ...ipttNav, ...reportsNav, ...reportTemplatesNav, ...agreementsNav, ...pivotNav, ...libraryNav, ...adminNav];

/** The signed-in frame: header with language and user menus, sidebar navigation, and the page. */
export function AppLayout() {
  const { t } = useTranslation(['common', 'projects', 'library', 'admin']);
  const user = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const updateMe = useUpdateMe();
  const items = allNav.filter((n) => !n.visible || n.visible(user));
  const isActive = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname.startsWith(to));

  const link = (n: NavItem) => (
    <NavLink
      key={n.to}
      component={Link}
      to={n.to}
      label={t(n.label)}
      leftSection={<n.icon size={18} />}
      active={isActive(n.to)}
      onClick={close}
    />
  );

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.menu')} />
            <UnstyledButton component={Link} to="/" aria-label="Fieldbook">
              <Group gap={8} wrap="nowrap">
                <img src="/favicon.svg" alt="" width={26} height={26} />
                <Text fw={700} size="lg">Fieldbook</Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageMenu onChange={(locale) => updateMe.mutate({ locale })} />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton data-testid="user-menu" aria-label={t('shell.account')}>
                  <Group gap={6} wrap="nowrap">
                    <Avatar size={30} radius="xl" color="teal">{initials(user.name)}</Avatar>
                    <Text size="sm" visibleFrom="sm">{user.name}</Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user.organisationName}</Menu.Label>
                <Menu.Item leftSection={<IconUserCircle size={16} />} component={Link} to="/profile">
                  {t('shell.profile')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconLogout size={16} />}
                  data-testid="sign-out"
                  onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in') })}
                >
                  {t('shell.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('shell.navigation')}>
        <ScrollArea>
          {items.filter((n) => n.section !== 'admin').map(link)}
          {items.some((n) => n.section === 'admin') && (
            <Text size="xs" c="dimmed" fw={700} tt="uppercase" mt="md" mb={4} px="sm">
              {t('nav.administration')}
            </Text>
          )}
          {items.filter((n) => n.section === 'admin').map(link)}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
