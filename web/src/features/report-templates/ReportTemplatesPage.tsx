import { Anchor, Badge, Button, Card, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportTemplateSummary, TemplateOrganisation } from '@shared/schemas/report-templates.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoader } from '../../components/PageLoader.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { useSearchParamsUpdate } from '../../lib/search-params.js';
import { PageError } from '../admin/components/PageError.js';
import { useReportTemplates } from './queries.js';

const orgLabel = (o: TemplateOrganisation) => (o.acronym ? `${o.name} (${o.acronym})` : o.name);

/**
 * `/report-templates`: the templates of every organisation the reader may read, one card per
 * organisation, with their section count and version. "Show archived" is kept in the address.
 */
export default function ReportTemplatesPage() {
  const { t } = useTranslation('reportTemplates');
  const { params, update } = useSearchParamsUpdate();
  const includeArchived = params.get('archived') === '1';
  const list = useReportTemplates(includeArchived);
  const editable = list.data?.organisations.filter((o) => o.canEdit) ?? [];
  const byOrganisation = (list.data?.organisations ?? [])
    .map((o) => ({ organisation: o, items: (list.data?.items ?? []).filter((i) => i.organisationId === o.id) }))
    // Organisations without templates are shown only where the reader could add one (not every organisation to an installation admin).
    .filter((g) => g.items.length > 0 || (g.organisation.canEdit && editable.length <= 3));

  return (
    <Stack>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        actions={
          editable.length > 0 && (
            <Button component={Link} to="/report-templates/new" leftSection={<IconPlus size={16} />} data-testid="new-report-template">
              {t('list.new')}
            </Button>
          )
        }
      />
      <Switch
        label={t('list.showArchived')}
        checked={includeArchived}
        onChange={(e) => update({ archived: e.currentTarget.checked ? '1' : '' })}
        data-testid="show-archived"
      />
      {list.error && <PageError error={list.error} />}
      {list.isPending && <PageLoader />}
      {list.data && editable.length === 0 && (
        <Group gap="xs" c="dimmed">
          <IconInfoCircle size={16} />
          <Text size="sm">{t('list.readOnly')}</Text>
        </Group>
      )}
      {list.data && byOrganisation.length === 0 && <Text c="dimmed">{t('list.empty')}</Text>}
      {byOrganisation.map(({ organisation, items }) => (
        <Card withBorder key={organisation.id} padding="md" data-testid={`templates-of-${organisation.id}`}>
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Title order={3} size="h4">{orgLabel(organisation)}</Title>
            {organisation.canEdit && editable.length > 1 && (
              <Button variant="light" size="xs" component={Link} to={`/report-templates/new?organisationId=${organisation.id}`} leftSection={<IconPlus size={14} />}>
                {t('list.newFor', { name: organisation.acronym ?? organisation.name })}
              </Button>
            )}
          </Group>
          {items.length === 0 ? (
            <Text size="sm" c="dimmed">{t('list.emptyOrganisation')}</Text>
          ) : (
            <TemplateTable items={items} />
          )}
        </Card>
      ))}
    </Stack>
  );
}

function TemplateTable({ items }: { items: ReportTemplateSummary[] }) {
  const { t } = useTranslation('reportTemplates');
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('list.name')}</Table.Th>
            <Table.Th ta="end">{t('list.sections')}</Table.Th>
            <Table.Th ta="end">{t('list.version')}</Table.Th>
            <Table.Th>{t('list.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/report-templates/${i.id}`} fw={500} size="sm">{i.name}</Anchor>
                  {i.archived && <Badge size="xs" color="gray" variant="light">{t('list.archived')}</Badge>}
                </Group>
                {i.description && <Text size="xs" c="dimmed" lineClamp={1} dir="auto">{i.description}</Text>}
              </Table.Td>
              <Table.Td ta="end">{formatNumber(i.sectionCount)}</Table.Td>
              <Table.Td ta="end">{formatNumber(i.version)}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDateTime(i.updatedAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
