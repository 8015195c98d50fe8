import { Button, Menu } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type Locale, LOCALES } from '@shared/locales.js';
import { applyLocale, currentLocale } from '../i18n/index.js';

/** Language names are written in their own language so anyone can find theirs. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', es: 'Español', ar: 'العربية' };

export function LanguageMenu({ onChange }: { onChange?: (locale: Locale) => void }) {
  const { t } = useTranslation();
  const active = currentLocale();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray" leftSection={<IconLanguage size={18} />} aria-label={t('shell.language')} data-testid="language-menu">
          {LANGUAGE_NAMES[active]}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LOCALES.map((l) => (
          <Menu.Item
            key={l}
            lang={l}
            onClick={async () => {
              await applyLocale(l);
              onChange?.(l);
            }}
            fw={l === active ? 700 : undefined}
          >
            {LANGUAGE_NAMES[l]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
