import { Alert, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { GeneratedReport } from '@shared/schemas/index.js';
import { formatNumber } from '../../lib/format.js';
import { useReportProgress, type ReportScopeRef } from './queries.js';

/**
 * The bar of a report being made. It asks for the report once a second and hands each answer to
 * the history, which shows the downloads once the job is done. A failed poll is shown, and retried.
 */
export function ReportProgress({ report: initial, scope }: { report: GeneratedReport; scope: ReportScopeRef }) {
  const { t } = useTranslation('reports');
  const { report, error } = useReportProgress(initial, scope);
  const percent = report.status === 'queued' ? 0 : (report.job?.progress ?? 0);
  const note = report.status === 'queued' ? t('progress.queued') : report.job?.progressNote || t('status.running');
  return (
    <Stack gap={4} miw={160} data-testid="report-progress">
      <Progress
        value={percent}
        size="md"
        animated
        striped
        aria-label={t('progress.label', { title: report.title })}
        aria-valuetext={`${formatNumber(percent)} % · ${note}`}
      />
      <Text size="xs" c="dimmed" aria-live="polite">
        <bdi>{formatNumber(percent)} %</bdi> · {note}
      </Text>
      {error && (
        <Text size="xs" c="orange.8" role="status">
          {t('progress.pollFailed')}
        </Text>
      )}
    </Stack>
  );
}

/** What went wrong, in the reader's language (the job's error message comes translated from the server). */
export function ReportFailure({ report }: { report: GeneratedReport }) {
  const { t } = useTranslation('reports');
  return (
    <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} title={t('failed.title')} data-testid="report-error" maw={360}>
      <Text size="xs" dir="auto">
        {report.job?.error?.message || t('failed.unknown')}
      </Text>
    </Alert>
  );
}
