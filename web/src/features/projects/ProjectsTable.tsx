import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProjectSummary } from '@shared/schemas/index.js';
import { formatDate } from '../../lib/format.js';
import { organisationLabel, ProjectStatusBadge, useCountryName } from './labels.js';

/** Projects as rows; scrolls sideways on a phone rather than squeezing the columns. */
export function ProjectsTable({ items, showProgramme = true }: { items: ProjectSummary[]; showProgramme?: boolean }) {
  const { t } = useTranslation('projects');
  const countryName = useCountryName();
  return (
    <Table.ScrollContainer minWidth={showProgramme ? 1040 : 880}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="projects-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.code')}</Table.Th>
            <Table.Th>{t('fields.title')}</Table.Th>
            {showProgramme && <Table.Th>{t('fields.programme')}</Table.Th>}
            <Table.Th>{t('fields.countries')}</Table.Th>
            <Table.Th>{t('fields.leadOrganisation')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
            <Table.Th>{t('fields.dates')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" ff="monospace">
                  {p.code}
                </Text>
              </Table.Td>
              <Table.Td maw={340}>
                <Anchor component={Link} to={`/projects/${p.id}`} fw={500} size="sm">
                  {p.title}
                </Anchor>
              </Table.Td>
              {showProgramme && (
                <Table.Td maw={240}>
                  <Anchor component={Link} to={`/programmes/${p.programmeId}`} size="sm" c="inherit">
                    {p.programmeName}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm">{p.countries.map(countryName).join(', ') || '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" title={organisationLabel(p.leadOrganisation)}>
                  {p.leadOrganisation.acronym ?? p.leadOrganisation.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <ProjectStatusBadge status={p.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">
                  {formatDate(p.startDate)} – {formatDate(p.endDate)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
