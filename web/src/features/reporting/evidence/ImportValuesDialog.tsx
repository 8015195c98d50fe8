import { Anchor, Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionDetail } from '@shared/schemas/index.js';
import { ApiError } from '../../../api/client.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatNumber } from '../../../lib/format.js';
import { downloadFromApi } from '../../framework-excel/download.js';
import { IMPORT_MAX_BYTES, importFormat, sizeParts } from './files.js';
import { ImportValuesCounts } from './ImportValuesCounts.js';
import { ImportValuesProblems } from './ImportValuesProblems.js';
import { useImportValues } from './queries.js';
import { newRequestKey } from './request-key.js';

/** Import a filled template (XLSX) or a CSV of values into the package: check first (nothing written), then import, all or nothing. */
export function ImportValuesDialog({ detail, opened, onClose }: { detail: SubmissionDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('evidence');
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Modal opened={opened} onClose={onClose} title={t('import.title')} size="xl" fullScreen={phone} closeOnClickOutside={false}>
      {opened && <ImportForm detail={detail} onDone={onClose} />}
    </Modal>
  );
}

function ImportForm({ detail, onDone }: { detail: SubmissionDetail; onDone: () => void }) {
  const { t } = useTranslation('evidence');
  const id = detail.submission.id;
  const importer = useImportValues(id);
  const [file, setFile] = useState<File | null>(null);
  /** One key per chosen file: pressing Import again after a lost answer imports it once. */
  const [key, setKey] = useState(newRequestKey);
  const [mode, setMode] = useState<'check' | 'apply'>('check');
  const [missing, setMissing] = useState(false);
  const imported = importer.data && !importer.data.dryRun;
  const error = importer.error;
  const importProblems = error instanceof ApiError && error.code === 'import_failed' ? error : null;
  const outcomeRef = useRef<HTMLDivElement>(null);
  // The answer lands below the file field: bring it into view, a laptop screen cannot show both.
  useEffect(() => {
    if (importer.data || importer.error) outcomeRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [importer.data, importer.error]);

  const kind = file ? importFormat(file) : null;
  const fileError = missing
    ? t('import.chooseFile')
    : file && !kind
      ? t('import.badType')
      : file && file.size > IMPORT_MAX_BYTES
        ? t('import.tooLarge', { size: formatNumber(...sizeParts(file.size)), max: formatNumber(...sizeParts(IMPORT_MAX_BYTES)) })
        : null;

  const choose = (f: File | null) => {
    importer.reset();
    setFile(f);
    setMissing(false);
    setKey(newRequestKey());
  };

  const run = (dryRun: boolean) => {
    if (!file) return setMissing(true);
    if (!kind || fileError) return;
    setMode(dryRun ? 'check' : 'apply');
    importer.mutate(
      { file, contentType: kind.contentType, dryRun, key },
      { onSuccess: (r) => !r.dryRun && notifications.show({ color: 'teal', message: t('import.done') }) },
    );
  };

  const template = () =>
    downloadFromApi(`/submissions/${id}/template.xlsx`, `fieldbook-${detail.round.projectCode}-${detail.round.periodKey}.xlsx`).catch((e: Error) =>
      notifications.show({ color: 'red', message: e.message }),
    );

  return (
    <Stack>
      <Text size="sm">{t('import.intro')}</Text>
      <Text size="sm" c="dimmed">
        {t('import.templateHint')}{' '}
        <Anchor component="button" type="button" size="sm" onClick={template}>
          {t('excel.downloadTemplate')}
        </Anchor>
      </Text>
      <FileInput
        label={t('import.file')}
        description={t('import.fileHelp')}
        placeholder={t('import.filePlaceholder')}
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        leftSection={<IconFileSpreadsheet size={16} />}
        value={file}
        onChange={choose}
        error={fileError}
        clearable
        required
        disabled={!!imported}
        data-testid="import-values-file"
      />
      {(error || importer.data) && (
        <div ref={outcomeRef}>
          {importProblems && <ImportValuesProblems error={importProblems} />}
          {error && !importProblems && <ErrorAlert error={error} />}
          {importer.data && <ImportValuesCounts result={importer.data} />}
        </div>
      )}
      <Group justify="flex-end">
        {imported ? (
          <Button onClick={onDone} data-testid="import-values-close">
            {t('common:actions.close')}
          </Button>
        ) : (
          <>
            <Button variant="default" onClick={onDone}>
              {t('common:actions.cancel')}
            </Button>
            <Button variant="light" onClick={() => run(true)} loading={importer.isPending && mode === 'check'} disabled={importer.isPending} data-testid="import-values-check">
              {t('import.check')}
            </Button>
            <Button onClick={() => run(false)} loading={importer.isPending && mode === 'apply'} disabled={importer.isPending} data-testid="import-values-apply">
              {t('import.apply')}
            </Button>
          </>
        )}
      </Group>
    </Stack>
  );
}
