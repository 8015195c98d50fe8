import { Menu } from '@mantine/core';
import { IconBooks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** "Add from library" in a result's menu; its text lives with the library feature. */
export function AddFromLibraryItem({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation('library');
  return (
    <Menu.Item leftSection={<IconBooks size={16} />} onClick={onClick} data-testid="add-from-library">
      {t('adopt.menu')}
    </Menu.Item>
  );
}
