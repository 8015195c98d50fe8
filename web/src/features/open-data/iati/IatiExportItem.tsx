import { Menu } from '@mantine/core';
import { IconFileCode } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** "IATI XML" as an item of the project's "Open data" menu; `onClick` comes from useIatiExport. */
export function IatiExportItem({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation('iati');
  return (
    <Menu.Item leftSection={<IconFileCode size={16} />} onClick={onClick} data-testid="iati-open">
      {t('action')}
    </Menu.Item>
  );
}
