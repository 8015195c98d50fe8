import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageLoader } from '../../components/PageLoader.js';
import { TypeBadge } from './labels.js';
import { useContributions } from './queries.js';

/** For a programme indicator: the project indicators that roll up into it, each linked to its sheet and its project. */
export function ContributionsCard({ indicatorId }: { indicatorId: string }) {
  const { t } = useTranslation('results');
  const contributions = useContributions(indicatorId);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="contributions-title" data-testid="contributions">
      <Title order={3} id="contributions-title" mb={4}>
        {t('contributions.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('contributions.help')}
      </Text>
      {contributions.isPending ? (
        <PageLoader />
      ) : contributions.error ? (
        <ErrorAlert error={contributions.error} />
      ) : contributions.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('contributions.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm" verticalSpacing={6} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contributions.project')}</Table.Th>
                <Table.Th>{t('contributions.indicator')}</Table.Th>
                <Table.Th>{t('indicator.type')}</Table.Th>
                <Table.Th>{t('indicator.unit')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contributions.data.items.map(({ indicator: i, project: p }) => (
                <Table.Tr key={i.id} data-testid="contribution-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/projects/${p.id}/framework`} size="sm" fw={600} ff="monospace" dir="ltr">
                      {p.code}
                    </Anchor>
                    <Text size="xs" c="dimmed" dir="auto">
                      {p.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/indicators/${i.id}`} size="sm" fw={600} ff="monospace" dir="ltr">
                      {i.code}
                    </Anchor>
                    <Text size="xs" dir="auto">
                      {i.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <TypeBadge type={i.type} />
                  </Table.Td>
                  <Table.Td>{i.unit || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
