import { Anchor, Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeReason } from '@shared/domain/framework-templates.js';
import { ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatNumber } from '../../lib/format.js';
import { ChangeReasonFields, NO_WHY, type Why, whyProblems } from '../results/ChangeReasonFields.js';
import { downloadFromApi, fileToBase64 } from './download.js';
import { ImportCounts } from './ImportCounts.js';
import { ImportProblems } from './ImportProblems.js';
import { useImportFramework } from './queries.js';

/** The import body is limited to 10 MB of workbook; a larger file is refused here, before the upload. */
const MAX_BYTES = 10 * 1024 * 1024;

/** Import a filled framework workbook into a project: check first (nothing written), then import. */
export function ImportFrameworkDialog({ projectId, opened, onClose }: { projectId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('excel');
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Modal opened={opened} onClose={onClose} title={t('dialog.title')} size="xl" fullScreen={phone} closeOnClickOutside={false}>
      {opened && <ImportForm projectId={projectId} onDone={onClose} />}
    </Modal>
  );
}

function ImportForm({ projectId, onDone }: { projectId: string; onDone: () => void }) {
  const { t } = useTranslation(['excel', 'results']);
  const importer = useImportFramework(projectId);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [why, setWhy] = useState<Why>(NO_WHY);
  const [whyErrors, setWhyErrors] = useState<{ reason?: string; note?: string }>({});
  const [reading, setReading] = useState(false);
  /** Which button was pressed last, for its spinner. */
  const [mode, setMode] = useState<'check' | 'apply'>('check');
  const busy = reading || importer.isPending;
  const imported = importer.data && !importer.data.dryRun;
  const error = importer.error;
  const importProblems = error instanceof ApiError && error.code === 'import_failed' ? error : null;
  const outcomeRef = useRef<HTMLDivElement>(null);
  // The answer lands below the reason fields: bring it into view, a laptop screen cannot show both.
  useEffect(() => {
    if (importer.data || importer.error) outcomeRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [importer.data, importer.error]);

  const choose = (f: File | null) => {
    importer.reset();
    setFile(f);
    setFileError(f && f.size > MAX_BYTES ? t('dialog.tooLarge', { size: formatNumber(f.size / 1024 / 1024, { maximumFractionDigits: 1 }) }) : null);
  };

  const run = async (dryRun: boolean) => {
    const problems = whyProblems(why);
    setWhyErrors(Object.fromEntries(problems.map((p) => [p.field.replace(/^why\./, ''), p.message])));
    if (!file) setFileError(t('dialog.chooseFile'));
    if (!file || problems.length || file.size > MAX_BYTES) return;
    setMode(dryRun ? 'check' : 'apply');
    setReading(true);
    let contentBase64: string;
    try {
      contentBase64 = await fileToBase64(file);
    } catch {
      setFileError(t('dialog.readFailed'));
      return;
    } finally {
      setReading(false);
    }
    importer.mutate(
      { contentBase64, dryRun, why: { reason: why.reason as ChangeReason, note: why.note } },
      { onSuccess: (r) => !r.dryRun && notifications.show({ color: 'teal', message: t('dialog.done') }) },
    );
  };

  const template = () => downloadFromApi('/framework-template.xlsx', 'framework-template.xlsx').catch((e: Error) => notifications.show({ color: 'red', message: e.message }));

  return (
    <Stack>
      <Text size="sm">{t('dialog.intro')}</Text>
      <Text size="sm" c="dimmed">
        {t('dialog.templateHint')}{' '}
        <Anchor component="button" type="button" size="sm" onClick={template}>
          {t('downloadTemplate')}
        </Anchor>
      </Text>
      <FileInput
        label={t('dialog.file')}
        description={t('dialog.fileHelp')}
        placeholder={t('dialog.filePlaceholder')}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        leftSection={<IconFileSpreadsheet size={16} />}
        value={file}
        onChange={choose}
        error={fileError}
        clearable
        required
        disabled={!!imported}
        data-testid="import-file"
      />
      {!imported && (
        <ChangeReasonFields
          value={why}
          onChange={(v) => {
            setWhy(v);
            setWhyErrors({});
          }}
          errors={whyErrors}
        />
      )}
      {(error || importer.data) && (
        <div ref={outcomeRef}>
          {importProblems && <ImportProblems message={importProblems.message} details={importProblems.details} />}
          {error && !importProblems && <ErrorAlert error={error} />}
          {importer.data && <ImportCounts result={importer.data} />}
        </div>
      )}
      <Group justify="flex-end">
        {imported ? (
          <Button onClick={onDone} data-testid="import-close">
            {t('common:actions.close')}
          </Button>
        ) : (
          <>
            <Button variant="default" onClick={onDone}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              variant="light"
              onClick={() => void run(true)}
              loading={busy && mode === 'check'}
              disabled={busy}
              data-testid="import-check"
            >
              {t('dialog.check')}
            </Button>
            <Button
              onClick={() => void run(false)}
              loading={busy && mode === 'apply'}
              disabled={busy}
              data-testid="import-apply"
            >
              {t('dialog.apply')}
            </Button>
          </>
        )}
      </Group>
    </Stack>
  );
}
