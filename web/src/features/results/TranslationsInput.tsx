import { Button, Collapse, Stack, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@shared/locales.js';

/** The languages a text can be translated into; the main field holds the text as first written. */
export const TRANSLATION_LOCALES: readonly Exclude<Locale, 'en'>[] = ['fr', 'es', 'ar'];

/**
 * A collapsible set of inputs for a text's translations (French, Spanish, Arabic). Opens by itself
 * when a translation is already there or has a problem, so nothing is hidden that matters.
 */
export function TranslationsInput({
  label,
  value,
  onChange,
  errors = {},
  field,
  multiline = false,
  maxLength = 500,
}: {
  label: string;
  value: Record<string, string>;
  onChange: (next: Record<string, string>) => void;
  /** Problems keyed `<field>.<locale>`. */
  errors?: Record<string, string>;
  field: string;
  multiline?: boolean;
  maxLength?: number;
}) {
  const { t } = useTranslation('results');
  const filled = TRANSLATION_LOCALES.filter((l) => value[l]?.trim()).length;
  const hasError = TRANSLATION_LOCALES.some((l) => errors[`${field}.${l}`]) || !!errors[field];
  const [opened, { toggle }] = useDisclosure(filled > 0);
  const open = opened || hasError;
  return (
    <div>
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconLanguage size={16} />}
        onClick={toggle}
        aria-expanded={open}
        data-testid={`translations-${field}`}
      >
        {label}
        {filled > 0 ? ` (${filled}/${TRANSLATION_LOCALES.length})` : ''}
      </Button>
      <Collapse expanded={open}>
        <Stack gap="xs" mt="xs" ps="md" style={{ borderInlineStart: '2px solid var(--mantine-color-gray-3)' }}>
          {TRANSLATION_LOCALES.map((locale) => {
            const common = {
              label: t(`languages.${locale}`),
              value: value[locale] ?? '',
              error: errors[`${field}.${locale}`],
              dir: locale === 'ar' ? 'rtl' : 'ltr',
              lang: locale,
              maxLength,
              name: `${field}.${locale}`,
            } as const;
            const set = (text: string) => onChange({ ...value, [locale]: text });
            return multiline ? (
              <Textarea key={locale} {...common} autosize minRows={2} maxRows={8} onChange={(e) => set(e.currentTarget.value)} />
            ) : (
              <TextInput key={locale} {...common} onChange={(e) => set(e.currentTarget.value)} />
            );
          })}
          {errors[field] && <div role="alert" style={{ color: 'var(--mantine-color-error)', fontSize: 'var(--mantine-font-size-xs)' }}>{errors[field]}</div>}
        </Stack>
      </Collapse>
    </div>
  );
}

/** Drops empty translations, so a cleared input removes the translation instead of storing "". */
export const cleanTranslations = (value: Record<string, string>) =>
  Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v)) as Record<string, string>;
