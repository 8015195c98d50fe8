import { Alert, Badge, Card, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { GeneratedReport } from '@shared/schemas/index.js';
import { formatDateTime } from '../../lib/format.js';
import { languageName, PeriodText, ReportStatusBadge, UntranslatedBadge } from './labels.js';
import { inProgress, type ReportScopeRef } from './queries.js';
import { ReportActions } from './ReportActions.js';
import { ReportFiles } from './ReportFiles.js';
import { ReportFailure, ReportProgress } from './ReportProgress.js';

/**
 * The reports made for a project, programme or country, newest first. Everyone who sees the scope
 * sees the list and downloads finished reports; managers also regenerate and delete.
 */
export function ReportHistory({ reports, scope, caption, canManage }: { reports: GeneratedReport[]; scope: ReportScopeRef; caption: string; canManage: boolean }) {
  const { t } = useTranslation('reports');
  if (reports.length === 0) {
    return (
      <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="no-reports">
        {canManage ? t('history.emptyManager') : t('history.empty')}
      </Alert>
    );
  }
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="sm" data-testid="reports-table">
          <caption>
            <VisuallyHidden>{caption}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('history.report')}</Table.Th>
              <Table.Th>{t('history.period')}</Table.Th>
              <Table.Th>{t('history.created')}</Table.Th>
              <Table.Th>{t('history.status')}</Table.Th>
              <Table.Th>{t('history.files')}</Table.Th>
              {canManage && (
                <Table.Th>
                  <VisuallyHidden>{t('history.actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reports.map((r) => (
              <ReportRow key={r.id} report={r} scope={scope} canManage={canManage} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function ReportRow({ report: r, scope, canManage }: { report: GeneratedReport; scope: ReportScopeRef; canManage: boolean }) {
  const { t } = useTranslation('reports');
  return (
    <Table.Tr data-testid="report-row" data-report-id={r.id} data-status={r.status} style={{ verticalAlign: 'top' }}>
      <Table.Td maw={380}>
        <Stack gap={4}>
          <Text fw={600} size="sm" dir="auto" data-testid="report-title">
            {r.title}
          </Text>
          <Text size="xs" c="dimmed">
            {t('history.templateVersion', { name: r.templateName, version: r.templateVersion })} · {languageName(r.language)}
            {r.agreementNumber && (
              <>
                {' · '}
                {t('history.agreement')} <bdi>{r.agreementNumber}</bdi>
              </>
            )}
          </Text>
          <Group gap={6}>
            <UntranslatedBadge count={r.untranslatedCount} language={r.language} />
            {r.regeneratedFrom && (
              <Badge variant="outline" color="gray" size="sm" tt="none">
                {t('history.regenerated')}
              </Badge>
            )}
          </Group>
        </Stack>
      </Table.Td>
      <Table.Td>
        <PeriodText start={r.periodStart} end={r.periodEnd} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(r.createdAt)}
        </Text>
        {r.createdByName && (
          <Text size="xs" c="dimmed">
            {t('history.createdBy', { name: r.createdByName })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {inProgress(r) ? (
          <Stack gap={4}>
            <ReportStatusBadge status={r.status} />
            <ReportProgress report={r} scope={scope} />
          </Stack>
        ) : r.status === 'failed' ? (
          <Stack gap={4}>
            <ReportStatusBadge status={r.status} />
            <ReportFailure report={r} />
          </Stack>
        ) : (
          <ReportStatusBadge status={r.status} />
        )}
      </Table.Td>
      <Table.Td>{r.status === 'done' ? <ReportFiles report={r} /> : <Text size="sm" c="dimmed">—</Text>}</Table.Td>
      {canManage && (
        <Table.Td>
          <ReportActions report={r} scope={scope} />
        </Table.Td>
      )}
    </Table.Tr>
  );
}
