import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PivotDefinition } from '@shared/schemas/monitoring.js';
import { ApiError } from '../../../api/client.js';
import { downloadFromApi } from '../../framework-excel/download.js';

type Format = 'xlsx' | 'csv';

/**
 * XLSX or CSV of the same pivot: the definition goes by POST (with the session and the CSRF
 * header), and the server computes the file with the same engine, so the file matches the table.
 */
export function ExportMenu({ definition, disabled, fileName }: { definition: PivotDefinition; disabled: boolean; fileName: string }) {
  const { t } = useTranslation('pivot');
  const [busy, setBusy] = useState<Format | null>(null);
  const download = (format: Format) => {
    setBusy(format);
    downloadFromApi(`/pivot/export?format=${format}`, `${fileName}.${format}`, { body: definition })
      .catch((err: unknown) =>
        notifications.show({
          color: 'red',
          title: t('export.failed'),
          message: err instanceof ApiError && err.code === 'network_error' ? t('common:errors.network') : (err as Error).message,
        }),
      )
      .finally(() => setBusy(null));
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />} disabled={disabled} loading={busy !== null} data-testid="pivot-export">
          {t('export.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => download('xlsx')} data-testid="pivot-export-xlsx">
          {t('export.xlsx')}
        </Menu.Item>
        <Menu.Item leftSection={<IconFileText size={16} />} onClick={() => download('csv')} data-testid="pivot-export-csv">
          {t('export.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
