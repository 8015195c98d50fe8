import { Alert, Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatNumber } from '../../lib/format.js';
import { downloadFromApi } from '../framework-excel/download.js';
import { openDataPaths, openDataQueries, useStartValuesExport } from './queries.js';

/**
 * "Values as Excel": starts the export job as soon as it opens, follows it once a second with a
 * progress bar and the server's note (already in the user's language), and downloads the workbook
 * when it is done. Closing the dialog does not stop the job; it simply stops following it.
 */
export default function ValuesExportDialog({ projectId, projectCode, onClose }: { projectId: string; projectCode: string; onClose: () => void }) {
  const { t } = useTranslation('openData');
  const start = useStartValuesExport(projectId);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start.mutate({ format: 'xlsx' });
  }, [start]);

  return (
    <Modal opened onClose={onClose} title={t('excel.title')} size="md" data-testid="values-export-dialog">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('excel.intro')}
        </Text>
        {start.error ? <ErrorAlert error={start.error} /> : start.data ? <Follow job={start.data} fileName={`fieldbook-values-${projectCode}.xlsx`} /> : <Bar percent={0} note={t('excel.starting')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Follow({ job: queued, fileName }: { job: Job; fileName: string }) {
  const { t } = useTranslation('openData');
  const query = useQuery({ ...openDataQueries.job(queued.id), placeholderData: queued });
  const job = query.data ?? queued;
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const downloaded = useRef(false);
  const download = () => {
    setDownloadError(null);
    if (job.downloadUrl) downloadFromApi(openDataPaths.jobFile(job.downloadUrl), fileName).catch(setDownloadError);
  };
  // Once done, the file is saved without another click.
  useEffect(() => {
    if (job.status === 'done' && job.downloadUrl && !downloaded.current) {
      downloaded.current = true;
      download();
    }
  });

  if (job.status === 'failed') {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} title={t('excel.failed')} data-testid="values-export-failed">
        {job.error?.message}
      </Alert>
    );
  }
  if (job.status === 'done') {
    return (
      <Stack gap="xs" data-testid="values-export-done">
        <Bar percent={100} note={t('excel.done', { rows: formatNumber(Number(job.result?.rows ?? 0)) })} done />
        {downloadError ? <ErrorAlert error={downloadError} /> : null}
        <Group>
          <Button leftSection={<IconDownload size={16} />} onClick={download} variant="light">
            {t('excel.downloadAgain')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <Bar percent={job.status === 'queued' ? 0 : job.progress} note={job.status === 'queued' ? t('excel.queued') : job.progressNote || t('excel.running')} />
      {query.error ? (
        <Text size="xs" c="orange.8" role="status">
          {t('excel.pollFailed')}
        </Text>
      ) : null}
    </Stack>
  );
}

function Bar({ percent, note, done = false }: { percent: number; note: string; done?: boolean }) {
  const { t } = useTranslation('openData');
  return (
    <Stack gap={4} data-testid="values-export-progress">
      <Progress value={percent} size="lg" animated={!done} striped={!done} color={done ? 'teal' : undefined} aria-label={t('excel.progress')} aria-valuetext={`${formatNumber(percent)} % · ${note}`} />
      <Text size="sm" aria-live="polite">
        <bdi>{formatNumber(percent)} %</bdi> · {note}
      </Text>
    </Stack>
  );
}
