import { Alert, Button, FileInput, Group, Menu, Modal, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconCircleCheck, IconFileDownload, IconFileSpreadsheet, IconFileUpload, IconListCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportWorkPlanResultT, WorkPlan } from '@shared/schemas/workplans.js';
import { ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatNumber } from '../../lib/format.js';
import { fileToBase64 } from '../framework-excel/download.js';
import { ImportProblems } from '../framework-excel/ImportProblems.js';
import { useFileDownload } from '../framework-excel/use-file-download.js';
import { useImportWorkPlan, workPlanFiles } from './queries.js';

/** The import body is limited to 10 MB of workbook; a larger file is refused here, before the upload. */
const MAX_BYTES = 10 * 1024 * 1024;

/** The plan's "Excel" menu: the plan as a workbook (fetched with the session) and, for editors, importing one. */
export function WorkPlanExcelMenu({ plan }: { plan: WorkPlan }) {
  const { t } = useTranslation('workplan');
  const [importing, setImporting] = useState(false);
  const { busy, download } = useFileDownload(workPlanFiles(plan.id, plan.year), t('excel.downloadFailed'));
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} rightSection={<IconChevronDown size={14} />} loading={busy !== null} data-testid="workplan-excel">
            {t('excel.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconFileDownload size={16} />} onClick={() => download('export')} data-testid="workplan-export">
            {t('excel.export')}
          </Menu.Item>
          {plan.canEdit && (
            <>
              <Menu.Divider />
              <Menu.Item leftSection={<IconFileUpload size={16} />} onClick={() => setImporting(true)} data-testid="workplan-import">
                {t('excel.import')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {plan.canEdit && <ImportWorkPlanDialog plan={plan} opened={importing} onClose={() => setImporting(false)} />}
    </>
  );
}

function ImportWorkPlanDialog({ plan, opened, onClose }: { plan: WorkPlan; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('workplan');
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Modal opened={opened} onClose={onClose} title={t('excel.dialogTitle', { year: plan.year })} size="xl" fullScreen={phone} closeOnClickOutside={false}>
      {opened && <ImportForm plan={plan} onDone={onClose} />}
    </Modal>
  );
}

/** Check first (nothing written, every problem listed by sheet, row and column), then import all or nothing. */
function ImportForm({ plan, onDone }: { plan: WorkPlan; onDone: () => void }) {
  const { t } = useTranslation('workplan');
  const importer = useImportWorkPlan(plan.id);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [mode, setMode] = useState<'check' | 'apply'>('check');
  const busy = reading || importer.isPending;
  const imported = importer.data && !importer.data.dryRun;
  const error = importer.error;
  const problems = error instanceof ApiError && error.code === 'import_failed' ? error : null;

  const choose = (f: File | null) => {
    importer.reset();
    setFile(f);
    setFileError(f && f.size > MAX_BYTES ? t('excel.tooLarge', { size: formatNumber(f.size / 1024 / 1024, { maximumFractionDigits: 1 }) }) : null);
  };

  const run = async (dryRun: boolean) => {
    if (!file) setFileError(t('excel.chooseFile'));
    if (!file || file.size > MAX_BYTES) return;
    setMode(dryRun ? 'check' : 'apply');
    setReading(true);
    let contentBase64: string;
    try {
      contentBase64 = await fileToBase64(file);
    } catch {
      setFileError(t('excel.readFailed'));
      return;
    } finally {
      setReading(false);
    }
    importer.mutate({ contentBase64, dryRun }, { onSuccess: (r) => !r.dryRun && notifications.show({ color: 'teal', message: t('excel.done') }) });
  };

  return (
    <Stack>
      <Text size="sm">{t(plan.status === 'approved' ? 'excel.introApproved' : 'excel.intro')}</Text>
      <FileInput
        label={t('excel.file')}
        placeholder={t('excel.filePlaceholder')}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        leftSection={<IconFileSpreadsheet size={16} />}
        value={file}
        onChange={choose}
        error={fileError}
        clearable
        required
        disabled={!!imported}
        data-testid="workplan-import-file"
      />
      {problems && <ImportProblems message={problems.message} details={problems.details} />}
      {error && !problems && <ErrorAlert error={error} />}
      {importer.data && <ImportCounts result={importer.data} />}
      <Group justify="flex-end">
        {imported ? (
          <Button onClick={onDone} data-testid="workplan-import-close">
            {t('common:actions.close')}
          </Button>
        ) : (
          <>
            <Button variant="default" onClick={onDone}>
              {t('common:actions.cancel')}
            </Button>
            <Button variant="light" onClick={() => void run(true)} loading={busy && mode === 'check'} disabled={busy} data-testid="workplan-import-check">
              {t('excel.check')}
            </Button>
            <Button onClick={() => void run(false)} loading={busy && mode === 'apply'} disabled={busy} data-testid="workplan-import-apply">
              {t('excel.apply')}
            </Button>
          </>
        )}
      </Group>
    </Stack>
  );
}

function ImportCounts({ result }: { result: ImportWorkPlanResultT }) {
  const { t } = useTranslation('workplan');
  const a = result.activities;
  return (
    <Alert
      color={result.dryRun ? 'blue' : 'teal'}
      icon={result.dryRun ? <IconListCheck size={18} /> : <IconCircleCheck size={18} />}
      title={result.dryRun ? t('excel.checkedTitle') : t('excel.importedTitle')}
      data-testid={result.dryRun ? 'workplan-import-checked' : 'workplan-import-done'}
    >
      <Table withTableBorder verticalSpacing={4} horizontalSpacing="xs" fz="sm" bg="var(--mantine-color-body)">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th ta="end">{t('excel.created')}</Table.Th>
            <Table.Th ta="end">{t('excel.updated')}</Table.Th>
            <Table.Th ta="end">{t('excel.unchanged')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{t('excel.activities')}</Table.Th>
            <Table.Td ta="end">{formatNumber(a.created)}</Table.Td>
            <Table.Td ta="end">{formatNumber(a.updated)}</Table.Td>
            <Table.Td ta="end">{formatNumber(a.unchanged)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="sm" mt="xs">
        {t('excel.milestones', { total: formatNumber(result.milestones.total), changed: formatNumber(result.milestones.changed) })}
      </Text>
    </Alert>
  );
}
