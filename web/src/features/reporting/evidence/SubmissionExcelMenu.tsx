import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconFileDownload, IconFileSpreadsheet, IconFileUpload, IconTableExport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionDetail } from '@shared/schemas/index.js';
import { useFileDownload } from '../../framework-excel/use-file-download.js';
import { ImportValuesDialog } from './ImportValuesDialog.js';

type DownloadKind = 'template' | 'values';

/**
 * The submission's "Excel" menu: the pre-filled template to fill offline, the values as CSV, and,
 * while the reader may edit the package, importing a filled template or CSV.
 */
export function SubmissionExcelMenu({ detail }: { detail: SubmissionDetail }) {
  const { t } = useTranslation('evidence');
  const [importing, setImporting] = useState(false);
  const id = detail.submission.id;
  // Fallback names only: the server names the files after the project, period and organisation.
  const files: Record<DownloadKind, { path: string; name: string }> = {
    template: { path: `/submissions/${id}/template.xlsx`, name: `fieldbook-${detail.round.projectCode}-${detail.round.periodKey}.xlsx` },
    values: { path: `/submissions/${id}/values.csv`, name: `fieldbook-${detail.round.projectCode}-${detail.round.periodKey}.csv` },
  };
  const { busy, download } = useFileDownload(files, t('excel.downloadFailed'));

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} rightSection={<IconChevronDown size={14} />} loading={busy !== null} data-testid="submission-excel-menu">
            {t('excel.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconFileDownload size={16} />} onClick={() => download('template')} data-testid="download-values-template">
            {t('excel.downloadTemplate')}
          </Menu.Item>
          <Menu.Item leftSection={<IconTableExport size={16} />} onClick={() => download('values')} data-testid="export-values-csv">
            {t('excel.exportCsv')}
          </Menu.Item>
          {detail.canEdit && (
            <>
              <Menu.Divider />
              <Menu.Item leftSection={<IconFileUpload size={16} />} onClick={() => setImporting(true)} data-testid="import-values">
                {t('excel.import')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {detail.canEdit && <ImportValuesDialog detail={detail} opened={importing} onClose={() => setImporting(false)} />}
    </>
  );
}
