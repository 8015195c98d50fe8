import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconFileSpreadsheet, IconMap2, IconTableExport, IconWorldShare } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '@shared/schemas/index.js';
import { useFileDownload } from '../framework-excel/use-file-download.js';
import { IatiExportItem } from './iati/IatiExportItem.js';
import { useIatiExport } from './iati/useIatiExport.js';
import { openDataPaths } from './queries.js';

const ValuesExportDialog = lazy(() => import('./ValuesExportDialog.js'));

type Download = 'valuesHxl' | 'fourW';

/**
 * The project page's "Open data" menu: the approved values as HXL CSV (downloaded at once), the
 * values as Excel (a background job with a progress dialog, for projects of any size), the 4W table
 * of the project's programme as HXL CSV, and the IATI XML export for those who may publish it.
 * Everyone who sees the project sees the menu: the server gives each reader only what they may see.
 */
export function OpenDataMenu({ project }: { project: Project }) {
  const { t } = useTranslation('openData');
  const [excel, setExcel] = useState(false);
  const iati = useIatiExport(project);
  const files: Record<Download, { path: string; name: string }> = {
    valuesHxl: { path: openDataPaths.valuesHxl(project.id), name: `fieldbook-values-${project.code}.hxl.csv` },
    fourW: { path: openDataPaths.fourW(project.programmeId), name: 'fieldbook-4w.hxl.csv' },
  };
  const { busy, download } = useFileDownload(files, t('downloadFailed'));

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="light" leftSection={<IconWorldShare size={16} />} rightSection={<IconChevronDown size={14} />} loading={busy !== null} data-testid="open-data-menu">
            {t('menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('values')}</Menu.Label>
          <Menu.Item leftSection={<IconTableExport size={16} />} onClick={() => download('valuesHxl')} data-testid="open-data-values-hxl">
            {t('valuesHxl')}
          </Menu.Item>
          <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => setExcel(true)} data-testid="open-data-values-xlsx">
            {t('valuesExcel')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Label>{t('programme')}</Menu.Label>
          <Menu.Item leftSection={<IconMap2 size={16} />} onClick={() => download('fourW')} data-testid="open-data-4w">
            {t('fourW')}
          </Menu.Item>
          {iati.allowed && (
            <>
              <Menu.Divider />
              <IatiExportItem onClick={iati.open} />
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {excel && (
        <Suspense fallback={null}>
          <ValuesExportDialog projectId={project.id} projectCode={project.code} onClose={() => setExcel(false)} />
        </Suspense>
      )}
      {iati.dialog}
    </>
  );
}
