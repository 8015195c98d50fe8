import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ProgrammePage, ProjectPage } from '@shared/schemas/index.js';
import { api } from '../../api/client.js';
import { useCurrentUser } from '../auth/session.js';
import { MembershipBadge } from '../../components/MembershipBadge.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatDate, formatNumber } from '../../lib/format.js';

// Reporting work is its own chunk (with its texts): the home page is on the sign-in path and stays light.
const YourReporting = lazy(() => import('./YourReporting.js'));
const ExpendituresAwaiting = lazy(() => import('./ExpendituresAwaiting.js'));

/** Where everyone lands: their reporting work, what they can reach and in which roles. */
export default function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const programmes = useQuery({
    queryKey: ['programmes', 'list', { home: true }],
    queryFn: () => api<z.infer<typeof ProgrammePage>>('/programmes', { query: { limit: 5 } }),
  });
  const projects = useQuery({
    queryKey: ['projects', 'list', { home: true }],
    queryFn: () => api<z.infer<typeof ProjectPage>>('/projects', { query: { limit: 8 } }),
  });

  return (
    <Stack>
      <PageHeader title={t('home.welcome', { name: user.name.split(' ')[0] })} subtitle={user.organisationName} />
      <Suspense fallback={null}>
        <YourReporting />
      </Suspense>
      <Suspense fallback={null}><ExpendituresAwaiting /></Suspense>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Stat label={t('home.programmes')} value={programmes.data?.total} to="/programmes" />
        <Stat label={t('home.projects')} value={projects.data?.total} to="/projects" />
        <Card withBorder padding="md">
          <Text size="sm" c="dimmed">{t('home.yourRoles')}</Text>
          <Group gap={6} mt={6}>
            {user.memberships.map((m) => (
              <MembershipBadge key={m.id} membership={m} />
            ))}
            {user.memberships.length === 0 && <Text size="sm">{t('home.noRoles')}</Text>}
          </Group>
        </Card>
      </SimpleGrid>
      <Card withBorder padding="md">
        <Title order={4} mb="sm">{t('home.recentProjects')}</Title>
        {projects.data && projects.data.items.length === 0 && <Text c="dimmed">{t('home.noProjects')}</Text>}
        {projects.data && projects.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={500}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('home.project')}</Table.Th>
                  <Table.Th>{t('home.programme')}</Table.Th>
                  <Table.Th>{t('home.ends')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {projects.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Text component={Link} to={`/projects/${p.id}`} c="teal.8" fw={500}>{p.title}</Text>
                      <Text size="xs" c="dimmed">{p.code}</Text>
                    </Table.Td>
                    <Table.Td>{p.programmeName}</Table.Td>
                    <Table.Td>{formatDate(p.endDate)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}

function Stat({ label, value, to }: { label: string; value: number | undefined; to: string }) {
  return (
    <Card withBorder padding="md" component={Link} to={to}>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fz={32} fw={700}>{value === undefined ? '…' : formatNumber(value)}</Text>
    </Card>
  );
}
