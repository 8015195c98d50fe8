import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconFileDownload, IconFileSpreadsheet, IconFileUpload, IconTable } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Framework } from '@shared/schemas/index.js';
import { useFileDownload } from './use-file-download.js';
import { ImportFrameworkDialog } from './ImportFrameworkDialog.js';

type DownloadKind = 'framework' | 'plan' | 'template';

/**
 * The framework page's "Excel" menu: the framework and its indicator plan as workbooks, the blank
 * documented template, and (for editors) importing a filled workbook. Project frameworks only:
 * programme frameworks have no workbook of their own.
 */
export function ExcelMenu({ framework }: { framework: Framework }) {
  const { t } = useTranslation('excel');
  const [importing, setImporting] = useState(false);
  const projectId = framework.projectId;
  const files: Record<DownloadKind, { path: string; name: string }> = {
    framework: { path: `/projects/${projectId}/framework.xlsx`, name: 'framework.xlsx' },
    plan: { path: `/projects/${projectId}/indicator-plan.xlsx`, name: 'indicator-plan.xlsx' },
    template: { path: '/framework-template.xlsx', name: 'framework-template.xlsx' },
  };
  const { busy, download } = useFileDownload(files, t('downloadFailed'));
  if (!projectId) return null;

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} rightSection={<IconChevronDown size={14} />} loading={busy !== null} data-testid="excel-menu">
            {t('menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconFileDownload size={16} />} onClick={() => download('framework')} data-testid="download-framework">
            {t('downloadFramework')}
          </Menu.Item>
          <Menu.Item leftSection={<IconTable size={16} />} onClick={() => download('plan')} data-testid="download-plan">
            {t('downloadPlan')}
          </Menu.Item>
          <Menu.Item leftSection={<IconFileDownload size={16} />} onClick={() => download('template')} data-testid="download-template">
            {t('downloadTemplate')}
          </Menu.Item>
          {framework.canEdit && (
            <>
              <Menu.Divider />
              <Menu.Item leftSection={<IconFileUpload size={16} />} onClick={() => setImporting(true)} data-testid="import-framework">
                {t('import')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {framework.canEdit && <ImportFrameworkDialog projectId={projectId} opened={importing} onClose={() => setImporting(false)} />}
    </>
  );
}
